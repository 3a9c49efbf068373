#include "json/locate.hpp"
#include "json/json_positions.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <string_view>

namespace {

using namespace std::string_view_literals;
using oaskit::Path;
using oaskit::TextPosition;
using oaskit::detail::find_syntax_error;
using oaskit::detail::index_json_positions;
using oaskit::detail::locate_keys;
using oaskit::detail::position_of;

constexpr std::size_t kDepth = 512;

// Passes when the first syntax error in `text` is `message` at `offset`.
::testing::AssertionResult has_syntax_error(std::string_view text, std::size_t offset,
                                            std::string_view message,
                                            std::size_t max_depth = kDepth) {
  const auto error = find_syntax_error(text, max_depth);
  if (!error) return ::testing::AssertionFailure() << "no error found";
  if (error->offset != offset || error->message != message) {
    return ::testing::AssertionFailure()
           << "got offset " << error->offset << " \"" << error->message << "\"";
  }
  return ::testing::AssertionSuccess();
}

::testing::AssertionResult is_valid(std::string_view text, std::size_t max_depth = kDepth) {
  const auto error = find_syntax_error(text, max_depth);
  if (!error) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << "offset " << error->offset << ": \"" << error->message << "\"";
}

// A copy of `text` in a heap buffer of exactly its size, so that AddressSanitizer reports any
// read past the end (a std::string has a terminator and often spare capacity after its size).
class ExactCopy {
 public:
  explicit ExactCopy(std::string_view text)
      : bytes_(std::make_unique<char[]>(text.size())), size_(text.size()) {
    std::copy(text.begin(), text.end(), bytes_.get());
  }
  std::string_view view() const { return {bytes_.get(), size_}; }

 private:
  std::unique_ptr<char[]> bytes_;
  std::size_t size_;
};

std::string repeat(std::string_view part, std::size_t count) {
  std::string out;
  out.reserve(part.size() * count);
  for (std::size_t i = 0; i < count; ++i) out += part;
  return out;
}

// ---------------------------------------------------------------------------------------------
// position_of

TEST(PositionOf, StartOfText_IsLineOneColumnOne) {
  EXPECT_EQ(position_of("{}", 0), (TextPosition{0, 1, 1}));
  EXPECT_EQ(position_of("", 0), (TextPosition{0, 1, 1}));
}

TEST(PositionOf, AfterLineFeeds_CountsLinesAndRestartsColumns) {
  const std::string_view text = "{\n  \"a\": 1,\n  \"b\": 2\n}";
  EXPECT_EQ(position_of(text, text.find('1')), (TextPosition{text.find('1'), 2, 8}));
  EXPECT_EQ(position_of(text, text.find('2')), (TextPosition{text.find('2'), 3, 8}));
  EXPECT_EQ(position_of(text, text.size() - 1), (TextPosition{text.size() - 1, 4, 1}));
}

TEST(PositionOf, HeaderExample_CountsTheMultiByteCharacterOnce) {
  EXPECT_EQ(position_of("{\n  \"é\": 1}", 10), (TextPosition{10, 2, 8}));
}

TEST(PositionOf, MultiByteCharacters_CountOnceEach) {
  // é is 2 bytes, € is 3, 😀 is 4.
  const std::string_view text = "\"é€😀x\"";
  EXPECT_EQ(position_of(text, text.find('x')).column, 5u);
  EXPECT_EQ(position_of(text, text.size()).column, 7u);
}

TEST(PositionOf, OffsetInsideMultiByteCharacter_HasThatCharactersColumn) {
  const std::string_view text = "a😀b";
  EXPECT_EQ(position_of(text, 1).column, 2u);
  EXPECT_EQ(position_of(text, 2).column, 2u);
  EXPECT_EQ(position_of(text, 4).column, 2u);
  EXPECT_EQ(position_of(text, 5).column, 3u);
}

TEST(PositionOf, Tab_CountsAsOneColumn) { EXPECT_EQ(position_of("\t\tx", 2).column, 3u); }

TEST(PositionOf, CrLf_IsOneLineBreak) {
  const std::string_view text = "[\r\n1,\r\n2]";
  EXPECT_EQ(position_of(text, text.find('1')), (TextPosition{3, 2, 1}));
  EXPECT_EQ(position_of(text, text.find('2')), (TextPosition{7, 3, 1}));
}

TEST(PositionOf, LoneCarriageReturn_IsALineBreak) {
  const std::string_view text = "[\r1]";
  EXPECT_EQ(position_of(text, 2), (TextPosition{2, 2, 1}));
}

TEST(PositionOf, OffsetPastTheEnd_ClampsToTheEnd) {
  EXPECT_EQ(position_of("ab\ncd", 100), (TextPosition{5, 2, 3}));
  EXPECT_EQ(position_of("", std::numeric_limits<std::size_t>::max()), (TextPosition{0, 1, 1}));
}

TEST(PositionOf, InvalidUtf8Bytes_CountOneColumnEach) {
  // A stray continuation byte, a truncated 3-byte sequence, then 'x'.
  const std::string_view text = "\x80\xE2\x82x";
  EXPECT_EQ(position_of(text, 1).column, 2u);
  EXPECT_EQ(position_of(text, 2).column, 3u);
  EXPECT_EQ(position_of(text, 3).column, 4u);
}

// ---------------------------------------------------------------------------------------------
// Robustness: the error path's scanners on any bytes (values are placed by
// json_positions.hpp's index, tested in json_positions_test.cpp)

TEST(Locate, EveryPrefixOfADocument_NeverReturnsAnOffsetPastTheEnd) {
  const std::string_view document =
      R"({"a": [1, {"b\"c": "x\\y", "d": [true, null]}], "e": {"f": -1.5e3}, "a": 0})";
  for (std::size_t length = 0; length <= document.size(); ++length) {
    const ExactCopy copy(document.substr(0, length));
    const std::string_view prefix = copy.view();
    for (std::size_t key : locate_keys(prefix, 0, "a")) EXPECT_LT(key, prefix.size());
    for (const auto& [pointer, position] : index_json_positions(prefix)) {
      EXPECT_LE(position.offset, prefix.size()) << pointer;
    }
  }
}

