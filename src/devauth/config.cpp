// The development authorization server's config: read from YAML or JSON with every problem at
// its line:column, and checked (read or made in C++) before the server starts.

#include <boost/json/serialize.hpp>
#include <boost/url/parse.hpp>
#include <fstream>
#include <set>
#include <sstream>

#include "devauth/config_check.hpp"
#include "oaskit/devauth.hpp"
#include "oaskit/document.hpp"
#include "oaskit/models.hpp"

namespace oaskit::devauth {
namespace {

Path at(const Path& base, PathElement element) {
  Path path = base;
  path.push_back(std::move(element));
  return path;
}

}  // namespace

std::string_view to_string(ClientAuthMethod method) {
  switch (method) {
    case ClientAuthMethod::client_secret_basic:
      return "client_secret_basic";
    case ClientAuthMethod::client_secret_post:
      return "client_secret_post";
    case ClientAuthMethod::private_key_jwt:
      return "private_key_jwt";
    case ClientAuthMethod::none:
      return "none";
  }
  return "none";
}

std::string_view to_string(GrantType grant) {
  switch (grant) {
    case GrantType::authorization_code:
      return "authorization_code";
    case GrantType::client_credentials:
      return "client_credentials";
    case GrantType::refresh_token:
      return "refresh_token";
    case GrantType::device_code:
      return "urn:ietf:params:oauth:grant-type:device_code";
  }
  return "authorization_code";
}

std::vector<std::pair<std::string_view, std::string Paths::*>> path_members() {
  return {{"token", &Paths::token},
          {"authorization", &Paths::authorization},
          {"jwks", &Paths::jwks},
          {"introspection", &Paths::introspection},
          {"revocation", &Paths::revocation},
          {"metadata", &Paths::metadata},
          {"openid_configuration", &Paths::openid_configuration},
          {"device_authorization", &Paths::device_authorization},
          {"device_verification", &Paths::device_verification}};
}

Map<std::string> scopes_of(const OpenAPI& document) {
  Map<std::string> scopes;
  if (!document.components || !document.components->securitySchemes) return scopes;
  auto add = [&](const auto& flow) {
    if (!flow) return;
    for (const auto& [name, description] : flow->scopes) {
      if (!scopes.contains(name)) scopes.insert_or_assign(name, description);
    }
  };
  for (const auto& [name, entry] : *document.components->securitySchemes) {
    const auto* scheme = std::get_if<SecurityScheme>(&entry);
    const auto* oauth2 = scheme != nullptr ? std::get_if<OAuth2>(scheme) : nullptr;
    if (oauth2 == nullptr) continue;
    // Every flow of the table, so that a new flow (3.2's deviceAuthorization) is not missed.
    std::apply([&](const auto&... flow) { (add(oauth2->flows.*(flow.member)), ...); },
               OAuthFlows::fields());
  }
  return scopes;
}

namespace detail {

void ConfigProblems::add(const Path& loc, std::string rule, std::string message) {
  if (source != nullptr) {
    list.push_back(
        Document::diagnostic(*source, loc, Severity::error, std::move(rule), std::move(message)));
    return;
  }
  list.push_back(Diagnostic{.severity = Severity::error,
                            .rule = std::move(rule),
                            .message = std::move(message),
                            .file = file,
                            .loc = loc,
                            .position = std::nullopt});
}

bool ConfigProblems::has_problem_under(const Path& loc) const {
  return std::any_of(list.begin(), list.end(), [&](const Diagnostic& d) {
    return d.loc.size() >= loc.size() && std::equal(loc.begin(), loc.end(), d.loc.begin());
  });
}

namespace {

// Why `uri` cannot be a redirect URI (RFC 6749 §3.1.2: absolute, no fragment); empty if it can.
std::string redirect_uri_problem(std::string_view uri) {
  auto parsed = boost::urls::parse_absolute_uri(uri);
  if (!parsed) {
    if (boost::urls::parse_uri(uri)) return "has a fragment, which RFC 6749 §3.1.2 forbids";
    return "is not an absolute URI (scheme://host/path)";
  }
  const auto scheme = parsed->scheme();
  if ((scheme == "http" || scheme == "https") && parsed->encoded_host().empty()) {
    return "has no host";
  }
  return {};
}

// Why `issuer` cannot be one (RFC 8414 §2: https URL without query or fragment; the metadata
// of an issuer with a path would be served under a path this server does not own).
std::string issuer_problem(std::string_view issuer) {
  auto parsed = boost::urls::parse_absolute_uri(issuer);
  if (!parsed || (parsed->scheme() != "http" && parsed->scheme() != "https") ||
      parsed->encoded_host().empty()) {
    return "is not an http(s) URL";
  }
  if (!parsed->encoded_path().empty() || parsed->has_query()) {
    return "must be an origin (scheme://host:port) without a path, query or trailing slash: the "
           "metadata is served at its /.well-known/oauth-authorization-server";
  }
  return {};
}

}  // namespace

void check_config(const Config& config, ConfigProblems& problems) {
  if (config.clients.empty()) {
    problems.add({}, "devauth-no-clients", "the config registers no client: add one to 'clients'");
  }
  std::set<std::string, std::less<>> client_ids;
  for (std::size_t i = 0; i < config.clients.size(); ++i) {
    const auto& client = config.clients[i];
    const Path base{"clients", i};
    if (client.client_id.empty() && !problems.has_problem_under(at(base, "client_id"))) {
      problems.add(at(base, "client_id"), "devauth-client", "the client has no client_id");
    } else if (!client_ids.insert(client.client_id).second) {
      problems.add(at(base, "client_id"), "devauth-client",
                   "the client_id '" + client.client_id + "' is registered twice");
    }
    const auto method = client.token_endpoint_auth_method;
    const bool secret_method = method == ClientAuthMethod::client_secret_basic ||
                               method == ClientAuthMethod::client_secret_post;
    if (secret_method && client.client_secret.empty() &&
        !problems.has_problem_under(at(base, "client_secret"))) {
      problems.add(at(base, "client_secret"), "devauth-client",
                   "the client authenticates with " + std::string(to_string(method)) +
                       " but has no client_secret (or make it a public client: "
                       "token_endpoint_auth_method: none)");
    }
    if (!secret_method && !client.client_secret.empty()) {
      problems.add(at(base, "client_secret"), "devauth-client",
                   "the client authenticates with " + std::string(to_string(method)) +
                       ", which uses no client_secret: remove it");
    }
    if (method == ClientAuthMethod::private_key_jwt && client.jwks.empty()) {
      problems.add(at(base, "jwks"), "devauth-client",
                   "the client authenticates with private_key_jwt but has no public key in "
                   "'jwks' to check its assertions with");
    }
    if (client.grant_types.empty() && !problems.has_problem_under(at(base, "grant_types"))) {
      problems.add(at(base, "grant_types"), "devauth-grant", "the client may use no grant");
    }
    if (client.is_public() && client.allows(GrantType::client_credentials)) {
      problems.add(at(base, "grant_types"), "devauth-grant",
                   "a public client (token_endpoint_auth_method: none) cannot use "
                   "client_credentials: it has no credentials (RFC 6749 §4.4)");
    }
    if (client.allows(GrantType::authorization_code) && client.redirect_uris.empty()) {
      problems.add(at(base, "redirect_uris"), "devauth-redirect-uri",
                   "the client uses authorization_code but registers no redirect_uris");
    }
    for (std::size_t r = 0; r < client.redirect_uris.size(); ++r) {
      auto problem = redirect_uri_problem(client.redirect_uris[r]);
      if (!problem.empty()) {
        problems.add(at(at(base, "redirect_uris"), r), "devauth-redirect-uri",
                     "the redirect URI '" + client.redirect_uris[r] + "' " + problem);
      }
    }
    for (std::size_t s = 0; s < client.scope.size(); ++s) {
      if (!config.scopes.contains(client.scope[s])) {
        std::string declared;
        for (const auto& [name, description] : config.scopes) {
          declared += (declared.empty() ? "" : ", ") + name;
        }
        problems.add(at(at(base, "scope"), s), "devauth-scope",
                     "the scope '" + client.scope[s] + "' is not declared by the document's " +
                         "OAuth2 flows" +
                         (declared.empty() ? " (they declare none)" : " (" + declared + ")"));
      }
    }
  }
  const bool signs_in =
      std::any_of(config.clients.begin(), config.clients.end(), [](const Client& c) {
        return c.allows(GrantType::authorization_code) || c.allows(GrantType::device_code);
      });
  if (signs_in && config.users.empty()) {
    problems.add({}, "devauth-user",
                 "a client uses authorization_code or device_code but no user can sign in: "
                 "add one to 'users'");
  }
  std::set<std::string, std::less<>> usernames;
  for (std::size_t i = 0; i < config.users.size(); ++i) {
    const auto& user = config.users[i];
    const Path base{"users", i};
    if (user.username.empty() && !problems.has_problem_under(at(base, "username"))) {
      problems.add(at(base, "username"), "devauth-user", "the user has no username");
    } else if (!usernames.insert(user.username).second) {
      problems.add(at(base, "username"), "devauth-user",
                   "the username '" + user.username + "' is listed twice");
    }
    // Client credentials tokens name the client as their sub (RFC 9068 §5): a user's must differ.
    const auto& subject = user.subject.empty() ? user.username : user.subject;
    if (!subject.empty() && client_ids.contains(subject)) {
      problems.add(at(base, user.subject.empty() ? "username" : "subject"), "devauth-user",
                   "the user's subject '" + subject +
                       "' is a client_id too: tokens for the user and for the client would have "
                       "the same sub; give the user a subject of its own");
    }
    if (user.password.empty() && !problems.has_problem_under(at(base, "password"))) {
      problems.add(at(base, "password"), "devauth-user", "the user has no password");
    }
  }
  if (!config.issuer.empty()) {
    auto problem = issuer_problem(config.issuer);
    if (!problem.empty()) {
      problems.add({"issuer"}, "devauth-issuer", "the issuer '" + config.issuer + "' " + problem);
    }
  }
  const std::pair<const char*, std::chrono::seconds> lifetimes[] = {
      {"access_token_lifetime", config.access_token_lifetime},
      {"refresh_token_lifetime", config.refresh_token_lifetime},
      {"code_lifetime", config.code_lifetime},
      {"device_code_lifetime", config.device_code_lifetime},
      {"device_poll_interval", config.device_poll_interval}};
  for (const auto& [name, lifetime] : lifetimes) {
    if (lifetime.count() <= 0) {
      problems.add({name}, "devauth-lifetime",
                   std::string(name) +
                       " must be a positive number "
                       "of seconds");
    }
  }
  if (jose::is_hmac(config.algorithm)) {
    problems.add({"algorithm"}, "devauth-key",
                 "access tokens are signed with a private key (ES256, RS256, EdDSA, ...), not "
                 "an HMAC secret: resource servers verify them with the public JWKS");
  } else if (config.signing_key && (!config.signing_key->has_private_part() ||
                                    !config.signing_key->fits(config.algorithm))) {
    problems.add({"signing_key"}, "devauth-key",
                 "the signing key must be a private key for " +
                     std::string(jose::to_string(config.algorithm)) +
                     (config.signing_key->has_private_part() ? "" : " (this one is public)"));
  }
  std::set<std::string_view> seen;
  for (const auto& [name, member] : path_members()) {
    const std::string* path = &(config.paths.*member);
    if (path->empty() || path->front() != '/' || path->find_first_of("?#") != std::string::npos) {
      problems.add({"paths", std::string(name)}, "devauth-path",
                   "the path '" + *path +
                       "' must start with '/'"
                       " and have no query or fragment");
    } else if (!seen.insert(*path).second) {
      problems.add({"paths", std::string(name)}, "devauth-path",
                   "the path '" + *path + "' is given to two endpoints");
    }
  }
}

}  // namespace detail

namespace {

using detail::ConfigProblems;

// Reads the members of a config's JSON value into a Config, reporting type errors.
class ConfigReader {
 public:
  ConfigReader(ConfigProblems& problems, std::filesystem::path base_folder)
      : problems_(problems), base_folder_(std::move(base_folder)) {}

