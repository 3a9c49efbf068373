// sign_compact: a compact JWS (RFC 7515 §7.1), for test tokens and client assertions.

#include <boost/json/serialize.hpp>

#include "oaskit/jose.hpp"

namespace oaskit::jose {

Result<std::string, KeyError> sign_compact(boost::json::object header, std::string_view payload,
                                           const Key& key, Algorithm alg) {
  header["alg"] = to_string(alg);
  if (key.kid() && !header.contains("kid")) header["kid"] = *key.kid();
  std::string token = base64url_encode(boost::json::serialize(header));
  token += '.';
  token += base64url_encode(payload);
  auto signature = key.sign(alg, token);
  if (!signature) return signature.errors();
  token += '.';
  token += base64url_encode(*signature);
  return token;
}

}  // namespace oaskit::jose
