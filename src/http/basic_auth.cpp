#include "http/basic_auth.hpp"

#include <openssl/evp.h>

#include "http/form.hpp"

namespace oaskit::detail {

std::string base64_encode(std::string_view bytes) {
  if (bytes.empty()) return {};
  std::string encoded(4 * ((bytes.size() + 2) / 3) + 1, '\0');  // + EVP_EncodeBlock's NUL
  const int length = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(encoded.data()),
                                     reinterpret_cast<const unsigned char*>(bytes.data()),
                                     static_cast<int>(bytes.size()));
  encoded.resize(static_cast<std::size_t>(length));
  return encoded;
}

std::string basic_authorization(std::string_view client_id, std::string_view client_secret) {
  return "Basic " + base64_encode(form_urlencode(client_id) + ":" + form_urlencode(client_secret));
}

}  // namespace oaskit::detail