  Config read(const boost::json::value& root) {
    Config config;
    const auto* object = expect_object(root, {});
    if (object == nullptr) return config;
    for (const auto& [key, value] : *object) {
      const Path loc{std::string(key)};
      if (key == "clients") {
        for_each_item(value, loc, [&](const boost::json::value& item, const Path& item_loc) {
          config.clients.push_back(read_client(item, item_loc));
        });
      } else if (key == "users") {
        for_each_item(value, loc, [&](const boost::json::value& item, const Path& item_loc) {
          config.users.push_back(read_user(item, item_loc));
        });
      } else if (key == "issuer") {
        read_string(value, loc, config.issuer);
      } else if (key == "audience") {
        read_string(value, loc, config.audience);
      } else if (key == "access_token_lifetime") {
        read_seconds(value, loc, config.access_token_lifetime);
      } else if (key == "refresh_token_lifetime") {
        read_seconds(value, loc, config.refresh_token_lifetime);
      } else if (key == "code_lifetime") {
        read_seconds(value, loc, config.code_lifetime);
      } else if (key == "device_code_lifetime") {
        read_seconds(value, loc, config.device_code_lifetime);
      } else if (key == "device_poll_interval") {
        read_seconds(value, loc, config.device_poll_interval);
      } else if (key == "algorithm") {
        std::string name;
        if (read_string(value, loc, name)) {
          auto alg = jose::algorithm_from_string(name);
          if (!alg) {
            problems_.add(loc, "devauth-key",
                          "'" + name +
                              "' is not a JWS algorithm oaskit signs "
                              "with (ES256, ES384, ES512, RS256, PS256, EdDSA, ...)");
          } else {
            config.algorithm = *alg;
          }
        }
      } else if (key == "signing_key") {
        std::string file;
        if (read_string(value, loc, file)) signing_key_ = {file, loc};
      } else if (key == "paths") {
        read_paths(value, loc, config.paths);
      } else if (key == "rate_limit") {
        read_rate_limit(value, loc, config.rate_limit);
      } else {
        unknown(loc,
                "clients, users, issuer, audience, access_token_lifetime, "
                "refresh_token_lifetime, code_lifetime, device_code_lifetime, "
                "device_poll_interval, algorithm, signing_key, paths, rate_limit");
      }
    }
    if (signing_key_)
      config.signing_key = read_key(signing_key_->first, signing_key_->second, config.algorithm);
    return config;
  }

