#pragma once
// `pattern` and `patternProperties`: ECMA-262 regular expressions, run by PCRE2 (Debian's
// libpcre2-8) in UTF mode, with ECMA's meanings where the two differ (`$` only at the end,
// `\uXXXX`, `\s` as ECMA's whitespace) and a bound on the work one match may take, so that a
// pattern such as `^(a+)+$` fails cleanly instead of hanging (docs/schema.md).

#include <memory>
#include <string>
#include <string_view>
#include <variant>

namespace oaskit::schema::detail {

class Regex {
 public:
  /// The compiled pattern, or why it is not a valid regular expression (with its offset).
  static std::variant<std::shared_ptr<const Regex>, std::string> compile(std::string_view pattern);
  ~Regex();
  Regex(const Regex&) = delete;
  Regex& operator=(const Regex&) = delete;

  enum class Match { found, not_found, too_costly };
  /// Whether the pattern matches anywhere in `subject` (valid UTF-8), as ECMA's `test()` does.
  [[nodiscard]] Match search(std::string_view subject) const;
  [[nodiscard]] const std::string& pattern() const noexcept { return pattern_; }

 private:
  Regex(std::string pattern, void* code) : pattern_(std::move(pattern)), code_(code) {}
  std::string pattern_;
  void* code_;  // pcre2_code_8*
};

}  // namespace oaskit::schema::detail
