#pragma once
// The colour decision of stdout_supports_color, apart from the process's real terminal and
// environment so tests can give it each case.

namespace oaskit::detail {

/// True when output goes to a terminal, `no_color` (NO_COLOR's value, null when unset) is
/// null or empty, and `term` (TERM's value) is not "dumb".
bool color_wanted(bool is_terminal, const char* no_color, const char* term);

}  // namespace oaskit::detail
