#pragma once
// A "scope" claim's words (RFC 6749 §3.3), for granted_scopes() and the JWT verifier, which
// reads claims without a JSON tree.

#include <string>
#include <string_view>
#include <vector>

namespace oaskit::security::detail {

/// Appends the space-separated scope tokens of `text` to `scopes` (repeated spaces tolerated).
void append_scope_tokens(std::string_view text, std::vector<std::string>& scopes);

}  // namespace oaskit::security::detail