TEST(Locate, RandomBytes_NeverReadPastTheEnd) {
  std::uint32_t state = 12345;
  auto next = [&] {
    state = state * 1664525u + 1013904223u;
    return state >> 24;
  };
  static constexpr std::string_view kAlphabet = "{}[]\":,\\ a1u0e-.tn\xC3\xA9\xFF";
  for (int round = 0; round < 2000; ++round) {
    std::string bytes;
    const std::size_t length = next() % 40;
    for (std::size_t i = 0; i < length; ++i) bytes += kAlphabet[next() % kAlphabet.size()];
    const ExactCopy copy(bytes);
    const std::string_view text = copy.view();
    for (const auto& [pointer, position] : index_json_positions(text)) {
      EXPECT_LE(position.offset, text.size()) << pointer;
    }
    (void)locate_keys(text, 0, "a");
    (void)find_syntax_error(text, 4);
    (void)position_of(text, next() % 50);
  }
}

// ---------------------------------------------------------------------------------------------
// locate_keys

TEST(LocateKeys, DuplicateKey_ReturnsOpeningQuoteOfEachOccurrence) {
  const std::string_view text = R"({"a": 1, "b": 2, "a": [3], "a": {}})";
  const std::vector<std::size_t> expected = {1, 17, 27};
  EXPECT_EQ(locate_keys(text, 0, "a"), expected);
  EXPECT_EQ(locate_keys(text, 0, "b"), std::vector<std::size_t>{9});
}

TEST(LocateKeys, EscapedSpellingOfTheSameKey_IsADuplicate) {
  const std::string_view text = R"({"ab": 1, "a\u0062": 2})";
  const std::vector<std::size_t> expected = {1, text.find("\"a\\")};
  EXPECT_EQ(locate_keys(text, 0, "ab"), expected);
}

TEST(LocateKeys, ObjectInsideArray_OnlyItsOwnMembersCount) {
  const std::string_view text = R"({"x": 1, "list": [{"x": 2, "o": {"x": 3}, "x": 4}]})";
  const std::vector<std::size_t> expected = {text.find("\"x\": 2"), text.find("\"x\": 4")};
  EXPECT_EQ(locate_keys(text, text.find("{\"x\": 2"), "x"), expected);
}

