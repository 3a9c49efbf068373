#pragma once
// Every type parse<T> and to_json<T> are instantiated for: the models of fastapi.openapi.models,
// MutualTLS, and the SecurityScheme union.

#define OASKIT_FOR_EACH_MODEL(X) \
  X(Contact)                     \
  X(License)                     \
  X(Info)                        \
  X(ServerVariable)              \
  X(Server)                      \
  X(Reference)                   \
  X(Discriminator)               \
  X(XML)                         \
  X(ExternalDocumentation)       \
  X(Schema)                      \
  X(Example)                     \
  X(Encoding)                    \
  X(MediaType)                   \
  X(ParameterBase)               \
  X(Parameter)                   \
  X(Header)                      \
  X(RequestBody)                 \
  X(Link)                        \
  X(Response)                    \
  X(Operation)                   \
  X(PathItem)                    \
  X(SecurityBase)                \
  X(APIKey)                      \
  X(HTTPBase)                    \
  X(HTTPBearer)                  \
  X(MutualTLS)                   \
  X(OAuthFlow)                   \
  X(OAuthFlowImplicit)           \
  X(OAuthFlowPassword)           \
  X(OAuthFlowClientCredentials)  \
  X(OAuthFlowAuthorizationCode)  \
  X(OAuthFlows)                  \
  X(OAuth2)                      \
  X(OpenIdConnect)               \
  X(SecurityScheme)              \
  X(Components)                  \
  X(Tag)                         \
  X(OpenAPI)

// The models a Reference Object may stand for (`OrReference<T>` in the models).
#define OASKIT_FOR_EACH_REFERABLE_MODEL(X) \
  X(Response)                              \
  X(Parameter)                             \
  X(Example)                               \
  X(RequestBody)                           \
  X(Header)                                \
  X(SecurityScheme)                        \
  X(Link)                                  \
  X(Callback)                              \
  X(PathItem)