 private:
  const boost::json::object* expect_object(const boost::json::value& value, const Path& loc) {
    if (value.is_object()) return &value.get_object();
    problems_.add(loc, "devauth-type", "expected an object (name: value members)");
    return nullptr;
  }

  template <class Each>
  void for_each_item(const boost::json::value& value, const Path& loc, const Each& each) {
    if (!value.is_array()) {
      problems_.add(loc, "devauth-type", "expected a list");
      return;
    }
    const auto& array = value.get_array();
    for (std::size_t i = 0; i < array.size(); ++i) {
      Path item = loc;
      item.emplace_back(i);
      each(array[i], item);
    }
  }

  bool read_string(const boost::json::value& value, const Path& loc, std::string& out) {
    if (!value.is_string()) {
      // YAML reads `password: 123456` as a number: say to quote it.
      problems_.add(loc, "devauth-type",
                    "expected a string" +
                        (problems_.source != nullptr ? problems_.source->quoting_hint(loc) : ""));
      return false;
    }
    out = std::string(value.get_string());
    return true;
  }

  void read_strings(const boost::json::value& value, const Path& loc,
                    std::vector<std::string>& out) {
    out.clear();
    for_each_item(value, loc, [&](const boost::json::value& item, const Path& item_loc) {
      std::string text;
      if (read_string(item, item_loc, text)) out.push_back(std::move(text));
    });
  }

