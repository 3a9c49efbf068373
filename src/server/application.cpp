#include "server/application.hpp"

#include <algorithm>
#include <array>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/stream_parser.hpp>
#include <charconv>

#include "oaskit/diagnostic.hpp"
#include "oaskit/json.hpp"
#include "oaskit/models.hpp"
#include "oaskit/schema.hpp"
#include "oaskit/security/schemes.hpp"
#include "oaskit/yaml.hpp"
#include "server/assets.hpp"
#include "server/docs_pages.hpp"
#include "server/media_type.hpp"
#include "server/mock.hpp"
#include "server/parameters.hpp"
#include "server/resolver.hpp"
#include "server/router.hpp"
#include "util/ascii.hpp"

namespace oaskit::server::detail {

namespace {

using oaskit::detail::ascii_uppercase;
using oaskit::detail::equals_ignoring_ascii_case;
using oaskit::detail::trimmed;

struct CompiledOperation {
  std::string method;  // upper case, as sent on the wire
  std::string operation_id;
  std::vector<ParameterRule> parameters;
  bool has_body = false;
  bool body_required = false;
  std::vector<std::string> body_media_types;  // lower case, wildcards kept (`image/*`)
  // The body's schema for each media type that has one (same order as body_media_types).
  std::vector<std::pair<std::string, schema::Validator>> body_schemas;
  // Form fields converted as the body schema's properties say (by field name).
  FormFields form_fields;
  // With validate_responses: the documented schemas, by status ("200", "2XX", "default") and
  // media type.
  struct ResponseSchema {
    std::string status;
    std::string media_type;
    schema::Validator validator;
  };
  std::vector<ResponseSchema> response_schemas;
  std::vector<SecurityRequirement> security;
  bool needs_security = false;  // some requirement, and no empty alternative
  const Handler* handler = nullptr;
  Response mock;
};

struct CompiledRoute {
  std::string path_template;
  std::vector<CompiledOperation> operations;
  std::string allow;  // the Allow header for this path
};

// A scheme the document names but no request can satisfy here: mutualTLS, HTTP digest, or a
// name missing from components.securitySchemes. It takes no credential, so a requirement that
// names it never passes.
class UnusableScheme final : public security::Scheme {
 public:
  UnusableScheme(std::string name, SecurityScheme model)
      : Scheme(std::move(name), true), model_(std::move(model)) {}
  [[nodiscard]] SecurityScheme model() const override { return model_; }
  [[nodiscard]] std::string challenge() const override { return {}; }
  [[nodiscard]] Extracted extract(const security::RequestView&) const override {
    return security::AuthError{.status = 401,
                               .challenges = {},
                               .error = {},
                               .error_description = {},
                               .detail = "Not authenticated"};
  }

