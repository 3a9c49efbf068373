// Security rules: requirements name declared schemes and scopes, OAuth 2.0 flows use sound
// URLs and grants, http and apiKey schemes are what clients expect.

#include <algorithm>
#include <array>
#include <boost/url/parse.hpp>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/authorization_server_metadata.hpp"
#include "lint/lint_context.hpp"
#include "lint/rules.hpp"
#include "util/ascii.hpp"
#include "util/url.hpp"

namespace oaskit::lint_detail {

namespace {

using detail::equals_ignoring_ascii_case;

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

// One OAuth flow's scopes and URLs, whichever flow type it is.
struct FlowView {
  std::string_view name;
  const Map<std::string>* scopes;
  std::vector<std::pair<std::string_view, const std::string*>> urls;
};

// A flow's URLs in its table's order, whichever it has.
template <class Flow>
FlowView view_of(std::string_view name, const Flow& flow) {
  FlowView view{name, &flow.scopes, {}};
  if constexpr (requires { flow.authorizationUrl; }) {
    view.urls.emplace_back("authorizationUrl", &flow.authorizationUrl);
  }
  if constexpr (requires { flow.deviceAuthorizationUrl; }) {
    view.urls.emplace_back("deviceAuthorizationUrl", &flow.deviceAuthorizationUrl);
  }
  if constexpr (requires { flow.tokenUrl; }) view.urls.emplace_back("tokenUrl", &flow.tokenUrl);
  view.urls.emplace_back("refreshUrl", flow.refreshUrl ? &*flow.refreshUrl : nullptr);
  return view;
}

std::vector<FlowView> flows_of(const OAuthFlows& flows) {
  std::vector<FlowView> out;
  const auto add = [&](std::string_view name, const auto& flow) {
    if (flow) out.push_back(view_of(name, *flow));
  };
  add("implicit", flows.implicit);
  add("password", flows.password);
  add("clientCredentials", flows.clientCredentials);
  add("authorizationCode", flows.authorizationCode);
  add("deviceAuthorization", flows.deviceAuthorization);
  return out;
}

// The RFC 8414 metadata member a flow URL names the same endpoint as: refreshes go to the
// token endpoint (RFC 6749 §6), which is the only one the metadata has for them.
std::pair<std::string_view, const std::string*> metadata_endpoint(
    std::string_view field, const detail::AuthorizationServerMetadata& metadata) {
  if (field == "authorizationUrl") {
    return {"authorization_endpoint", &metadata.authorization_endpoint};
  }
  if (field == "deviceAuthorizationUrl") {
    return {"device_authorization_endpoint", &metadata.device_authorization_endpoint};
  }
  return {"token_endpoint", &metadata.token_endpoint};  // tokenUrl, refreshUrl
}

// security-oauth2-metadata-mismatch's message: `flow_url` ("authorizationCode.tokenUrl") is
// `url`, where the metadata at `metadata_url` has `endpoint` as its `member` (or none).
std::string metadata_mismatch(const std::string& flow_url, const std::string& url,
                              const std::string& metadata_url, std::string_view member,
                              const std::string& endpoint) {
  const std::string said = endpoint.empty()
                               ? "names no " + std::string(member)
                               : "says its " + std::string(member) + " is '" + endpoint + "'";
  return flow_url + " is '" + url + "', but the authorization server's metadata at '" +
         metadata_url + "' " + said +
         "; make the document agree with the server (clients that read the metadata use its "
         "endpoints)";
}

std::string_view type_name(const SecurityScheme& scheme) {
  return std::visit(
      [](const auto& s) { return enum_names(s.type)[static_cast<std::size_t>(s.type)]; }, scheme);
}

class SecurityRules {
 public:
  explicit SecurityRules(LintContext& context) : context_(context) {}

  void run() {
    read_declared_schemes();
    for (const auto& [name, scheme] : schemes_) {
      if (scheme) check_scheme(scheme->value, scheme->place);
    }
    const auto& model = context_.doc().model();
    if (model.security) check_requirements(*model.security, context_.doc().root(), {"security"});
    const bool root_protected = model.security && !model.security->empty();
    context_.visit_models(Overloaded{
        [&](const Operation& operation, const Source& source, const Path& loc) {
          if (operation.security) {
            check_requirements(*operation.security, source, child(loc, "security"));
          } else if (!root_protected) {
            context_.report(
                source, loc, "security-operation-unprotected",
                "This operation has no security requirement and the document has none either, "
                "so anyone may call it; add `security` here or at the root, or `security: []` "
                "to state that it is public");
          }
        },
        [](const auto&, const Source&, const Path&) {}});
  }

