// Compiled by clang++ (when installed) with warnings as errors: the public headers must work
// with clang as well as g++, including building models with designated initializers.

#include <oaskit/lint.hpp>
#include <oaskit/oaskit.hpp>
#include <oaskit/security.hpp>

#include <type_traits>

#include "json/model_list.hpp"

// Every model default-constructs, as the reader needs (std::optional<M>::emplace()): clang 14
// once took Encoding, whose Boxes hold Encodings, for one that does not, and the fuzz build
// (clang) failed where g++ built.
#define OASKIT_DEFAULT_CONSTRUCTS(M) \
  static_assert(std::is_default_constructible_v<oaskit::M>, #M " must be default-constructible");
OASKIT_FOR_EACH_MODEL(OASKIT_DEFAULT_CONSTRUCTS)
#undef OASKIT_DEFAULT_CONSTRUCTS

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
