// oaskit jwt verify: checks a JWT access token against keys (a JWKS, JWK or PEM file, a JWKS
// URL, or an issuer's discovery document), as an API would. oaskit jwt decode: shows what a
// token says without checking it.

#include <fmt/core.h>

#include <algorithm>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "commands.hpp"
#include "input.hpp"
#include "oaskit/jose.hpp"
#include "oaskit/security/jwks.hpp"
#include "oaskit/security/jwt_verifier.hpp"
#include "util/ascii.hpp"

namespace oaskit::cli {
namespace {

namespace json = boost::json;
using security::TokenError;

struct VerifyArguments {
  std::string jwks;
  std::string issuer_url;
  std::string iss;
  std::string aud;
  std::vector<std::string> algorithms;
  long leeway = 60;
  std::string require_typ;
  std::vector<std::string> scopes;
  std::string token = "-";
};

// The token given, or read from standard input for "-".
std::optional<std::string> read_token(const std::string& argument) {
  auto text = argument == "-" ? read_input("-") : std::optional<std::string>(argument);
  if (!text) return std::nullopt;
  return std::string(detail::trimmed(*text));
}

int refused(const TokenError& error) {
  std::string line = fmt::format("error: {}: {}", security::to_string(error.check), error.message);
  // The person running the command owns the server, so the details for its logs help too.
  if (!error.internal.empty()) line += " (" + error.internal + ")";
  std::replace(line.begin(), line.end(), '\n', ' ');
  fmt::print(stderr, "{}\n", line);
  return invalid_input;
}

int run_verify(const VerifyArguments& arguments) {
  if (arguments.jwks.empty() == arguments.issuer_url.empty()) {
    fmt::print(stderr, "oaskit jwt verify: give exactly one of --jwks FILE|URL or --issuer URL\n");
    return usage_error;
  }
  security::JwtVerifierOptions options;
  options.issuer = arguments.iss;
  options.audience = arguments.aud;
  options.leeway = std::chrono::seconds(arguments.leeway);
  options.required_scopes = arguments.scopes;
  if (!arguments.require_typ.empty()) options.required_typ = arguments.require_typ;
  if (!arguments.algorithms.empty()) {
    options.algorithms.clear();
    for (const auto& name : arguments.algorithms) {
      const auto alg = jose::algorithm_from_string(name);
      if (!alg) {
        std::string known = "HS256, HS384, HS512";
        for (const auto asymmetric : jose::asymmetric_algorithms()) {
          known += ", " + std::string(jose::to_string(asymmetric));
        }
        fmt::print(stderr, "oaskit jwt verify: unknown algorithm '{}'; known: {}\n", name, known);
        return usage_error;
      }
      if (std::find(options.algorithms.begin(), options.algorithms.end(), *alg) ==
          options.algorithms.end()) {
        options.algorithms.push_back(*alg);
      }
    }
  } else {
    options.algorithms = jose::asymmetric_algorithms();
  }

  const auto token = read_token(arguments.token);
  if (!token) return usage_error;
  if (!arguments.issuer_url.empty()) {
    options.jwks = security::JwksSource::from_issuer(arguments.issuer_url);
  } else if (is_url(arguments.jwks)) {
    options.jwks = security::JwksSource::from_url(arguments.jwks);
  } else {
    const auto text = read_input(arguments.jwks);
    if (!text) return usage_error;
    const auto unverified = security::decode_unverified(*token);
    std::string kid;
    if (unverified) {
      if (const auto* value = unverified->header.if_contains("kid"); value && value->is_string()) {
        kid = value->get_string();
      }
    }
    auto keys = read_keys(*text, kid);
    if (!keys) {
      fmt::print(stderr, "oaskit jwt verify: cannot use the keys in {}: {}\n", arguments.jwks,
                 keys.errors().message);
      return usage_error;
    }
    options.keys = std::move(*keys);
  }

  const auto identity = security::JwtVerifier(std::move(options)).verify(*token);
  if (!identity) return refused(identity.errors());
  fmt::print("{}\n", json::serialize(json::object{{"header", *identity->header},
                                                  {"claims", *identity->claims}}));
  return ok;
}

int run_decode(const std::string& argument) {
  const auto token = read_token(argument);
  if (!token) return usage_error;
  const auto decoded = security::decode_unverified(*token);
  if (!decoded) return refused(decoded.errors());
  fmt::print("{}\n",
             json::serialize(json::object{
                 {"verified", false}, {"header", decoded->header}, {"claims", decoded->claims}}));
  fmt::print(stderr, "warning: not verified\n");
  return ok;
}

}  // namespace

Command add_jwt_command(CLI::App& app) {
  auto* command = app.add_subcommand("jwt", "Verify or decode a JWT access token (RFC 9068)");
  command->require_subcommand(1);

  auto verify_arguments = std::make_shared<VerifyArguments>();
  auto* verify = command->add_subcommand(
      "verify",
      "Check a JWT access token: signature, exp, nbf, iat, iss, aud, typ and scopes; prints its "
      "header and claims as JSON, or 'error: <check>: <why>' (exit 1)");
  auto* jwks = verify->add_option("--jwks", verify_arguments->jwks,
                                  "JWKS, JWK or PEM file, or a JWKS URL (http/https)");
  auto* issuer =
      verify->add_option("--issuer", verify_arguments->issuer_url,
                         "Authorization server whose discovery document names the JWKS (RFC 8414)");
  jwks->excludes(issuer);
  verify->add_option("--iss", verify_arguments->iss, "The expected \"iss\"")->required();
  verify->add_option("--aud", verify_arguments->aud, "This API's audience, expected in \"aud\"")
      ->required();
  // One value per flag, so that `--alg ES256 TOKEN` leaves TOKEN to the positional.
  verify
      ->add_option("--alg", verify_arguments->algorithms,
                   "An accepted algorithm (repeat for more); default: every asymmetric one")
      ->allow_extra_args(false);
  verify
      ->add_option("--leeway", verify_arguments->leeway,
                   "Allowed clock skew in seconds for exp, nbf and iat (default 60)")
      ->check(CLI::NonNegativeNumber);
  verify->add_option("--require-typ", verify_arguments->require_typ,
                     "Required \"typ\", e.g. at+jwt (RFC 9068)");
  verify
      ->add_option("--scope", verify_arguments->scopes,
                   "A scope the token must grant (repeat for more)")
      ->allow_extra_args(false);
  verify->add_option("TOKEN", verify_arguments->token, "The token; - or absent for standard input");

  auto decode_token = std::make_shared<std::string>("-");
  auto* decode = command->add_subcommand(
      "decode", "Show a token's header and claims WITHOUT verifying anything");
  decode->add_option("TOKEN", *decode_token, "The token; - or absent for standard input");

  return {command, [verify, verify_arguments, decode_token] {
            return verify->parsed() ? run_verify(*verify_arguments) : run_decode(*decode_token);
          }};
}

}  // namespace oaskit::cli
