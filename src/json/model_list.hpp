#pragma once
// Every type parse<T> and to_json<T> are instantiated for: the models of fastapi.openapi.models,
// MutualTLS, and the SecurityScheme union.

#define OASKIT_FOR_EACH_MODEL(X)  \
  X(Contact)                      \
  X(License)                      \
  X(Info)                         \
  X(ServerVariable)               \
  X(Server)                       \
  X(Reference)                    \
  X(Discriminator)                \
  X(XML)                          \
  X(ExternalDocumentation)        \
  X(Schema)                       \
  X(Example)                      \
  X(Encoding)                     \
  X(MediaType)                    \
  X(ParameterBase)                \
  X(Parameter)                    \
  X(Header)                       \
  X(RequestBody)                  \
  X(Link)                         \
  X(Response)                     \
  X(Operation)                    \
  X(PathItem)                     \
  X(SecurityBase)                 \
  X(APIKey)                       \
  X(HTTPBase)                     \
  X(HTTPBearer)                   \
  X(MutualTLS)                    \
  X(OAuthFlow)                    \
  X(OAuthFlowImplicit)            \
  X(OAuthFlowPassword)            \
  X(OAuthFlowClientCredentials)   \
  X(OAuthFlowAuthorizationCode)   \
  X(OAuthFlowDeviceAuthorization) \
  X(OAuthFlows)                   \
  X(OAuth2)                       \
  X(OpenIdConnect)                \
  X(SecurityScheme)               \
  X(Components)                   \
  X(Tag)                          \
  X(OpenAPI)

// Every type the document loader may read the target of a `$ref` as: the models (a `$ref` where
// OpenAPI allows none is read as the model at its place), a schema, and the alternatives of
// the models' `OrReference<T>` members.
#define OASKIT_FOR_EACH_REF_TARGET(X) \
  OASKIT_FOR_EACH_MODEL(X)            \
  X(SchemaOrBool)                     \
  X(OrReference<Response>)            \
  X(OrReference<Parameter>)           \
  X(OrReference<Example>)             \
  X(OrReference<RequestBody>)         \
  X(OrReference<Header>)              \
  X(OrReference<SecurityScheme>)      \
  X(OrReference<Link>)                \
  X(OrReference<Callback>)            \
  X(OrReference<PathItem>)            \
  X(OrReference<MediaType>)

// Every type parse<T> and from_value<T> read: those, and Any (any JSON value, with the same
// checks and error positions).
#define OASKIT_FOR_EACH_READABLE(X) \
  OASKIT_FOR_EACH_REF_TARGET(X)     \
  X(Any)