 private:
  SecurityScheme model_;
};

security::Verifier refusing_verifier(const std::string& name) {
  return [name](const security::Credential&) -> security::VerifyResult {
    return security::TokenError{
        .check = security::TokenCheck::rejected,
        .message = "this server is not configured to accept credentials for '" + name + "'",
        .internal = {}};
  };
}

bool media_type_accepts(std::string_view declared, std::string_view sent) {
  if (declared == "*/*" || declared == sent) return true;
  if (declared.ends_with("/*")) return sent.starts_with(declared.substr(0, declared.size() - 1));
  return false;
}

Diagnostic error_at(const std::string& file, Path loc, std::string rule, std::string message,
                    Severity severity = Severity::error) {
  return Diagnostic{.severity = severity,
                    .rule = std::move(rule),
                    .message = std::move(message),
                    .file = file,
                    .loc = std::move(loc),
                    .position = std::nullopt};
}

}  // namespace

struct Application::State {
  Inputs inputs;
  Router router;
  std::vector<CompiledRoute> routes;
  std::shared_ptr<const security::Authenticator> authenticator;
  // Built-in routes, by path.
  std::map<std::string, Response, std::less<>> builtin;
  std::string assets_prefix;  // "/docs/assets/"
};

Application::Application(std::unique_ptr<State> state) : state_(std::move(state)) {}
Application::~Application() = default;

namespace {

// OpenAPI 3.2: a requirement key outside the component-name grammar is a URI reference to a
// scheme. In the bundled document one that reaches a components entry is
// `#/components/securitySchemes/<name>` (bundle names the entries of other files' schemes so),
// and the authenticator knows the scheme by that name.
std::vector<SecurityRequirement> by_scheme_names(std::vector<SecurityRequirement> requirements,
                                                 const OpenAPI& model) {
  const auto version = spec_version_of(model.openapi);
  if (!version || *version < SpecVersion::v3_2) return requirements;
  constexpr std::string_view components = "#/components/securitySchemes/";
  for (auto& requirement : requirements) {
    SecurityRequirement named;
    for (const auto& [key, scopes] : requirement) {
      const std::string_view rest = std::string_view(key).substr(
          key.starts_with(components) ? components.size() : key.size());
      const bool uri = !is_component_name(key) && is_component_name(rest);
      named.insert_or_assign(uri ? std::string(rest) : key, scopes);
    }
    requirement = std::move(named);
  }
  return requirements;
}

// The default authenticator: every scheme of the document with a verifier that refuses, so
// that secured operations answer 401 with the right challenge until real verifiers are set.
std::shared_ptr<security::Authenticator> document_authenticator(const OpenAPI& model,
                                                                const Resolver& resolver) {
  auto auth = std::make_shared<security::Authenticator>();
  if (!model.components || !model.components->securitySchemes) return auth;
  for (const auto& [name, entry] : *model.components->securitySchemes) {
    std::optional<SecurityScheme> scheme;
    if (const auto* direct = std::get_if<SecurityScheme>(&entry)) {
      scheme = *direct;
    } else if (auto target = resolver.read<SecurityScheme>(std::get<Reference>(entry).ref)) {
      scheme = std::move(*target);
    }
    if (!scheme) continue;
    auto usable = security::scheme_from_model(name, *scheme);
    auth->add(usable ? std::move(usable) : std::make_shared<UnusableScheme>(name, *scheme),
              refusing_verifier(name));
  }
  return auth;
}

}  // namespace

Result<std::unique_ptr<Application>, Diagnostics> Application::build(Inputs inputs,
                                                                     Diagnostics& warnings) {
  auto state = std::make_unique<State>();
  state->inputs = std::move(inputs);
  const auto& in = state->inputs;
  const auto& model = *in.model;
  const auto& options = *in.options;
  const auto& file = in.document_name;
  Resolver resolver(*in.document);
  Diagnostics errors;

  std::shared_ptr<security::Authenticator> fallback;
  if (in.authenticator) {
    state->authenticator = in.authenticator;
  } else {
    fallback = document_authenticator(model, resolver);
    state->authenticator = fallback;
  }

  // Every schema of the document compiled into one program (components once for all).
  schema::CompileOptions compile_options;
  compile_options.dialect =
      schema::openapi_dialect(*in.document).value_or(schema::Dialect::draft2020_12);
  // A malformed keyword (real documents have `exclusiveMinimum: true` in 3.1) is a warning
  // and is not checked, rather than a server that does not start.
  Errors schema_warnings;
  compile_options.warnings = &schema_warnings;
  schema::SchemaSet schemas(*in.document, compile_options);
  // The validator for the schema at `pointer`, or nullopt after an error at `loc`.
  auto compile_schema = [&](const std::string& pointer,
                            const Path& loc) -> std::optional<schema::Validator> {
    auto validator = schemas.compile(pointer);
    for (auto& w : schema_warnings) {
      warnings.push_back(error_at(file, w.loc.empty() ? loc : w.loc, "server-schema",
                                  "this schema keyword is not checked: " + w.msg,
                                  Severity::warning));
    }
    schema_warnings.clear();
    if (validator) return std::move(*validator);
    for (const auto& e : validator.errors()) {
      errors.push_back(error_at(file, e.loc.empty() ? loc : e.loc, "server-schema",
                                "this schema does not compile: " + e.msg));
    }
    return std::nullopt;
  };
  // Where a part of the document (inline at `loc`, or the target of its reference) is.
  auto pointer_of = [&](const auto& item, const Path& loc) -> std::optional<std::string> {
    if (const auto* ref = std::get_if<Reference>(&item)) {
      return resolver.location(ref->ref);
    }
    return to_json_pointer(loc);
  };

  std::map<std::string, Path, std::less<>> operation_ids;
  if (model.paths) {
    for (const auto& [path_template, item] : model.paths->entries) {
      const Path item_loc{"paths", path_template};
      if (item.ref) {
        warnings.push_back(error_at(file, item_loc, "server-path-item-ref",
                                    "a Path Item $ref is not served: bundle the document first",
                                    Severity::warning));
        continue;
      }
      CompiledRoute route{.path_template = path_template, .operations = {}, .allow = {}};
      for (const auto& method_operation : item.operations()) {
        const Operation* operation = &method_operation.operation;
        const std::string_view method = method_operation.method;
        Path loc = item_loc;
        method_operation.append_location(loc);
        CompiledOperation op;
        op.method = ascii_uppercase(method);
        op.operation_id = operation->operationId.value_or("");
        if (!op.operation_id.empty()) operation_ids.emplace(op.operation_id, loc);
        // Parameters: the operation's override the path's of the same name and location.
        std::vector<Parameter> declared;
        std::vector<std::string> declared_at;  // where each is written (a JSON pointer)
        auto add_parameters = [&](const auto& list, const Path& list_loc) {
          if (!list) return;
          for (std::size_t i = 0; i < list->size(); ++i) {
            auto parameter = resolver.resolve((*list)[i]);
            Path at = list_loc;
            at.emplace_back("parameters");
            at.emplace_back(i);
            if (!parameter) {
              errors.push_back(error_at(file, at, "server-unresolved-ref", parameter.errors()));
              continue;
            }
            auto same = std::ranges::find_if(declared, [&](const Parameter& p) {
              return p.name == parameter->name && p.in == parameter->in;
            });
            const std::string where = pointer_of((*list)[i], at).value_or("");
            if (same != declared.end()) {
              declared_at[static_cast<std::size_t>(same - declared.begin())] = where;
              *same = std::move(*parameter);
            } else {
              declared.push_back(std::move(*parameter));
              declared_at.push_back(where);
            }
          }
        };
        add_parameters(item.parameters, item_loc);
        add_parameters(operation->parameters, loc);
        for (std::size_t p = 0; p < declared.size(); ++p) {
          const auto& parameter = declared[p];
          Path parameter_loc = loc;
          parameter_loc.emplace_back("parameters");
          auto rule = compile_parameter(
              parameter, declared_at[p], resolver,
              [&](const std::string& pointer) { return compile_schema(pointer, parameter_loc); });
          if (!rule) {
            errors.push_back(error_at(file, loc, "server-parameter",
                                      "parameter '" + parameter.name + "': " + rule.errors()));
            continue;
          }
          if (const auto read_as = style_read(*rule); read_as != rule->style) {
            warnings.push_back(error_at(file, loc, "server-parameter-style",
                                        "parameter '" + parameter.name + "': style '" +
                                            rule->style +
                                            "' is not supported here; it is read "
                                            "as style '" +
                                            std::string(read_as) + "'",
                                        Severity::warning));
          }
          if (!options.validate_requests) rule->validator.reset();
          op.parameters.push_back(std::move(*rule));
        }
        if (operation->requestBody) {
          auto body = resolver.resolve(*operation->requestBody);
          if (!body) {
            Path at = loc;
            at.emplace_back("requestBody");
            errors.push_back(error_at(file, at, "server-unresolved-ref", body.errors()));
          } else {
            op.has_body = true;
            op.body_required = body->required.value_or(false);
            Path body_loc = loc;
            body_loc.emplace_back("requestBody");
            const auto body_at = pointer_of(*operation->requestBody, body_loc);
            for (const auto& [type, media] : body->content) {
              op.body_media_types.push_back(media_type_of(type));
              const std::string media_type = op.body_media_types.back();
              const bool form = media_type == "application/x-www-form-urlencoded";
              if (!options.validate_requests || !media.schema || !body_at ||
                  (!is_json_media_type(media_type) && !form)) {
                continue;
              }
              std::string pointer = *body_at + "/content";
              append_json_pointer_token(pointer, type);
              pointer += "/schema";
              if (auto validator = compile_schema(pointer, body_loc)) {
                op.body_schemas.emplace_back(media_type, std::move(*validator));
              }
              if (!form) continue;
              // Form fields are text: each is converted as its property's schema says.
              op.form_fields = form_fields_of(*media.schema, resolver);
            }
          }
        }
        op.security = by_scheme_names(
            operation->security ? *operation->security
                                : model.security.value_or(std::vector<SecurityRequirement>{}),
            model);
        op.needs_security =
            !op.security.empty() &&
            std::ranges::none_of(op.security, [](const auto& alt) { return alt.empty(); });
        for (const auto& alternative : op.security) {
          for (const auto& [scheme, scopes] : alternative) {
            if (state->authenticator->find(scheme) != nullptr) continue;
            if (fallback) {
              warnings.push_back(
                  error_at(file, loc, "server-undeclared-scheme",
                           "the security scheme '" + scheme +
                               "' is not in components.securitySchemes: requests never satisfy it",
                           Severity::warning));
              fallback->add(std::make_shared<UnusableScheme>(scheme, HTTPBase{}),
                            refusing_verifier(scheme));
            } else {
              errors.push_back(error_at(file, loc, "server-unknown-scheme",
                                        "this operation requires the security scheme '" + scheme +
                                            "', which the authenticator does not have: add it "
                                            "with Authenticator::add"));
            }
          }
        }
        if (options.validate_responses && operation->responses) {
          for (const auto& [status, response_item] : operation->responses->entries) {
            Path response_loc = loc;
            response_loc.emplace_back("responses");
            response_loc.emplace_back(status);
            auto response = resolver.resolve(response_item);
            const auto response_at = pointer_of(response_item, response_loc);
            if (!response || !response_at || !response->content) continue;
            for (const auto& [type, media] : *response->content) {
              if (!media.schema || !is_json_media_type(media_type_of(type))) continue;
              std::string pointer = *response_at + "/content";
              append_json_pointer_token(pointer, type);
              pointer += "/schema";
              if (auto validator = compile_schema(pointer, response_loc)) {
                op.response_schemas.push_back({status, media_type_of(type), std::move(*validator)});
              }
            }
          }
        }
        op.mock = mock_response(*operation, resolver);
        if (auto handler = in.handlers.find(op.operation_id);
            !op.operation_id.empty() && handler != in.handlers.end()) {
          op.handler = &handler->second;
        } else if (options.require_all_operations_bound) {
          errors.push_back(
              error_at(file, loc, "server-unbound-operation",
                       op.operation_id.empty()
                           ? "this operation has no operationId, so no handler can be bound to it"
                           : "no handler is bound to operation '" + op.operation_id + "'"));
        }
        route.operations.push_back(std::move(op));
      }
      if (route.operations.empty()) continue;
      // Allow: the declared methods, HEAD where GET is, and OPTIONS (always answered).
      std::vector<std::string> allowed;
      for (const auto& op : route.operations) allowed.push_back(op.method);
      if (std::ranges::count(allowed, "GET") && !std::ranges::count(allowed, "HEAD")) {
        allowed.emplace_back("HEAD");
      }
      if (!std::ranges::count(allowed, "OPTIONS")) allowed.emplace_back("OPTIONS");
      for (const auto& m : allowed) route.allow += (route.allow.empty() ? "" : ", ") + m;
      if (auto problem = state->router.add(path_template, state->routes.size())) {
        warnings.push_back(error_at(file, item_loc, "server-path-template",
                                    "the path template is not served: " + *problem,
                                    Severity::warning));
        continue;
      }
      state->routes.push_back(std::move(route));
    }
  }
  for (const auto& [id, handler] : in.handlers) {
    if (!operation_ids.contains(id)) {
      std::string known;
      for (const auto& [name, loc] : operation_ids) {
        if (known.size() > 200) {
          known += ", ...";
          break;
        }
        known += (known.empty() ? "" : ", ") + name;
      }
      errors.push_back(error_at(file, {"paths"}, "server-unknown-operation",
                                "a handler is bound to operationId '" + id +
                                    "', which no operation of the document has" +
                                    (known.empty() ? "" : " (it has: " + known + ")")));
    }
  }
  if (!errors.empty()) return errors;

  // Built-in routes.
  const auto& docs = options.docs;
  const std::string title = docs.title.empty() ? model.info.title : docs.title;
  auto builtin = [&](const std::optional<std::string>& url, Response response) {
    if (!url) return;
    if (state->router.match(*url).index() == 0) {
      warnings.push_back(
          error_at(file, {"paths"}, "server-builtin-route",
                   "the built-in route " + *url + " hides the document's path that matches it",
                   Severity::warning));
    }
    state->builtin.insert_or_assign(*url, std::move(response));
  };
  state->assets_prefix = docs.assets_url + "/";
  if (docs.openapi_url) {
    builtin(docs.openapi_url, Response{.status = 200,
                                       .content_type = "application/json",
                                       .body = boost::json::serialize(*in.document),
                                       .headers = {}});
  }
  builtin(docs.openapi_yaml_url, Response{.status = 200,
                                          .content_type = "application/yaml",
                                          .body = to_yaml(*in.document),
                                          .headers = {}});
  if (docs.openapi_url) {
    const PageSettings page{.title = title,
                            .openapi_url = *docs.openapi_url,
                            .assets_url = docs.assets_url,
                            .oauth2_redirect_url = docs.swagger_ui_oauth2_redirect_url,
                            .init_oauth = docs.init_oauth};
    builtin(docs.docs_url, html(swagger_ui_page(page)));
    builtin(docs.redoc_url, html(redoc_page(page)));
  }
  builtin(docs.swagger_ui_oauth2_redirect_url, html(oauth2_redirect_page(docs.assets_url)));

  // Routes mounted beside the document must not take a path from it or from a built-in route.
  for (const auto& [path, handler] : in.routes) {
    std::string problem;
    if (path.empty() || path.front() != '/') {
      problem = "the route '" + path + "' added beside the document must start with '/'";
    } else if (state->router.match(path).index() == 0) {
      problem = "the route " + path + " added beside the document is a path of the document";
    } else if (state->builtin.contains(path) || path.starts_with(state->assets_prefix)) {
      problem = "the route " + path + " added beside the document is a built-in route's";
    }
    if (!problem.empty()) {
      errors.push_back(error_at(file, {"paths"}, "server-route", problem + "; mount it elsewhere"));
    }
  }
  if (!errors.empty()) return errors;
  return std::make_unique<Application>(std::move(state));
}

namespace {

Response validation_failure(const std::vector<ValidationError>& errors) {
  return Response{.status = 422,
                  .content_type = "application/json",
                  .body = validation_body(errors),
                  .headers = {}};
}

bool accepts_gzip(const Server::RawRequest& request) {
  for (const auto& [name, value] : request.headers) {
    if (!equals_ignoring_ascii_case(name, "accept-encoding")) continue;
    // gzip listed without q=0 (RFC 9110 §12.5.3)
    std::string_view rest = value;
    while (!rest.empty()) {
      const auto comma = rest.find(',');
      const auto item = trimmed(rest.substr(0, comma));
      rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
      const auto semicolon = item.find(';');
      const auto coding = trimmed(item.substr(0, semicolon));
      if (!equals_ignoring_ascii_case(coding, "gzip") && coding != "*") continue;
      if (semicolon == std::string_view::npos) return true;
      auto params = item.substr(semicolon + 1);
      const auto q = params.find("q=");
      if (q == std::string_view::npos) return true;
      const auto weight = params.substr(q + 2);
      double w = 1;
      std::from_chars(weight.data(), weight.data() + weight.size(), w);
      return w > 0;
    }
  }
  return false;
}

std::optional<std::string_view> header_of(const Server::RawRequest& request,
                                          std::string_view name) {
  for (const auto& [field, value] : request.headers)
    if (equals_ignoring_ascii_case(field, name)) return value;
  return std::nullopt;
}

Response asset_response(const Asset& asset, const Server::RawRequest& request) {
  Response response{.status = 200,
                    .content_type = std::string(asset.content_type),
                    .body = {},
                    .headers = {{"ETag", std::string(asset.etag)},
                                {"Cache-Control", "public, max-age=86400"},
                                {"Vary", "Accept-Encoding"}}};
  if (auto match = header_of(request, "if-none-match");
      match && match->find(asset.etag) != std::string_view::npos) {
    response.status = 304;
    return response;
  }
  if (!asset.gzip.empty() && accepts_gzip(request)) {
    response.body = std::string(asset.gzip);
    response.headers.emplace_back("Content-Encoding", "gzip");
  } else {
    response.body = std::string(asset.raw);
  }
  return response;
}

// Line and column (from 1) of byte `offset` in `text`.
std::pair<std::size_t, std::size_t> line_column(std::string_view text, std::size_t offset) {
  std::size_t line = 1;
  std::size_t column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return {line, column};
}

}  // namespace

namespace {

// The body's schema for `media_type` checks `body`; its problems go to `problems` with `loc`
// starting at "body".
void check_body(const CompiledOperation& op, std::string_view media_type,
                const boost::json::value& body, std::vector<ValidationError>& problems) {
  for (const auto& [type, validator] : op.body_schemas) {
    if (!media_type_accepts(type, media_type)) continue;
    const auto errors = validator.validate(body);
    if (!errors.empty()) {
      add_schema_errors(validator, errors, body, {std::string("body")}, nullptr, problems);
    }
    return;
  }
}

// The documented schema for `status`: the exact code, else its class ("2XX"), else "default".
const CompiledOperation::ResponseSchema* response_schema(const CompiledOperation& op, int status,
                                                         std::string_view media_type) {
  const std::string exact = std::to_string(status);
  const std::string range = exact.substr(0, 1) + "XX";
  for (const auto& key : {exact, range, std::string("default")}) {
    bool documented = false;
    for (const auto& candidate : op.response_schemas) {
      if (!equals_ignoring_ascii_case(candidate.status, key)) continue;
      documented = true;
      if (media_type_accepts(candidate.media_type, media_type)) return &candidate;
    }
    if (documented) return nullptr;
  }
  return nullptr;
}

// validate_responses: an answer that does not match its documented schema becomes a 500, and
// the errors go to the log.
void check_response(const CompiledOperation& op, Response& response, Outcome& outcome) {
  const std::string media_type = media_type_of(response.content_type);
  if (!is_json_media_type(media_type)) return;
  const auto* documented = response_schema(op, response.status, media_type);
  if (documented == nullptr) return;
  boost::system::error_code ec;
  const auto body = boost::json::parse(response.body, ec);
  std::string problem;
  if (ec) {
    problem = "the body is not JSON: " + ec.message();
  } else {
    const auto errors = documented->validator.validate(body);
    for (const auto& e : errors) {
      if (!problem.empty()) problem += "; ";
      problem += e.instance_location.empty() ? "(the body)" : e.instance_location;
      problem += ": ";
      problem += e.message;
    }
  }
  if (problem.empty()) return;
  outcome.error = "the " + std::to_string(response.status) + " answer of " +
                  (op.operation_id.empty() ? op.method : op.operation_id) +
                  " does not match its documented schema: " + problem;
  response = Response::detail(500, "Internal Server Error");
}

// What a handler throws is the server's log's, never the client's: the client gets a 500.
template <class Call>
Response call_guarded(const Call& call, Outcome& outcome) {
  try {
    return call();
  } catch (const std::exception& e) {
    outcome.error = e.what();
  } catch (...) {
    outcome.error = "an exception that is not a std::exception";
  }
  return Response::detail(500, "Internal Server Error");
}

}  // namespace

Response Application::respond(const Server::RawRequest& request, Outcome& outcome) const {
  const auto& state = *state_;
  const auto& options = *state.inputs.options;
  outcome.route = "-";
  outcome.head = request.method == "HEAD";
  auto target = request.target;
  if (request.method == "OPTIONS" && target == "*") {
    outcome.route = "*";
    return Response::empty(204);
  }
  if (target.empty() || target.front() != '/') {
    return Response::detail(400, "The request target must be a path starting with '/'");
  }
  const auto question = target.find('?');
  const auto path = target.substr(0, question);
  const auto query =
      question == std::string_view::npos ? std::string_view{} : target.substr(question + 1);

  // Built-in routes: the document, its pages, their assets.
  const bool read = request.method == "GET" || request.method == "HEAD";
  if (auto builtin = state.builtin.find(path); builtin != state.builtin.end()) {
    outcome.route = builtin->first;
    if (!read) {
      auto refused = Response::detail(405, "Method Not Allowed");
      refused.headers.emplace_back("Allow", "GET, HEAD");
      return refused;
    }
    return builtin->second;
  }
  if (path.starts_with(state.assets_prefix)) {
    const auto name = path.substr(state.assets_prefix.size());
    for (const auto& asset : docs_assets()) {
      if (asset.name != name) continue;
      outcome.route = state.assets_prefix + "{asset}";
      if (!read) {
        auto refused = Response::detail(405, "Method Not Allowed");
        refused.headers.emplace_back("Allow", "GET, HEAD");
        return refused;
      }
      return asset_response(asset, request);
    }
  }

  if (auto mounted = state.inputs.routes.find(path); mounted != state.inputs.routes.end()) {
    outcome.route = mounted->first;
    return call_guarded([&] { return mounted->second(request); }, outcome);
  }

  auto matched = state.router.match(path);
  if (const auto* failure = std::get_if<Router::Failure>(&matched)) {
    if (*failure == Router::Failure::bad_encoding) {
      return Response::detail(400, "The path has an invalid %-escape");
    }
    return Response::detail(404, "Not Found");
  }
  auto& match = std::get<Router::Match>(matched);
  const auto& route = state.routes[match.route];
  outcome.route = route.path_template;
  const CompiledOperation* op = nullptr;
  for (const auto& candidate : route.operations)
    if (candidate.method == request.method) op = &candidate;
  if (op == nullptr && request.method == "HEAD") {
    for (const auto& candidate : route.operations)
      if (candidate.method == "GET") op = &candidate;
  }
  if (op == nullptr) {
    if (request.method == "OPTIONS") {
      auto answer = Response::empty(204);
      answer.headers.emplace_back("Allow", route.allow);
      return answer;
    }
    auto refused = Response::detail(405, "Method Not Allowed");
    refused.headers.emplace_back("Allow", route.allow);
    return refused;
  }

  security::RequestView view{
      .method = request.method, .target = target, .headers = request.headers};
  Request::Parts parts{.method = request.method,
                       .path_template = route.path_template,
                       .operation_id = op->operation_id,
                       .view = view,
                       .body = request.body,
                       .media_type = {},
                       .json = nullptr,
                       .principal = {},
                       .parameters = {}};
  if (!op->security.empty()) {
    auto principal = state.authenticator->authenticate(view, op->security);
    if (!principal) {
      const auto& error = principal.errors();
      Response refused{.status = error.status,
                       .content_type = "application/json",
                       .body = error.body(),
                       .headers = {}};
      if (!error.challenges.empty()) {
        refused.headers.emplace_back("WWW-Authenticate", error.www_authenticate());
      }
      return refused;
    }
    parts.principal = std::move(*principal);
  }

  std::vector<ValidationError> problems;
  RawParameters raw{.path = std::move(match.parameters),
                    .query = parse_query(query),
                    .query_string = query,
                    .view = &view};
  read_parameters(op->parameters, raw, parts.parameters, problems);

  if (op->has_body) {
    const auto content_type = header_of(request, "content-type");
    if (request.body.empty() && !content_type) {
      if (op->body_required) {
        problems.push_back(ValidationError{.type = "missing",
                                           .loc = {std::string("body")},
                                           .msg = "Field required",
                                           .input = nullptr,
                                           .ctx = {}});
      }
    } else {
      if (request.body.size() > options.limits.max_body_bytes) {
        return Response::detail(413, "The request body is larger than " +
                                         std::to_string(options.limits.max_body_bytes) + " bytes");
      }
      parts.media_type = media_type_of(content_type.value_or(""));
      const bool accepted = std::ranges::any_of(op->body_media_types, [&](const std::string& t) {
        return media_type_accepts(t, parts.media_type);
      });
      if (!accepted) {
        std::string list;
        for (const auto& t : op->body_media_types) list += (list.empty() ? "" : ", ") + t;
        return Response::detail(
            415, "Unsupported media type '" +
                     (parts.media_type.empty() ? std::string("(none)") : parts.media_type) +
                     "': this operation accepts " + list);
      }
      if (is_json_media_type(parts.media_type)) {
        boost::json::stream_parser parser;
        boost::system::error_code ec;
        const auto used = parser.write_some(request.body.data(), request.body.size(), ec);
        if (!ec) parser.finish(ec);
        if (ec) {
          const auto [line, column] =
              line_column(request.body, std::min(used, request.body.size()));
          return Response::detail(400, "The body is not valid JSON: " + ec.message() + " at line " +
                                           std::to_string(line) + ", column " +
                                           std::to_string(column));
        }
        parts.json = parser.release();
        check_body(*op, parts.media_type, parts.json, problems);
        if (options.validate_requests && options.validate_body) {
          auto body_problems =
              options.validate_body(op->operation_id, parts.media_type, parts.json);
          problems.insert(problems.end(), body_problems.begin(), body_problems.end());
        }
      } else if (parts.media_type == "application/x-www-form-urlencoded" &&
                 !op->body_schemas.empty()) {
        // A form is checked as the object of its fields (FastAPI's Form parameters).
        check_body(*op, parts.media_type, form_object(op->form_fields, request.body), problems);
      }
    }
  }
  if (!problems.empty()) return validation_failure(problems);

  if (op->handler == nullptr) return op->mock;
  auto response = call_guarded([&] { return (*op->handler)(Request(std::move(parts))); }, outcome);
  if (!op->response_schemas.empty()) check_response(*op, response, outcome);
  return response;
}

}  // namespace oaskit::server::detail