TEST(LocateKeys, NotAnObjectThere_ReturnsEmpty) {
  EXPECT_TRUE(locate_keys("[1, 2]", 0, "a").empty());
  EXPECT_TRUE(locate_keys(R"({"a": "s"})", 6, "a").empty());
  EXPECT_TRUE(locate_keys(R"({"a": {}})", 6, "a").empty());
  EXPECT_TRUE(locate_keys(R"({"a": {}})", 100, "a").empty());
  EXPECT_TRUE(locate_keys("", 0, "a").empty());
}

// ---------------------------------------------------------------------------------------------
// find_syntax_error: valid texts

TEST(FindSyntaxError, ValidDocuments_HaveNoError) {
  const std::string_view valid[] = {
      "0",
      "-0",
      "-0.0e-0",
      "123.456E+78",
      "1e5",
      "true",
      "false",
      "null",
      R"("")",
      " \t\r\n[ ]\n",
      "{}",
      R"({"a": [1, 2, {"b": null}], "c": {"d": [[]]}, "": ""})",
      R"(["\"\\\/\b\f\n\r\t\u0041\u00e9\uD83D\uDE00"])",
      "[\"é€😀\xF4\x8F\xBF\xBF\"]",
      R"({"a":1,"a":2})",  // duplicate keys are valid JSON; the reader reports them
  };
  for (const std::string_view text : valid) EXPECT_TRUE(is_valid(text)) << text;
}

TEST(FindSyntaxError, BoundaryCodePoints_AreValidUtf8) {
  // U+007F, U+0080, U+07FF, U+0800, U+D7FF, U+E000, U+FFFF, U+10000, U+10FFFF.
  EXPECT_TRUE(
      is_valid("\"\x7F \xC2\x80 \xDF\xBF \xE0\xA0\x80 \xED\x9F\xBF \xEE\x80\x80 \xEF\xBF\xBF "
               "\xF0\x90\x80\x80 \xF4\x8F\xBF\xBF\""));
}

// ---------------------------------------------------------------------------------------------
// find_syntax_error: structure

TEST(FindSyntaxError, EmptyInput_IsAnErrorAtTheEnd) {
  EXPECT_TRUE(has_syntax_error("", 0, "the input is empty: expected a JSON value"));
  EXPECT_TRUE(has_syntax_error(" \n\t ", 4, "the input is empty: expected a JSON value"));
}

TEST(FindSyntaxError, TrailingCommaInObject_IsAnErrorAtTheComma) {
  EXPECT_TRUE(has_syntax_error(R"({"a": 1,})", 7, "trailing comma before '}'"));
  EXPECT_TRUE(has_syntax_error("{\"a\": 1 , \n }", 8, "trailing comma before '}'"));
}

TEST(FindSyntaxError, TrailingCommaInArray_IsAnErrorAtTheComma) {
  EXPECT_TRUE(has_syntax_error("[1, 2,]", 5, "trailing comma before ']'"));
  EXPECT_TRUE(has_syntax_error("[[],\n]", 3, "trailing comma before ']'"));
}

TEST(FindSyntaxError, MissingCommaBetweenArrayElements_NamesTheComma) {
  EXPECT_TRUE(has_syntax_error("[1 2]", 3,
                               "missing comma: expected ',' between array elements, found '2'"));
  EXPECT_TRUE(has_syntax_error(R"(["a""b"])", 4,
                               "missing comma: expected ',' between array elements, found '\"'"));
  EXPECT_TRUE(has_syntax_error("[{}\n[]]", 4,
                               "missing comma: expected ',' between array elements, found '['"));
  EXPECT_TRUE(has_syntax_error("[true false]", 6,
                               "missing comma: expected ',' between array elements, found 'f'"));
}

TEST(FindSyntaxError, MissingCommaBetweenMembers_NamesTheComma) {
  EXPECT_TRUE(has_syntax_error("{\"a\": 1\n \"b\": 2}", 9,
                               "missing comma: expected ',' between object members, found '\"'"));
}

TEST(FindSyntaxError, TokenGluedToANumber_IsNotCalledAMissingComma) {
  EXPECT_TRUE(
      has_syntax_error("[12px]", 3, "expected ',' or ']' after an array element, found 'p'"));
  EXPECT_TRUE(
      has_syntax_error(R"({"a": 1;})", 7, "expected ',' or '}' after an object member, found ';'"));
}

TEST(FindSyntaxError, MismatchedBrackets_AreAnErrorAtTheWrongBracket) {
  EXPECT_TRUE(has_syntax_error("[1}", 2, "expected ',' or ']' after an array element, found '}'"));
  EXPECT_TRUE(
      has_syntax_error(R"({"a": 1])", 7, "expected ',' or '}' after an object member, found ']'"));
}

