// oaskit security FILE: what a document's security schemes and OAuth 2.0 flows are, and which
// operations need them.

#include <fmt/core.h>
#include <fmt/ranges.h>

#include <memory>
#include <string>
#include <variant>

#include "commands.hpp"
#include "input.hpp"
#include "oaskit/json.hpp"

namespace oaskit::cli {
namespace {

template <class Flow>
void print_flow(std::string_view name, const Flow& flow) {
  fmt::print("    {}\n", name);
  if constexpr (requires { flow.authorizationUrl; }) {
    fmt::print("      authorizationUrl  {}\n", flow.authorizationUrl);
  }
  if constexpr (requires { flow.tokenUrl; })
    fmt::print("      tokenUrl          {}\n", flow.tokenUrl);
  if (flow.refreshUrl) fmt::print("      refreshUrl        {}\n", *flow.refreshUrl);
  for (const auto& [scope, description] : flow.scopes) {
    fmt::print("      scope {:<16} {}\n", scope, description);
  }
}

void print_scheme(const SecurityScheme& scheme) {
  std::visit(
      [](const auto& s) {
        using S = std::decay_t<decltype(s)>;
        if constexpr (std::is_same_v<S, APIKey>) {
          fmt::print("apiKey in {} named {}\n", enum_names(s.in)[static_cast<int>(s.in)], s.name);
        } else if constexpr (std::is_same_v<S, HTTPBearer>) {
          fmt::print("http {}{}\n", s.scheme, s.bearerFormat ? " (" + *s.bearerFormat + ")" : "");
        } else if constexpr (std::is_same_v<S, HTTPBase>) {
          fmt::print("http {}\n", s.scheme);
        } else if constexpr (std::is_same_v<S, OAuth2>) {
          fmt::print("oauth2\n");
          if (s.flows.implicit) print_flow("implicit", *s.flows.implicit);
          if (s.flows.password) print_flow("password", *s.flows.password);
          if (s.flows.clientCredentials)
            print_flow("clientCredentials", *s.flows.clientCredentials);
          if (s.flows.authorizationCode)
            print_flow("authorizationCode", *s.flows.authorizationCode);
        } else if constexpr (std::is_same_v<S, OpenIdConnect>) {
          fmt::print("openIdConnect at {}\n", s.openIdConnectUrl);
        } else {
          fmt::print("mutualTLS\n");
        }
      },
      scheme);
}

std::string requirement_text(const std::vector<SecurityRequirement>& alternatives) {
  if (alternatives.empty()) return "none (public)";
  std::vector<std::string> parts;
  for (const auto& requirement : alternatives) {
    std::vector<std::string> all;
    for (const auto& [name, scopes] : requirement) {
      all.push_back(scopes.empty() ? name : fmt::format("{} [{}]", name, fmt::join(scopes, " ")));
    }
    parts.push_back(all.empty() ? "anonymous" : fmt::format("{}", fmt::join(all, " + ")));
  }
  return fmt::format("{}", fmt::join(parts, " or "));
}

int run(const std::string& file) {
  const auto text = read_input(file);
  if (!text) return usage_error;
  auto doc = parse<OpenAPI>(*text);
  if (!doc) {
    for (const auto& e : doc.errors()) fmt::print(stderr, "{}:{}\n", file, to_string(e));
    return invalid_input;
  }
  fmt::print("{} {} (OpenAPI {})\n\nSecurity schemes:\n", doc->info.title, doc->info.version,
             doc->openapi);
  if (doc->components && doc->components->securitySchemes) {
    for (const auto& [name, scheme] : *doc->components->securitySchemes) {
      fmt::print("  {}: ", name);
      if (const auto* ref = std::get_if<Reference>(&scheme)) {
        fmt::print("$ref {}\n", ref->ref);
      } else {
        print_scheme(std::get<SecurityScheme>(scheme));
      }
    }
  }
  const auto global = doc->security.value_or(std::vector<SecurityRequirement>{});
  fmt::print("\nDefault security: {}\n\nOperations:\n",
             doc->security ? requirement_text(global) : "none declared");
  if (!doc->paths) return ok;
  for (const auto& [path, item] : doc->paths->entries) {
    const std::pair<const char*, const Box<Operation>*> operations[] = {
        {"GET", &item.get},        {"PUT", &item.put},         {"POST", &item.post},
        {"DELETE", &item.delete_}, {"OPTIONS", &item.options}, {"HEAD", &item.head},
        {"PATCH", &item.patch},    {"TRACE", &item.trace}};
    for (const auto& [method, operation] : operations) {
      if (!*operation) continue;
      const auto& security = (*operation)->security ? *(*operation)->security : global;
      fmt::print("  {:<7} {:<28} {}\n", method, path, requirement_text(security));
    }
  }
  return ok;
}

}  // namespace

Command add_security_command(CLI::App& app) {
  auto file = std::make_shared<std::string>("-");
  auto* command =
      app.add_subcommand("security",
                         "Summarise an OpenAPI document's security schemes, OAuth 2.0 flows and "
                         "which operations need them");
  command->add_option("FILE", *file, "OpenAPI JSON file; - or absent for standard input");
  return {command, [file] { return run(*file); }};
}

}  // namespace oaskit::cli
