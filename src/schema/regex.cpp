#define PCRE2_CODE_UNIT_WIDTH 8
#include "schema/regex.hpp"

#include <pcre2.h>

#include <optional>
#include <string>
#include <utility>

namespace oaskit::schema::detail {
namespace {

// ECMA-262's WhiteSpace and LineTerminator code points: what `\s` means there (PCRE2 without
// Unicode properties means ASCII whitespace only).
constexpr std::string_view ecma_space =
    R"(\t\n\u000B\f\r \u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF)";

// ECMA-262's long names of Unicode general categories (and `digit`, an alias of Nd), which
// PCRE2 10.42 knows only by their short names.
constexpr std::pair<std::string_view, std::string_view> category_names[] = {
    {"Letter", "L"},
    {"Cased_Letter", "LC"},
    {"Uppercase_Letter", "Lu"},
    {"Lowercase_Letter", "Ll"},
    {"Titlecase_Letter", "Lt"},
    {"Modifier_Letter", "Lm"},
    {"Other_Letter", "Lo"},
    {"Mark", "M"},
    {"Combining_Mark", "M"},
    {"Nonspacing_Mark", "Mn"},
    {"Spacing_Mark", "Mc"},
    {"Enclosing_Mark", "Me"},
    {"Number", "N"},
    {"Decimal_Number", "Nd"},
    {"digit", "Nd"},
    {"Letter_Number", "Nl"},
    {"Other_Number", "No"},
    {"Punctuation", "P"},
    {"punct", "P"},
    {"Connector_Punctuation", "Pc"},
    {"Dash_Punctuation", "Pd"},
    {"Open_Punctuation", "Ps"},
    {"Close_Punctuation", "Pe"},
    {"Initial_Punctuation", "Pi"},
    {"Final_Punctuation", "Pf"},
    {"Other_Punctuation", "Po"},
    {"Symbol", "S"},
    {"Math_Symbol", "Sm"},
    {"Currency_Symbol", "Sc"},
    {"Modifier_Symbol", "Sk"},
    {"Other_Symbol", "So"},
    {"Separator", "Z"},
    {"Space_Separator", "Zs"},
    {"Line_Separator", "Zl"},
    {"Paragraph_Separator", "Zp"},
    {"Other", "C"},
    {"Control", "Cc"},
    {"cntrl", "Cc"},
    {"Format", "Cf"},
    {"Surrogate", "Cs"},
    {"Private_Use", "Co"},
    {"Unassigned", "Cn"}};

// The property name of `\p{...}` as PCRE2 spells it: `General_Category=Letter` and `Letter`
// become `L`, `Script=Greek` and `sc=Greek` become `Greek`.
std::string property_name(std::string_view name) {
  for (const std::string_view prefix :
       {"General_Category=", "gc=", "Script=", "sc=", "Script_Extensions=", "scx="}) {
    if (name.substr(0, prefix.size()) == prefix) {
      name.remove_prefix(prefix.size());
      break;
    }
  }
  for (const auto& [long_name, short_name] : category_names) {
    if (name == long_name) return std::string(short_name);
  }
  return std::string(name);
}

// Escapes whose meaning in PCRE2 is not ECMA-262's (where they are not escapes at all).
constexpr std::string_view foreign_escapes = "aeAZzGQEhHVRXKCNog";

// The pattern with ECMA's `\s`/`\S` and property names spelt out for PCRE2; nullopt (with
// `*error`) for an escape ECMA-262 does not have.
std::optional<std::string> to_pcre(std::string_view pattern, std::string* error) {
  std::string out;
  out.reserve(pattern.size());
  bool in_class = false;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {
      const char next = pattern[i + 1];
      ++i;
      if (next == 's') {
        if (in_class) {
          out += ecma_space;
        } else {
          out += '[';
          out += ecma_space;
          out += ']';
        }
      } else if (next == 'S' && !in_class) {
        out += "[^";
        out += ecma_space;
        out += ']';
      } else if ((next == 'p' || next == 'P') && i + 1 < pattern.size() && pattern[i + 1] == '{') {
        const std::size_t close = pattern.find('}', i + 1);
        if (close == std::string_view::npos) {
          out += '\\';
          out += next;
          continue;
        }
        out += '\\';
        out += next;
        out += '{';
        out += property_name(pattern.substr(i + 2, close - i - 2));
        out += '}';
        i = close;
      } else if (foreign_escapes.find(next) != std::string_view::npos) {
        *error = std::string("\\") + next + " is not an escape in ECMA-262 regular expressions";
        return std::nullopt;
      } else {
        out += '\\';
        out += next;
      }
      continue;
    }
    if (c == '[' && !in_class) {
      in_class = true;
    } else if (c == ']' && in_class) {
      in_class = false;
    }
    out += c;
  }
  return out;
}

// The most backtracking steps one match may take: enough for any sane pattern on long text,
// far below a hang (a few milliseconds).
constexpr std::uint32_t match_limit = 1'000'000;

struct MatchState {
  pcre2_match_data* data = pcre2_match_data_create(1, nullptr);
  pcre2_match_context* context = pcre2_match_context_create(nullptr);
  MatchState() {
    pcre2_set_match_limit(context, match_limit);
    pcre2_set_depth_limit(context, 10'000);
  }
  ~MatchState() {
    pcre2_match_data_free(data);
    pcre2_match_context_free(context);
  }
  MatchState(const MatchState&) = delete;
  MatchState& operator=(const MatchState&) = delete;
};

}  // namespace

std::variant<std::shared_ptr<const Regex>, std::string> Regex::compile(std::string_view pattern) {
  std::string problem;
  const auto pcre_pattern = to_pcre(pattern, &problem);
  if (!pcre_pattern) {
    return "'" + std::string(pattern) + "' is not a valid regular expression: " + problem;
  }
  const std::string& translated = *pcre_pattern;
  int error = 0;
  PCRE2_SIZE offset = 0;
  pcre2_compile_context* context = pcre2_compile_context_create(nullptr);
  pcre2_set_compile_extra_options(context, PCRE2_EXTRA_ALT_BSUX);
  pcre2_code* code =
      pcre2_compile(reinterpret_cast<PCRE2_SPTR>(translated.data()), translated.size(),
                    PCRE2_UTF | PCRE2_DOLLAR_ENDONLY | PCRE2_ALT_BSUX, &error, &offset, context);
  pcre2_compile_context_free(context);
  if (code == nullptr) {
    PCRE2_UCHAR message[256];
    pcre2_get_error_message(error, message, sizeof message);
    return std::string("'") + std::string(pattern) +
           "' is not a valid regular expression: " + reinterpret_cast<const char*>(message);
  }
  // JIT makes matching several times faster; where it is unavailable, the interpreter runs.
  pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
  return std::shared_ptr<const Regex>(new Regex(std::string(pattern), code));
}

Regex::~Regex() { pcre2_code_free(static_cast<pcre2_code*>(code_)); }

Regex::Match Regex::search(std::string_view subject) const {
  thread_local MatchState state;
  const int rc = pcre2_match(static_cast<const pcre2_code*>(code_),
                             reinterpret_cast<PCRE2_SPTR>(subject.data()), subject.size(), 0, 0,
                             state.data, state.context);
  if (rc >= 0) return Match::found;
  if (rc == PCRE2_ERROR_NOMATCH) return Match::not_found;
  // Text that is not UTF-8 (PCRE2's UTF errors) cannot match a pattern of characters.
  if (rc <= PCRE2_ERROR_UTF8_ERR1 && rc >= PCRE2_ERROR_UTF8_ERR21) return Match::not_found;
  return Match::too_costly;  // match or depth limit, JIT stack: the bound was reached
}

}  // namespace oaskit::schema::detail