TEST(FindSyntaxError, MissingColon_IsAnErrorAfterTheName) {
  EXPECT_TRUE(has_syntax_error(R"({"a" 1})", 5,
                               "missing colon: expected ':' after the member name, found '1'"));
  EXPECT_TRUE(has_syntax_error(R"({"a" = 1})", 5, "expected ':' after the member name, found '='"));
  EXPECT_TRUE(has_syntax_error(R"({"a"})", 4, "expected ':' after the member name, found '}'"));
}

TEST(FindSyntaxError, SingleQuotedString_AsksForDoubleQuotes) {
  EXPECT_TRUE(has_syntax_error(R"({"a": 'x'})", 6,
                               "single-quoted string: JSON strings need double quotes"));
  EXPECT_TRUE(has_syntax_error("{'a': 1}", 1,
                               "single-quoted member name: JSON member names need double quotes"));
}

TEST(FindSyntaxError, UnquotedKey_AsksForDoubleQuotes) {
  EXPECT_TRUE(has_syntax_error("{a: 1}", 1,
                               "unquoted member name 'a': JSON member names need double quotes"));
  EXPECT_TRUE(
      has_syntax_error(R"({"a": 1, openapi: "3.1.0"})", 9,
                       "unquoted member name 'openapi': JSON member names need double quotes"));
  EXPECT_TRUE(has_syntax_error(R"({"a": 1 b: 2})", 8,
                               "missing comma: expected ',' between object members, found 'b'"));
}

TEST(FindSyntaxError, Comments_AreAnErrorWhereverTheyAppear) {
  EXPECT_TRUE(has_syntax_error("// note\n{}", 0, "comments are not allowed in JSON, found '//'"));
  EXPECT_TRUE(has_syntax_error("{} /* end */", 3, "comments are not allowed in JSON, found '/*'"));
  EXPECT_TRUE(has_syntax_error("{\"a\": 1, // x\n \"b\": 2}", 9,
                               "comments are not allowed in JSON, found '//'"));
  EXPECT_TRUE(
      has_syntax_error("[1 /* x */, 2]", 3, "comments are not allowed in JSON, found '/*'"));
  EXPECT_TRUE(
      has_syntax_error(R"({"a" /**/ : 1})", 5, "comments are not allowed in JSON, found '/*'"));
  EXPECT_TRUE(has_syntax_error("[/]", 1, "expected a value or ']', found '/'"));
}

TEST(FindSyntaxError, TextAfterTheValue_IsAnErrorWhereItStarts) {
  EXPECT_TRUE(has_syntax_error("{} x", 3, "unexpected text after the JSON value, found 'x'"));
  EXPECT_TRUE(has_syntax_error("1 2", 2, "unexpected text after the JSON value, found '2'"));
  EXPECT_TRUE(has_syntax_error("[]]", 2, "unexpected text after the JSON value, found ']'"));
  EXPECT_TRUE(has_syntax_error("{}\n{}", 3, "unexpected text after the JSON value, found '{'"));
  EXPECT_TRUE(has_syntax_error("[1]\0"sv, 3,
                               "unexpected text after the JSON value, found control character "
                               "U+0000"));
}

TEST(FindSyntaxError, UnexpectedEnd_SaysWhatWasExpected) {
  EXPECT_TRUE(has_syntax_error("[", 1, "unexpected end of input: expected a value or ']'"));
  EXPECT_TRUE(has_syntax_error("{", 1, "unexpected end of input: expected a member name or '}'"));
  EXPECT_TRUE(has_syntax_error(R"({"a")", 4,
                               "unexpected end of input: expected ':' after the member name"));
  EXPECT_TRUE(has_syntax_error(R"({"a": )", 6, "unexpected end of input: expected a value"));
  EXPECT_TRUE(has_syntax_error(
      "[1", 2, "unexpected end of input: expected ',' or ']' after an array element"));
  EXPECT_TRUE(has_syntax_error(
      R"({"a": 1 )", 8, "unexpected end of input: expected ',' or '}' after an object member"));
  EXPECT_TRUE(has_syntax_error("[1,", 3, "unexpected end of input: expected a value"));
  EXPECT_TRUE(has_syntax_error(R"({"a":1,)", 7, "unexpected end of input: expected a member name"));
}