  // RFC 7591's `scope` is one space-separated string; a list of names is taken too.
  void read_scope(const boost::json::value& value, const Path& loc, std::vector<std::string>& out) {
    if (value.is_array()) return read_strings(value, loc, out);
    std::string text;
    if (!read_string(value, loc, text)) return;
    std::istringstream words(text);
    for (std::string word; words >> word;) out.push_back(word);
  }

  void read_seconds(const boost::json::value& value, const Path& loc, std::chrono::seconds& out) {
    if (!value.is_int64() && !value.is_uint64()) {
      problems_.add(loc, "devauth-type", "expected a whole number of seconds");
      return;
    }
    out = std::chrono::seconds(value.is_int64() ? value.get_int64()
                                                : static_cast<std::int64_t>(value.get_uint64()));
  }

  void unknown(const Path& loc, std::string_view known) {
    problems_.add(loc, "devauth-unknown-member",
                  "'" + std::get<std::string>(loc.back()) +
                      "' is not a member here (known: " + std::string(known) + ")");
  }

  Client read_client(const boost::json::value& value, const Path& base) {
    Client client;
    const auto* object = expect_object(value, base);
    if (object == nullptr) return client;
    for (const auto& [key, member] : *object) {
      const Path loc = at(base, std::string(key));
      if (key == "client_id") {
        read_string(member, loc, client.client_id);
      } else if (key == "client_name") {
        read_string(member, loc, client.client_name);
      } else if (key == "client_secret") {
        read_string(member, loc, client.client_secret);
      } else if (key == "redirect_uris") {
        read_strings(member, loc, client.redirect_uris);
      } else if (key == "scope") {
        read_scope(member, loc, client.scope);
      } else if (key == "grant_types") {
        client.grant_types.clear();
        for_each_item(member, loc, [&](const boost::json::value& item, const Path& item_loc) {
          std::string name;
          if (!read_string(item, item_loc, name)) return;
          if (auto grant = grant_from(name)) {
            client.grant_types.push_back(*grant);
          } else if (name == "implicit" || name == "password") {
            problems_.add(
                item_loc, "devauth-grant",
                "the " + name +
                    " grant is not offered: RFC 9700 (OAuth 2.0 Security "
                    "Best Current Practice) forbids it; use authorization_code with PKCE");
          } else {
            problems_.add(item_loc, "devauth-grant",
                          "unknown grant '" + name +
                              "' (this server offers authorization_code, "
                              "client_credentials, refresh_token and "
                              "urn:ietf:params:oauth:grant-type:device_code)");
          }
        });
      } else if (key == "token_endpoint_auth_method") {
        std::string name;
        if (!read_string(member, loc, name)) continue;
        bool found = false;
        for (auto method :
             {ClientAuthMethod::client_secret_basic, ClientAuthMethod::client_secret_post,
              ClientAuthMethod::private_key_jwt, ClientAuthMethod::none}) {
          if (to_string(method) == name) {
            client.token_endpoint_auth_method = method;
            found = true;
          }
        }
        if (!found) {
          problems_.add(loc, "devauth-client",
                        "unknown token_endpoint_auth_method '" + name +
                            "' (client_secret_basic, "
                            "client_secret_post, private_key_jwt or none)");
        }
      } else if (key == "jwks") {
        auto keys = jose::KeySet::from_jwks(boost::json::serialize(member));
        if (!keys) {
          problems_.add(loc, "devauth-client", "the jwks cannot be read: " + keys.errors().message);
        } else {
          client.jwks = std::move(*keys);
        }
      } else {
        unknown(loc,
                "client_id, client_name, client_secret, redirect_uris, grant_types, scope, "
                "token_endpoint_auth_method, jwks");
      }
    }
    return client;
  }