  // Each oauth2MetadataUrl fetched, and the flows' absolute URLs compared with its endpoints.
  void check_metadata(const HttpOptions& http) {
    read_declared_schemes();
    for (const auto& [name, scheme] : schemes_) {
      const auto* oauth = scheme ? std::get_if<OAuth2>(&scheme->value) : nullptr;
      if (oauth == nullptr || !oauth->oauth2MetadataUrl) continue;
      const Source& source = *scheme->place.source;
      const std::string& metadata_url = *oauth->oauth2MetadataUrl;
      // A relative one is read from the server a client picks, as relative flow URLs are.
      if (!boost::urls::parse_uri(metadata_url)) continue;
      // Remote $refs may use plain http when allowed; so may this, which only reads.
      const auto metadata = detail::fetch_authorization_server_metadata(
          metadata_url, http, detail::PlainHttp::any_host);
      if (!metadata) {
        context_.report(source, child(scheme->place.loc, "oauth2MetadataUrl"),
                        "security-oauth2-metadata-unavailable",
                        "The authorization server metadata of scheme '" + name +
                            "' could not be read, so its flows' URLs were not compared with it: " +
                            metadata.errors().message);
        continue;
      }
      const Path flows_loc = child(scheme->place.loc, "flows");
      for (const auto& flow : flows_of(oauth->flows)) {
        for (const auto& [field, url] : flow.urls) {
          // A relative URL depends on the server a client picks; only absolute ones compare.
          if (url == nullptr || !boost::urls::parse_uri(*url)) continue;
          const auto [member, endpoint] = metadata_endpoint(field, *metadata);
          if (*url == *endpoint) continue;
          context_.report(source,
                          child(child(flows_loc, std::string(flow.name)), std::string(field)),
                          "security-oauth2-metadata-mismatch",
                          metadata_mismatch(std::string(flow.name) + "." + std::string(field), *url,
                                            metadata_url, member, *endpoint));
        }
      }
    }
  }

 private:
  void read_declared_schemes() {
    const auto& components = context_.doc().model().components;
    if (!components || !components->securitySchemes) return;
    for (const auto& [name, item] : *components->securitySchemes) {
      schemes_.emplace(
          name, context_.resolve(
                    item, Place{&context_.doc().root(), {"components", "securitySchemes", name}}));
    }
  }

  void check_requirements(const std::vector<SecurityRequirement>& requirements,
                          const Source& source, const Path& loc) {
    for (std::size_t i = 0; i < requirements.size(); ++i) {
      for (const auto& [name, scopes] : requirements[i]) {
        const Path at = child(child(loc, i), name);
        const auto declared = schemes_.find(name);
        if (declared != schemes_.end()) {
          if (declared->second) check_scopes(declared->second->value, name, scopes, source, at);
        } else if (context_.version() >= SpecVersion::v3_2 && !is_component_name(name)) {
          // A URI reference to a scheme (3.2): the loader resolved it, or reported why not.
          if (auto scheme = context_.doc().security_scheme(name)) {
            check_scopes(*scheme, name, scopes, source, at);
          }
        } else {
          report_undeclared_scheme(source, at, name);
        }
      }
    }
  }

  void report_undeclared_scheme(const Source& source, const Path& at, const std::string& name) {
    std::vector<std::string> names;
    for (const auto& declared : schemes_) names.push_back("'" + declared.first + "'");
    context_.report(source, at, "security-undeclared-scheme",
                    "The security requirement names scheme '" + name +
                        "', which components.securitySchemes does not declare" +
                        (names.empty() ? std::string(" (it declares none)")
                                       : " (it declares " + joined(names) + ")") +
                        "; declare it there or correct the name");
  }

  void check_scopes(const SecurityScheme& scheme, const std::string& name,
                    const std::vector<std::string>& scopes, const Source& source, const Path& at) {
    if (const auto* oauth = std::get_if<OAuth2>(&scheme)) {
      const auto flows = flows_of(oauth->flows);
      for (std::size_t i = 0; i < scopes.size(); ++i) {
        std::vector<std::string> having;
        std::vector<std::string> lacking;
        for (const auto& flow : flows) {
          (flow.scopes->contains(scopes[i]) ? having : lacking).emplace_back(flow.name);
        }
        if (having.empty()) {
          context_.report(source, child(at, i), "security-undeclared-scope",
                          "Scope '" + scopes[i] +
                              "' is declared by none of the flows of OAuth2 scheme '" + name +
                              "' (" +
                              (lacking.empty() ? std::string("it has no flows")
                                               : joined(lacking) + " lack it") +
                              "); add it to the scopes of the flows that grant it, or correct "
                              "the name");
        } else if (!lacking.empty()) {
          context_.report(source, child(at, i), "security-scope-not-in-all-flows",
                          "Scope '" + scopes[i] + "' of OAuth2 scheme '" + name +
                              "' is declared by " + joined(having) + " but not by " +
                              joined(lacking) + ", so clients using " + joined(lacking) +
                              " cannot call this; declare it there too if they should");
        }
      }
    } else if (!std::holds_alternative<OpenIdConnect>(scheme) && !scopes.empty() &&
               context_.is_30()) {
      context_.report(source, at, "security-scopes-on-non-oauth",
                      "Scheme '" + name + "' is of type " + std::string(type_name(scheme)) +
                          ", which takes no scopes in OpenAPI 3.0 (only oauth2 and "
                          "openIdConnect do); list it with [] (OpenAPI 3.1 allows role names "
                          "here)");
    }
  }