TEST(FindSyntaxError, UnexpectedCharacterForAValue_IsQuoted) {
  EXPECT_TRUE(has_syntax_error("}", 0, "expected a JSON value, found '}'"));
  EXPECT_TRUE(has_syntax_error("[,1]", 1, "expected a value or ']', found ','"));
  EXPECT_TRUE(has_syntax_error("[1,,2]", 3, "expected a value, found ','"));
  EXPECT_TRUE(has_syntax_error(R"({"a": })", 6, "expected a value, found '}'"));
  EXPECT_TRUE(has_syntax_error("{,}", 1, "expected a member name or '}', found ','"));
  EXPECT_TRUE(has_syntax_error(R"({"a":1,])", 7, "expected a member name, found ']'"));
}

TEST(FindSyntaxError, NonJsonWhitespace_IsDescribed) {
  EXPECT_TRUE(has_syntax_error("\f1", 0, "expected a JSON value, found control character U+000C"));
  EXPECT_TRUE(
      has_syntax_error("[\xC2\xA0"
                       "1]",
                       1, "expected a value or ']', found '\xC2\xA0' (U+00A0)"));
}

TEST(FindSyntaxError, ByteOrderMark_IsAnErrorAtTheStart) {
  EXPECT_TRUE(has_syntax_error(
      "\xEF\xBB\xBF{}", 0,
      "the text starts with a byte order mark (U+FEFF), which JSON does not allow"));
}

TEST(FindSyntaxError, CurlyQuotes_AskForStraightQuotes) {
  EXPECT_TRUE(has_syntax_error(
      "{\xE2\x80\x9C"
      "a\xE2\x80\x9D: 1}",
      1,
      "expected a member name or '}', found a curly quote '\xE2\x80\x9C' (U+201C): JSON needs "
      "straight double quotes (\")"));
}

// ---------------------------------------------------------------------------------------------
// find_syntax_error: nesting depth

TEST(FindSyntaxError, NestingAtMaxDepth_IsValid) {
  EXPECT_TRUE(is_valid("[[[]]]", 3));
  EXPECT_TRUE(is_valid(R"({"a": [{"b": 1}]})", 3));
  EXPECT_TRUE(is_valid("1", 0));
}

TEST(FindSyntaxError, NestingBeyondMaxDepth_IsAnErrorAtTheBracketThatExceedsIt) {
  EXPECT_TRUE(has_syntax_error("[[[[]]]]", 3, "nesting is deeper than 3 levels", 3));
  EXPECT_TRUE(has_syntax_error(R"({"a": [{"b": {}}]})", 13, "nesting is deeper than 3 levels", 3));
  EXPECT_TRUE(has_syntax_error("[]", 0, "nesting is deeper than 0 levels", 0));
}

TEST(FindSyntaxError, HundredThousandOpenBrackets_IsADepthErrorWithoutCrashing) {
  const std::string text = repeat("[", 100000);
  EXPECT_TRUE(has_syntax_error(text, 512, "nesting is deeper than 512 levels"));
}

TEST(FindSyntaxError, HundredThousandOpenBracketsWithoutLimit_IsAnUnexpectedEnd) {
  const std::string text = repeat("[", 100000);
  EXPECT_TRUE(has_syntax_error(text, 100000, "unexpected end of input: expected a value or ']'",
                               std::numeric_limits<std::size_t>::max()));
}

TEST(FindSyntaxError, HundredThousandNestedContainers_AreCheckedIteratively) {
  const std::size_t depth = 100000;
  const std::string arrays = repeat("[", depth) + repeat("]", depth);
  EXPECT_TRUE(is_valid(arrays, depth));
  EXPECT_TRUE(has_syntax_error(arrays, depth - 1,
                               "nesting is deeper than " + std::to_string(depth - 1) + " levels",
                               depth - 1));
  const std::string objects = repeat(R"({"a":[)", depth / 2) + repeat("]}", depth / 2);
  EXPECT_TRUE(is_valid(objects, depth));
  const std::string unclosed = repeat(R"({"a":[)", depth / 2) + repeat("]}", depth / 2 - 1);
  EXPECT_TRUE(has_syntax_error(
      unclosed, unclosed.size(),
      "unexpected end of input: expected ',' or ']' after an array element", depth));
}

