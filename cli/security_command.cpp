// oaskit security FILE: what a document's security schemes and OAuth 2.0 flows are, and which
// operations need them.

#include <fmt/core.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <boost/json/serialize.hpp>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <variant>

#include "commands.hpp"
#include "input.hpp"
#include "oaskit/document.hpp"
#include "oaskit/json.hpp"
#include "oaskit/model/openapi.hpp"
#include "util/ascii.hpp"

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

struct OperationRow {
  std::string method;
  std::string path;
  const std::vector<SecurityRequirement>* security;  // null: none declared anywhere
};

std::vector<OperationRow> operations_of(const OpenAPI& doc) {
  std::vector<OperationRow> rows;
  const auto* global = doc.security ? &*doc.security : nullptr;
  auto add_item = [&](const std::string& path, const PathItem& item) {
    for (const auto& [method, operation, additional] : item.operations()) {
      const auto* security = operation.security ? &*operation.security : global;
      rows.push_back({oaskit::detail::ascii_uppercase(method), path, security});
    }
  };
  if (doc.paths) {
    for (const auto& [path, item] : doc.paths->entries) add_item(path, item);
  }
  if (doc.webhooks) {
    for (const auto& [name, item] : *doc.webhooks) {
      if (const auto* path_item = std::get_if<PathItem>(&item)) {
        add_item("webhook " + name, *path_item);
      }
    }
  }
  return rows;
}

// What an operation needs of one scheme: per alternative naming it, its scopes ("✓" when it
// names none); alternatives separated by " | "; "-" when no alternative uses the scheme.
std::string matrix_cell(const std::vector<SecurityRequirement>* security, const std::string& name) {
  if (security == nullptr) return "-";
  std::vector<std::string> uses;
  for (const auto& requirement : *security) {
    for (const auto& [scheme, scopes] : requirement) {
      if (scheme != name) continue;
      uses.push_back(scopes.empty() ? "\u2713" : fmt::format("{}", fmt::join(scopes, " ")));
    }
  }
  return uses.empty() ? "-" : fmt::format("{}", fmt::join(uses, " | "));
}

// Display width in characters (the check mark and other UTF-8 count once).
std::size_t width_of(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

void print_padded(std::string_view text, std::size_t width) {
  fmt::print("{}{}", text, std::string(width > width_of(text) ? width - width_of(text) : 0, ' '));
}

void print_matrix(const OpenAPI& doc, const std::vector<OperationRow>& rows) {
  std::vector<std::string> schemes;
  if (doc.components && doc.components->securitySchemes) {
    for (const auto& [name, scheme] : *doc.components->securitySchemes) schemes.push_back(name);
  }
  fmt::print(
      "\nWho can call what (scopes each operation needs per scheme; \u2713 = the scheme without "
      "scopes, | = alternatives, - = not accepted):\n");
  std::vector<std::vector<std::string>> table;
  std::vector<std::string> header{"operation"};
  header.insert(header.end(), schemes.begin(), schemes.end());
  header.emplace_back("requirement");
  table.emplace_back(header);
  for (const auto& row : rows) {
    std::vector<std::string> cells{row.method + " " + row.path};
    for (const auto& name : schemes) cells.push_back(matrix_cell(row.security, name));
    cells.push_back(row.security ? requirement_text(*row.security) : "none declared");
    table.push_back(std::move(cells));
  }
  std::vector<std::size_t> widths(header.size(), 0);
  for (const auto& cells : table) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      widths[i] = std::max(widths[i], width_of(cells[i]));
    }
  }
  for (const auto& cells : table) {
    fmt::print("  ");
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i + 1 == cells.size()) {
        fmt::print("{}\n", cells[i]);
      } else {
        print_padded(cells[i], widths[i] + 2);
      }
    }
  }
}

int run(const std::string& file) {
  auto loaded = load_document(file, {});
  if (!loaded) {
    for (const auto& d : loaded.errors()) fmt::print(stderr, "{}\n", to_string(d));
    return invalid_input;
  }
  const Document& document = *loaded;
  for (const auto& d : document.problems()) fmt::print(stderr, "{}\n", to_string(d));
  const OpenAPI& doc = document.model();
  fmt::print("{} {} (OpenAPI {})\n\nSecurity schemes:\n", doc.info.title, doc.info.version,
             doc.openapi);
  if (doc.components && doc.components->securitySchemes) {
    for (const auto& [name, entry] : *doc.components->securitySchemes) {
      fmt::print("  {}: ", name);
      if (const auto* ref = std::get_if<Reference>(&entry)) fmt::print("($ref {}) ", ref->ref);
      if (auto scheme = document.security_scheme(name)) {
        print_scheme(*scheme);
      } else {
        fmt::print("unresolved\n");
      }
    }
  }
  fmt::print("\nDefault security: {}\n",
             doc.security ? requirement_text(*doc.security) : "none declared");
  print_matrix(doc, operations_of(doc));
  return ok;
}

}  // namespace

Command add_security_command(CLI::App& app) {
  auto file = std::make_shared<std::string>("-");
  auto* command =
      app.add_subcommand("security",
                         "Summarise an OpenAPI document's security schemes, OAuth 2.0 flows and "
                         "which operations need them");
  command->add_option("FILE", *file, "OpenAPI JSON or YAML file; - or absent for standard input");
  return {command, [file] { return run(*file); }};
}

}  // namespace oaskit::cli
