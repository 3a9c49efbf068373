#include "http/challenges.hpp"

#include <algorithm>

#include "http/header_text.hpp"
#include "util/ascii.hpp"

namespace oaskit::detail {

std::optional<std::string_view> Challenge::param(std::string_view name) const {
  for (const auto& [key, value] : params) {
    if (equals_ignoring_ascii_case(key, name)) return value;
  }
  return std::nullopt;
}

namespace {

// A cursor over one field value. Each read either consumes what it read or leaves the
// position where it was.
class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  [[nodiscard]] bool at_end() const { return at_ >= text_.size(); }
  [[nodiscard]] char peek() const { return at_end() ? '\0' : text_[at_]; }
  [[nodiscard]] std::size_t offset() const { return at_; }
  void seek(std::size_t offset) { at_ = offset; }

  // OWS / BWS: spaces and tabs.
  void skip_whitespace() {
    while (!at_end() && (text_[at_] == ' ' || text_[at_] == '\t')) ++at_;
  }
  // Empty list items and the whitespace around them (RFC 9110 §5.6.1.2).
  void skip_list_separators() {
    while (!at_end() && (text_[at_] == ' ' || text_[at_] == '\t' || text_[at_] == ',')) ++at_;
  }
  bool take(char c) {
    if (at_end() || text_[at_] != c) return false;
    ++at_;
    return true;
  }
  std::string_view token() {
    const std::size_t start = at_;
    while (!at_end() && is_tchar(text_[at_])) ++at_;
    return text_.substr(start, at_ - start);
  }
  std::string_view token68() {
    const std::size_t start = at_;
    while (!at_end() && is_token68_char(text_[at_])) ++at_;
    if (at_ == start) return {};
    while (!at_end() && text_[at_] == '=') ++at_;
    return text_.substr(start, at_ - start);
  }
  // After the opening '"': the unquoted value, or an error at the offending byte.
  Result<std::string, ChallengeError> quoted_rest() {
    std::string value;
    while (!at_end()) {
      const char c = text_[at_];
      if (c == '"') {
        ++at_;
        return value;
      }
      if (c == '\\') {
        ++at_;
        if (at_end()) break;
        if (is_control(text_[at_]) && text_[at_] != '\t') {
          return ChallengeError{at_, "a quoted-pair may not escape a control character"};
        }
        value += text_[at_++];
        continue;
      }
      if (is_control(c) && c != '\t') {
        return ChallengeError{at_, "a quoted-string may not hold a control character"};
      }
      value += c;
      ++at_;
    }
    return ChallengeError{at_, "the quoted-string is not closed"};
  }

 private:
  std::string_view text_;
  std::size_t at_ = 0;
};

// Whether an auth-param (`token BWS "="`, not a token68's trailing "=") starts here.
bool auth_param_follows(Reader& reader) {
  const std::size_t start = reader.offset();
  bool param = false;
  if (!reader.token().empty()) {
    reader.skip_whitespace();
    // "abc==" is a token68, not a parameter called "abc" with the value "=".
    param = reader.take('=') && reader.peek() != '=';
  }
  reader.seek(start);
  return param;
}

// A token68 alone in its list item: followed by OWS and then a comma or the end.
std::optional<std::string> standalone_token68(Reader& reader) {
  const std::size_t start = reader.offset();
  const auto token68 = reader.token68();
  if (!token68.empty()) {
    reader.skip_whitespace();
    if (reader.at_end() || reader.peek() == ',') return std::string(token68);
  }
  reader.seek(start);
  return std::nullopt;
}

Result<std::pair<std::string, std::string>, ChallengeError> auth_param(Reader& reader) {
  std::string name(reader.token());
  reader.skip_whitespace();
  if (name.empty() || !reader.take('=')) {
    return ChallengeError{reader.offset(), "expected a parameter: name=value"};
  }
  reader.skip_whitespace();
  if (reader.take('"')) {
    auto value = reader.quoted_rest();
    if (!value) return value.errors();
    return std::pair{std::move(name), std::move(*value)};
  }
  const auto value = reader.token();
  if (value.empty()) {
    return ChallengeError{reader.offset(),
                          "expected the value of '" + name + "': a token or a quoted-string"};
  }
  return std::pair{std::move(name), std::string(value)};
}

}  // namespace

Result<std::vector<Challenge>, ChallengeError> parse_challenges(std::string_view field_value) {
  Reader reader(field_value);
  std::vector<Challenge> challenges;
  reader.skip_list_separators();
  while (!reader.at_end()) {
    Challenge challenge{.scheme = std::string(reader.token())};
    if (challenge.scheme.empty()) {
      return ChallengeError{reader.offset(), "expected an auth-scheme (a token)"};
    }
    bool separated = false;  // the comma before the next challenge has been read
    const bool spaced = reader.peek() == ' ';
    reader.skip_whitespace();
    if (spaced && !reader.at_end() && reader.peek() != ',') {
      if (auto token68 = standalone_token68(reader)) {
        challenge.token68 = std::move(token68);
      } else {
        // Parameters, until a list item that is not one (the next challenge's scheme).
        while (!separated) {
          auto param = auth_param(reader);
          if (!param) return param.errors();
          challenge.params.push_back(std::move(*param));
          reader.skip_whitespace();
          if (reader.at_end()) break;
          if (!reader.take(',')) {
            return ChallengeError{reader.offset(), "expected ',' after a parameter"};
          }
          reader.skip_list_separators();
          separated = reader.at_end() || !auth_param_follows(reader);
        }
      }
    }
    challenges.push_back(std::move(challenge));
    if (!separated) {
      reader.skip_whitespace();
      if (!reader.at_end() && !reader.take(',')) {
        return ChallengeError{reader.offset(), "expected ',' before the next challenge"};
      }
    }
    reader.skip_list_separators();
  }
  return challenges;
}

std::string to_string(const Challenge& challenge) {
  std::string out = challenge.scheme;
  if (challenge.token68) return out + ' ' + *challenge.token68;
  bool first = true;
  for (const auto& [name, value] : challenge.params) {
    out += first ? " " : ", ";
    first = false;
    out += name;
    out += '=';
    out += quoted_string(value);
  }
  return out;
}

bool bearer_error_is(std::string_view field_value, std::string_view error) {
  const auto challenges = parse_challenges(field_value);
  if (!challenges) return false;
  return std::any_of(challenges->begin(), challenges->end(), [&](const Challenge& challenge) {
    return equals_ignoring_ascii_case(challenge.scheme, "Bearer") &&
           challenge.param("error") == error;
  });
}

}  // namespace oaskit::detail
