// Compiled by clang++ (when installed) with warnings as errors: the public headers must work
// with clang as well as g++, including building models with designated initializers.

#include <oaskit/lint.hpp>
#include <oaskit/oaskit.hpp>
#include <oaskit/security.hpp>

int main() {
  using namespace oaskit;
  const OpenAPI doc{
      .openapi = "3.1.0",
      .info = Info{.title = "Pets", .version = "1"},
      .paths = Paths{.entries = {{"/pets", PathItem{.get = Operation{.operationId = "list"}}}}},
      .components = Components{
          .schemas =
              Map<SchemaOrBool>{{"Pet", Schema{.properties = Map<SchemaOrBool>{{"id", true}}}}},
          .securitySchemes = Map<OrReference<SecurityScheme>>{
              {"oauth", SecurityScheme{OAuth2{
                            .flows = OAuthFlows{.clientCredentials = OAuthFlowClientCredentials{
                                                    .tokenUrl = "https://auth.example.com/token",
                                                    .scopes = {{"pets:read", "Read pets"}}}}}}}}}};
  return doc == doc ? 0 : 1;
}