  void check_scheme(const SecurityScheme& scheme, const Place& place) {
    const Source& source = *place.source;
    if (const auto* oauth = std::get_if<OAuth2>(&scheme)) {
      if (oauth->oauth2MetadataUrl) {
        check_flow_url(source, child(place.loc, "oauth2MetadataUrl"), *oauth->oauth2MetadataUrl,
                       "lets anyone on the path change the endpoints clients read from it "
                       "(OpenAPI 3.2 requires TLS for it)");
      }
      const Path flows_loc = child(place.loc, "flows");
      for (const auto& flow : flows_of(oauth->flows)) {
        const Path flow_loc = child(flows_loc, std::string(flow.name));
        for (const auto& [field, url] : flow.urls) {
          if (url != nullptr) check_flow_url(source, child(flow_loc, std::string(field)), *url);
        }
        if (flow.name == "implicit" || flow.name == "password") {
          context_.report(source, flow_loc, "security-deprecated-flow",
                          "The " + std::string(flow.name) +
                              " flow is deprecated by the OAuth 2.0 Security Best Current "
                              "Practice (RFC 9700): use authorizationCode with PKCE for user "
                              "login, or clientCredentials for machine clients");
        }
      }
    } else if (const auto* http = std::get_if<HTTPBase>(&scheme)) {
      check_http_scheme(source, child(place.loc, "scheme"), http->scheme);
    } else if (const auto* api_key = std::get_if<APIKey>(&scheme)) {
      if (api_key->in == APIKeyIn::header &&
          equals_ignoring_ascii_case(api_key->name, "Authorization")) {
        context_.report(source, child(place.loc, "name"), "security-apikey-authorization-header",
                        "This apiKey scheme sends its key in the Authorization header, which "
                        "tools and proxies treat as HTTP authentication; use type: http with "
                        "scheme: bearer (or basic) instead");
      }
    }
  }

  // `risk` says what plain http:// exposes through this URL.
  void check_flow_url(const Source& source, const Path& loc, const std::string& url,
                      std::string_view risk = "sends credentials and tokens unencrypted") {
    const auto parsed = boost::urls::parse_uri_reference(url);
    if (url.empty() || !parsed) {
      context_.report(source, loc, "security-flow-url",
                      "'" + url + "' is not a valid URL" +
                          (parsed ? std::string() : " (" + parsed.error().message() + ")") +
                          "; write an absolute URL such as https://auth.example.com/token, or "
                          "one relative to the API's server");
      return;
    }
    if (parsed->scheme_id() == boost::urls::scheme::http && !detail::is_loopback(*parsed)) {
      context_.report(source, loc, "security-flow-insecure-url",
                      "'" + url + "' over http:// " + std::string(risk) +
                          "; use https:// (plain http is only reasonable on a loopback host)");
    }
  }

  void check_http_scheme(const Source& source, const Path& loc, const std::string& scheme) {
    // The IANA HTTP Authentication Scheme Registry; "bearer" is read as HTTPBearer already.
    static constexpr std::array<std::string_view, 14> registered{
        "Basic",       "Bearer",        "Digest", "HOBA", "Mutual", "Negotiate", "OAuth",
        "SCRAM-SHA-1", "SCRAM-SHA-256", "vapid",  "DPoP", "GNAP",   "Concealed", "PrivateToken"};
    const bool known = std::any_of(registered.begin(), registered.end(), [&](std::string_view r) {
      return equals_ignoring_ascii_case(r, scheme);
    });
    if (known) return;
    context_.report(source, loc, "security-http-scheme",
                    "'" + scheme +
                        "' is not an HTTP authentication scheme in the IANA registry, so clients "
                        "will not know how to send it; use one of Basic, Bearer, Digest, HOBA, "
                        "Mutual, Negotiate, OAuth, SCRAM-SHA-1, SCRAM-SHA-256, vapid, DPoP, "
                        "GNAP, Concealed, PrivateToken (or type: apiKey for a custom header)");
  }

  LintContext& context_;
  // Declared schemes by name; nothing for one whose reference cannot be followed.
  std::map<std::string, std::optional<Resolved<SecurityScheme>>, std::less<>> schemes_;
};

}  // namespace

void check_security(LintContext& context) { SecurityRules(context).run(); }

void check_oauth2_metadata(LintContext& context, const HttpOptions& http) {
  SecurityRules(context).check_metadata(http);
}

}  // namespace oaskit::lint_detail