  static std::optional<GrantType> grant_from(std::string_view name) {
    for (auto grant : {GrantType::authorization_code, GrantType::client_credentials,
                       GrantType::refresh_token, GrantType::device_code}) {
      if (to_string(grant) == name) return grant;
    }
    return std::nullopt;
  }

  User read_user(const boost::json::value& value, const Path& base) {
    User user;
    const auto* object = expect_object(value, base);
    if (object == nullptr) return user;
    for (const auto& [key, member] : *object) {
      const Path loc = at(base, std::string(key));
      if (key == "username") {
        read_string(member, loc, user.username);
      } else if (key == "password") {
        read_string(member, loc, user.password);
      } else if (key == "subject") {
        read_string(member, loc, user.subject);
      } else {
        unknown(loc, "username, password, subject");
      }
    }
    return user;
  }

  void read_paths(const boost::json::value& value, const Path& base, Paths& paths) {
    const auto* object = expect_object(value, base);
    if (object == nullptr) return;
    const auto names = path_members();
    for (const auto& [key, member] : *object) {
      const Path loc = at(base, std::string(key));
      std::string* target = nullptr;
      for (const auto& [name, path] : names) {
        if (name == key) target = &(paths.*path);
      }
      if (target == nullptr) {
        std::string known;
        for (const auto& [name, path] : names)
          known += (known.empty() ? "" : ", ") + std::string(name);
        unknown(loc, known);
      } else {
        read_string(member, loc, *target);
      }
    }
  }

  void read_rate_limit(const boost::json::value& value, const Path& base, RateLimit& limit) {
    const auto* object = expect_object(value, base);
    if (object == nullptr) return;
    for (const auto& [key, member] : *object) {
      const Path loc = at(base, std::string(key));
      if (key == "max_failures") {
        if (!member.is_int64() || member.get_int64() < 1) {
          problems_.add(loc, "devauth-type", "expected a whole number of at least 1");
        } else {
          limit.max_failures = static_cast<unsigned>(member.get_int64());
        }
      } else if (key == "window") {
        read_seconds(member, loc, limit.window);
      } else {
        unknown(loc, "max_failures, window");
      }
    }
  }