// ---------------------------------------------------------------------------------------------
// find_syntax_error: strings

TEST(FindSyntaxError, UnterminatedString_IsAnErrorAtItsOpeningQuote) {
  const std::string_view message = "unterminated string: no closing '\"' before the end of input";
  EXPECT_TRUE(has_syntax_error(R"({"a": "abc)", 6, message));
  EXPECT_TRUE(has_syntax_error(R"(["abc\)", 1, message));
  EXPECT_TRUE(has_syntax_error(R"(["\u12)", 1, message));
  EXPECT_TRUE(has_syntax_error(R"(")", 0, message));
  EXPECT_TRUE(has_syntax_error(R"({"ab)", 1, message));
}

TEST(FindSyntaxError, RawLineBreakInString_SuggestsClosingOrEscaping) {
  EXPECT_TRUE(has_syntax_error(
      "{\"a\": \"abc\n}", 10,
      "line break inside a string: close the string with '\"' or write the line break as \\n"));
}

TEST(FindSyntaxError, ControlCharactersInString_AskForEscapes) {
  EXPECT_TRUE(has_syntax_error("\"a\tb\"", 2, "tab character inside a string: write it as \\t"));
  EXPECT_TRUE(has_syntax_error("\"a\rb\"", 2, "carriage return inside a string: write it as \\r"));
  EXPECT_TRUE(has_syntax_error("\"\x01\"", 1,
                               "control character U+0001 inside a string: write it as \\u0001"));
  EXPECT_TRUE(has_syntax_error("\"\0\""sv, 1,
                               "control character U+0000 inside a string: write it as \\u0000"));
  EXPECT_TRUE(is_valid("\"\x7F\""));  // DEL is allowed unescaped
}

TEST(FindSyntaxError, InvalidEscape_IsAnErrorAtTheBackslash) {
  const std::string valid = "valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX";
  EXPECT_TRUE(has_syntax_error(R"(["a\x"])", 3, "invalid escape '\\x' in a string: " + valid));
  EXPECT_TRUE(has_syntax_error(R"(["\'"])", 2, "invalid escape '\\'' in a string: " + valid));
  EXPECT_TRUE(has_syntax_error("[\"\\ \"]", 2,
                               "invalid escape in a string: '\\' followed by a space: " + valid));
  EXPECT_TRUE(
      has_syntax_error("[\"\\\xC3\xA9\"]", 2,
                       "invalid escape in a string: '\\' followed by 'é' (U+00E9): " + valid));
}

TEST(FindSyntaxError, MalformedUnicodeEscape_IsAnErrorAtTheBackslash) {
  EXPECT_TRUE(has_syntax_error(
      R"(["\u12G4"])", 2,
      "invalid \\u escape in a string: expected four hexadecimal digits, found 'G'"));
  EXPECT_TRUE(has_syntax_error(
      R"(["\u12"])", 2,
      "invalid \\u escape in a string: expected four hexadecimal digits, found '\"'"));
}

TEST(FindSyntaxError, LoneOrMismatchedSurrogateEscapes_AreErrors) {
  EXPECT_TRUE(has_syntax_error(R"(["x\uD800"])", 3,
                               "lone surrogate \\uD800 in a string: a high surrogate must be "
                               "followed by a low surrogate (\\uDC00 to \\uDFFF)"));
  EXPECT_TRUE(has_syntax_error(R"(["\udbff\n"])", 2,
                               "lone surrogate \\udbff in a string: a high surrogate must be "
                               "followed by a low surrogate (\\uDC00 to \\uDFFF)"));
  EXPECT_TRUE(has_syntax_error(R"(["\uDC00"])", 2,
                               "lone surrogate \\uDC00 in a string: a low surrogate must come "
                               "right after a high surrogate (\\uD800 to \\uDBFF)"));
  EXPECT_TRUE(has_syntax_error(R"(["\uD800\u0041"])", 2,
                               "invalid surrogate pair \\uD800\\u0041 in a string: a high "
                               "surrogate must be followed by a low surrogate (\\uDC00 to "
                               "\\uDFFF)"));
  EXPECT_TRUE(has_syntax_error(R"(["\uD800\uD800"])", 2,
                               "invalid surrogate pair \\uD800\\uD800 in a string: a high "
                               "surrogate must be followed by a low surrogate (\\uDC00 to "
                               "\\uDFFF)"));
  EXPECT_TRUE(is_valid(R"(["\uDBFF\uDFFF"])"));
}

// ---------------------------------------------------------------------------------------------
// find_syntax_error: UTF-8

TEST(FindSyntaxError, InvalidUtf8InString_IsAnErrorAtTheSequenceStart) {
  struct Case {
    std::string_view text;
    std::size_t offset;
    std::string_view message;
  };
  const Case cases[] = {
      {"\"a\x80\"", 2, "invalid UTF-8 byte 0x80"},             // stray continuation byte
      {"\"\xC0\xAF\"", 1, "invalid UTF-8 byte 0xC0"},          // overlong '/'
      {"\"\xC1\xBF\"", 1, "invalid UTF-8 byte 0xC1"},          // overlong U+007F
      {"\"\xE0\x80\xAF\"", 1, "invalid UTF-8 byte 0xE0"},      // overlong, 3 bytes
      {"\"\xE0\x9F\xBF\"", 1, "invalid UTF-8 byte 0xE0"},      // overlong U+07FF
      {"\"\xF0\x80\x80\xAF\"", 1, "invalid UTF-8 byte 0xF0"},  // overlong, 4 bytes
      {"\"\xF0\x8F\xBF\xBF\"", 1, "invalid UTF-8 byte 0xF0"},  // overlong U+FFFF
      {"\"\xED\xA0\x80\"", 1, "invalid UTF-8 byte 0xED"},      // U+D800 encoded directly
      {"\"\xED\xBF\xBF\"", 1, "invalid UTF-8 byte 0xED"},      // U+DFFF encoded directly
      {"\"\xF4\x90\x80\x80\"", 1, "invalid UTF-8 byte 0xF4"},  // U+110000
      {"\"\xF5\x80\x80\x80\"", 1, "invalid UTF-8 byte 0xF5"},  // lead beyond U+10FFFF
      {"\"\xFF\"", 1, "invalid UTF-8 byte 0xFF"},
      {"\"\xE2\x82\"", 1, "invalid UTF-8 byte 0xE2"},      // truncated before the quote
      {"\"\xE2\x82x\"", 1, "invalid UTF-8 byte 0xE2"},     // truncated before ASCII
      {"\"\xC3", 1, "invalid UTF-8 byte 0xC3"},            // truncated by the end
      {"\"\xF0\x9F\x98", 1, "invalid UTF-8 byte 0xF0"},    // truncated by the end
      {"\"\xC3\xA9\xC3\"", 3, "invalid UTF-8 byte 0xC3"},  // after a valid character
  };
  for (const Case& c : cases) {
    EXPECT_TRUE(has_syntax_error(c.text, c.offset, c.message)) << c.message;
  }
}

TEST(FindSyntaxError, InvalidUtf8OutsideStrings_IsReportedAsUtf8) {
  EXPECT_TRUE(has_syntax_error("\xFF", 0, "invalid UTF-8 byte 0xFF"));
  EXPECT_TRUE(has_syntax_error("[1]\xFF", 3, "invalid UTF-8 byte 0xFF"));
  EXPECT_TRUE(has_syntax_error("[1,\xC3]", 3, "invalid UTF-8 byte 0xC3"));
  EXPECT_TRUE(has_syntax_error("{\"a\"\x80:1}", 4, "invalid UTF-8 byte 0x80"));
}

TEST(FindSyntaxError, ValidNonAsciiOutsideStrings_IsQuotedWithItsCodePoint) {
  EXPECT_TRUE(has_syntax_error("[é]", 1, "expected a value or ']', found 'é' (U+00E9)"));
  EXPECT_TRUE(
      has_syntax_error("[1]😀", 3, "unexpected text after the JSON value, found '😀' (U+1F600)"));
}

// ---------------------------------------------------------------------------------------------
// find_syntax_error: numbers and literals

TEST(FindSyntaxError, LeadingZero_IsAnErrorAtTheZero) {
  EXPECT_TRUE(has_syntax_error("[01]", 1, "leading zeros are not allowed in numbers, found '01'"));
  EXPECT_TRUE(
      has_syntax_error("-007", 1, "leading zeros are not allowed in numbers, found '-007'"));
  EXPECT_TRUE(is_valid("[0, -0, 0.01, 10]"));
}

TEST(FindSyntaxError, MalformedNumbers_SayWhatIsMissing) {
  EXPECT_TRUE(has_syntax_error("+1", 0, "a number must not start with '+'"));
  EXPECT_TRUE(has_syntax_error("[.5]", 1,
                               "a number must have a digit before the decimal point, found '.'"));
  EXPECT_TRUE(has_syntax_error("[1.]", 3, "expected a digit after the decimal point, found ']'"));
  EXPECT_TRUE(has_syntax_error(
      "1.", 2, "unexpected end of input: expected a digit after the decimal point"));
  EXPECT_TRUE(has_syntax_error("1.e5", 2, "expected a digit after the decimal point, found 'e'"));
  EXPECT_TRUE(has_syntax_error("[1e]", 3, "expected a digit in the exponent, found ']'"));
  EXPECT_TRUE(
      has_syntax_error("1e+", 3, "unexpected end of input: expected a digit in the exponent"));
  EXPECT_TRUE(has_syntax_error("-", 1, "unexpected end of input: expected a digit after '-'"));
  EXPECT_TRUE(has_syntax_error("[--1]", 2, "expected a digit after '-', found '-'"));
  EXPECT_TRUE(has_syntax_error("[0x1F]", 1, "hexadecimal numbers are not allowed in JSON"));
  EXPECT_TRUE(
      has_syntax_error("[1.5.3]", 4, "expected ',' or ']' after an array element, found '.'"));
}

TEST(FindSyntaxError, NanAndInfinity_AreNotNumbers) {
  EXPECT_TRUE(has_syntax_error("[NaN]", 1, "NaN is not allowed in JSON: numbers must be finite"));
  EXPECT_TRUE(
      has_syntax_error("Infinity", 0, "Infinity is not allowed in JSON: numbers must be finite"));
  EXPECT_TRUE(has_syntax_error("[-Infinity]", 1,
                               "-Infinity is not allowed in JSON: numbers must be finite"));
}

TEST(FindSyntaxError, MisspelledLiterals_AreNamed) {
  EXPECT_TRUE(has_syntax_error("tru", 3, "unexpected end of input: expected 'true'"));
  EXPECT_TRUE(has_syntax_error(
      "[True]", 1,
      "expected a value, found 'True': JSON literals are lowercase: true, false, null"));
  EXPECT_TRUE(
      has_syntax_error("[nul]", 1,
                       "invalid literal 'nul': expected true, false or null (strings need double "
                       "quotes)"));
  EXPECT_TRUE(has_syntax_error(
      R"({"a": undefined})", 6,
      "invalid literal 'undefined': expected true, false or null (strings need double quotes)"));
  EXPECT_TRUE(has_syntax_error(
      "[truex]", 1,
      "invalid literal 'truex': expected true, false or null (strings need double quotes)"));
  const std::string long_word(100, 'w');
  EXPECT_TRUE(has_syntax_error(long_word, 0,
                               "invalid literal '" + long_word.substr(0, 40) +
                                   "...': expected true, false or null (strings need double "
                                   "quotes)"));
}

// ---------------------------------------------------------------------------------------------
// find_syntax_error: robustness

TEST(FindSyntaxError, EveryProperPrefixOfADocument_IsAnErrorWithinTheText) {
  const std::string_view document =
      R"({"a": [1, -2.5e+3, {"b\"c": "x\\y\u00e9\ud83d\ude00", "d": [true, null, false]}], "é": {}})";
  ASSERT_TRUE(is_valid(document));
  for (std::size_t length = 0; length < document.size(); ++length) {
    const ExactCopy copy(document.substr(0, length));
    const std::string_view prefix = copy.view();
    const auto error = find_syntax_error(prefix, kDepth);
    // A prefix that is itself a complete number would be valid; this document has none.
    ASSERT_TRUE(error.has_value()) << prefix;
    EXPECT_LE(error->offset, prefix.size()) << prefix;
    EXPECT_FALSE(error->message.empty());
  }
}

TEST(FindSyntaxError, FirstProblemInTextOrder_IsTheOneReported) {
  EXPECT_TRUE(has_syntax_error("[01, 'a', \xFF]", 1,
                               "leading zeros are not allowed in numbers, found '01'"));
  EXPECT_TRUE(has_syntax_error("[\"\xFF\", 01]", 2, "invalid UTF-8 byte 0xFF"));
}

}  // namespace
