#pragma once
// Base64 with the standard alphabet and padding (RFC 4648 §4), as HTTP Basic sends it.

#include <optional>
#include <string>
#include <string_view>

namespace oaskit::security::detail {

/// The bytes `text` encodes; nullopt unless `text` is a whole number of 4-character groups of
/// the standard alphabet, with '=' padding only at the end and the unused bits of the last
/// character zero (as jose::base64url_decode). No whitespace is skipped.
[[nodiscard]] std::optional<std::string> base64_decode(std::string_view text);

}  // namespace oaskit::security::detail