  std::optional<jose::Key> read_key(const std::string& file, const Path& loc, jose::Algorithm alg) {
    const auto path = base_folder_ / file;
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    if (!in || !(text << in.rdbuf())) {
      problems_.add(loc, "devauth-key",
                    "the signing key file " + path.string() + " cannot be read");
      return std::nullopt;
    }
    const auto content = text.str();
    auto key = detect_format(content) == SourceFormat::json ? jose::Key::from_jwk(content)
                                                            : jose::Key::from_pem(content, {}, alg);
    if (!key) {
      problems_.add(
          loc, "devauth-key",
          "the signing key " + path.string() + " cannot be used: " + key.errors().message);
      return std::nullopt;
    }
    if (key->kid()) return *key;
    // A PEM key has no kid: its thumbprint names it, stable across restarts.
    auto pem = jose::Key::from_pem(content, key->thumbprint(), alg);
    if (pem) return *pem;
    return *key;
  }

  ConfigProblems& problems_;
  std::filesystem::path base_folder_;
  std::optional<std::pair<std::string, Path>> signing_key_;
};

}  // namespace

Result<Config, Diagnostics> read_config_text(std::string name, std::string text,
                                             const std::filesystem::path& base_folder,
                                             Map<std::string> scopes) {
  auto source = read_source(name, "file:" + name, std::move(text));
  if (!source) return source.errors();
  ConfigProblems problems{.source = source->get(), .file = std::move(name), .list = {}};
  ConfigReader reader(problems, base_folder);
  auto config = reader.read((*source)->value());
  config.scopes = std::move(scopes);
  detail::check_config(config, problems);
  if (!problems.list.empty()) return problems.list;
  return config;
}

Result<Config, Diagnostics> read_config(const std::filesystem::path& path,
                                        Map<std::string> scopes) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  if (!in || !(text << in.rdbuf())) {
    return Diagnostics{Diagnostic{.severity = Severity::error,
                                  .rule = "devauth-config",
                                  .message = "the config file cannot be read",
                                  .file = path.string(),
                                  .loc = {},
                                  .position = std::nullopt}};
  }
  return read_config_text(path.string(), text.str(), path.parent_path(), std::move(scopes));
}

std::string default_config_text(const Map<std::string>& scopes,
                                std::string_view docs_redirect_path) {
  std::string scope;
  for (const auto& [name, description] : scopes) scope += (scope.empty() ? "" : " ") + name;
  const auto quoted = [](std::string_view text) {
    return boost::json::serialize(boost::json::value(text));
  };
  std::string out;
  out += "# oaskit development authorization server: clients and users for trying the API out.\n";
  out += "clients:\n";
  out += "  - client_id: service\n";
  out += "    client_name: A service (client credentials)\n";
  out += "    client_secret: " + quoted(jose::random_base64url(24)) + "\n";
  out += "    token_endpoint_auth_method: client_secret_basic\n";
  out += "    grant_types: [client_credentials]\n";
  out += "    scope: " + quoted(scope) + "\n";
  out += "  - client_id: docs\n";
  out += "    client_name: The API's docs page (Swagger UI)\n";
  out += "    token_endpoint_auth_method: none\n";
  out += "    grant_types: [authorization_code, refresh_token]\n";
  out += "    redirect_uris:\n";
  out += "      - " + quoted("http://127.0.0.1" + std::string(docs_redirect_path)) + "\n";
  out += "      - " + quoted("http://localhost" + std::string(docs_redirect_path)) + "\n";
  out += "    scope: " + quoted(scope) + "\n";
  out += "  - client_id: device\n";
  out += "    client_name: A program without a browser (device authorization, RFC 8628)\n";
  out += "    token_endpoint_auth_method: none\n";
  out += "    grant_types: [urn:ietf:params:oauth:grant-type:device_code]\n";
  out += "    scope: " + quoted(scope) + "\n";
  out += "users:\n";
  out += "  - username: alice\n";
  out += "    password: " + quoted(jose::random_base64url(12)) + "\n";
  return out;
}

}  // namespace oaskit::devauth
