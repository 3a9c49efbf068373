// Text that is not a valid document: each case is one clear error (json_invalid or
// duplicate_key, an empty loc for syntax errors, a message naming the problem, the line:column
// of the offending byte), never a crash or a hang.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sys/mman.h>
#include <unistd.h>

#include <boost/json/value.hpp>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>

#include "oaskit/json.hpp"
#include "oaskit/models.hpp"
#include "support/test_support.hpp"

namespace oaskit {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;

using test::describe;
using test::errors_of;
using test::loc;

/// Passes when `errors` is exactly one error of `type` at `at`, positioned at line:column.
::testing::AssertionResult is_single_error(const Errors& errors, std::string_view type,
                                           const Path& at, std::size_t line, std::size_t column) {
  auto failure = [&] {
    return ::testing::AssertionFailure()
           << "expected one [" << type << "] error at '" << to_string(at) << "' " << line << ':'
           << column << ", got:" << describe(errors);
  };
  if (errors.size() != 1) return failure();
  const Error& e = errors[0];
  if (e.type != type || e.loc != at || !e.position) return failure();
  if (e.position->line != line || e.position->column != column) return failure();
  return ::testing::AssertionSuccess();
}

/// `[[[...]]]`, `depth` arrays deep.
std::string nested_arrays(std::size_t depth) {
  return std::string(depth, '[') + std::string(depth, ']');
}

/// `{"a":{"a":...1...}}`, `depth` objects deep.
std::string nested_objects(std::size_t depth) {
  std::string out;
  out.reserve(depth * 6 + 1);
  for (std::size_t i = 0; i < depth; ++i) out += R"({"a":)";
  out += '1';
  out.append(depth, '}');
  return out;
}

constexpr std::string_view info_prefix = R"({"title":"a","version":"1","x-deep":)";

const std::string depth_limit = std::to_string(max_nesting_depth);

// Invalid UTF-8.

TEST(BadInput, InvalidUtf8InAString_IsJsonInvalidAtTheByte) {
  const auto errors = errors_of<Info>("{\"title\": \"a\xFF\", \"version\": \"1\"}");
  EXPECT_TRUE(is_single_error(errors, "json_invalid", {}, 1, 13));
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_THAT(errors[0].msg, AllOf(HasSubstr("UTF-8"), HasSubstr("0xFF")));
  EXPECT_EQ(errors[0].position->offset, 12U);
}

TEST(BadInput, InvalidUtf8InAKey_IsJsonInvalidAtTheByte) {
  const auto errors = errors_of<Info>("{\"ti\xFFtle\": \"a\", \"version\": \"1\"}");
  EXPECT_TRUE(is_single_error(errors, "json_invalid", {}, 1, 5));
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_THAT(errors[0].msg, HasSubstr("UTF-8"));
}

TEST(BadInput, InvalidUtf8AfterMultiByteCharacters_ColumnCountsCharacters) {
  // "é" is two bytes but one column; the bad byte is on line 2.
  const auto errors =
      errors_of<Info>("{\"version\": \"1\",\n \"title\": \"\xC3\xA9\xC3\xA9\xC0\xAF\"}");
  EXPECT_TRUE(is_single_error(errors, "json_invalid", {}, 2, 14));
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_THAT(errors[0].msg, HasSubstr("UTF-8"));
}

TEST(BadInput, TruncatedUtf8SequenceAtTheEndOfAString_IsJsonInvalid) {
  const auto errors = errors_of<Info>("{\"title\": \"ab\xE2\x82\", \"version\": \"1\"}");
  EXPECT_TRUE(is_single_error(errors, "json_invalid", {}, 1, 14));
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_THAT(errors[0].msg, HasSubstr("UTF-8"));
}

// Duplicate keys: the error is at the repeat, and its message names both places.

TEST(BadInput, DuplicateKeyInAModelObject_NamesBothPlaces) {
  const auto errors = errors_of<Info>("{\"title\": \"a\",\n \"title\": \"b\", \"version\": \"1\"}");
  EXPECT_TRUE(is_single_error(errors, "duplicate_key", loc("title"), 2, 2));
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_THAT(errors[0].msg, AllOf(HasSubstr("'title'"), HasSubstr("line 1 column 2"),
                                   HasSubstr("line 2 column 2")));
}

TEST(BadInput, DuplicateKeyInAnExtensionObject_NamesBothPlaces) {
  const auto errors = errors_of<Info>(
      "{\"title\": \"a\", \"version\": \"1\",\n \"x-e\": {\"k\": 1,\n   \"k\": 2}}");
  EXPECT_TRUE(is_single_error(errors, "duplicate_key", loc("x-e", "k"), 3, 4));
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_THAT(errors[0].msg,
              AllOf(HasSubstr("'k'"), HasSubstr("line 2 column 10"), HasSubstr("line 3 column 4")));
}

TEST(BadInput, DuplicatePathInPaths_NamesBothPlaces) {
  const auto errors = errors_of<OpenAPI>(
      "{\"openapi\": \"3.1.0\", \"info\": {\"title\": \"a\", \"version\": \"1\"},\n"
      "  \"paths\": {\"/pets\": {},\n"
      "    \"/pets\": {}}}");
  EXPECT_TRUE(is_single_error(errors, "duplicate_key", loc("paths", "/pets"), 3, 5));
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_THAT(errors[0].msg, AllOf(HasSubstr("'/pets'"), HasSubstr("line 2 column 13"),
                                   HasSubstr("line 3 column 5")));
}

TEST(BadInput, DuplicatePropertyInSchemaProperties_NamesBothPlaces) {
  const auto errors = errors_of<Schema>("{\"properties\": {\"id\": {},\n\"id\": {}}}");
  EXPECT_TRUE(is_single_error(errors, "duplicate_key", loc("properties", "id"), 2, 1));
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_THAT(errors[0].msg, AllOf(HasSubstr("'id'"), HasSubstr("line 1 column 17"),
                                   HasSubstr("line 2 column 1")));
}

// Nesting: deeper than max_nesting_depth is an error, never a stack overflow.

TEST(BadInput, HundredThousandNestedArrays_IsAnErrorNamingTheDepthLimit) {
  const auto errors = errors_of<Info>(nested_arrays(100000));
  // The first bracket past the limit.
  EXPECT_TRUE(is_single_error(errors, "json_invalid", {}, 1, max_nesting_depth + 1));
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_THAT(errors[0].msg, AllOf(HasSubstr("nesting"), HasSubstr(depth_limit)));
}

TEST(BadInput, HundredThousandNestedObjectsInAnExtension_IsAnErrorNamingTheDepthLimit) {
  const std::string json = std::string(info_prefix) + nested_objects(100000) + "}";
  const auto errors = errors_of<Info>(json);
  // The root object is level 1, so the object opening level max_nesting_depth + 1 is the
  // extension's max_nesting_depth-th.
  const std::size_t column = info_prefix.size() + (max_nesting_depth - 1) * 5 + 1;
  EXPECT_TRUE(is_single_error(errors, "json_invalid", {}, 1, column));
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_THAT(errors[0].msg, AllOf(HasSubstr("nesting"), HasSubstr(depth_limit)));
}

TEST(BadInput, NestingExactlyAtTheLimitInAnExtension_Parses) {
  // Root object (1) + max_nesting_depth - 1 arrays = max_nesting_depth levels.
  const std::string json = std::string(info_prefix) + nested_arrays(max_nesting_depth - 1) + "}";
  auto info = parse<Info>(json);
  ASSERT_TRUE(info) << describe(info.errors());
  const auto* deep = info->extra.if_contains("x-deep");
  ASSERT_NE(deep, nullptr);
  std::size_t depth = 0;
  for (const boost::json::value* v = deep; v->is_array(); ++depth) {
    if (v->as_array().empty()) {
      ++depth;
      break;
    }
    v = v->as_array().data();
  }
  EXPECT_EQ(depth, max_nesting_depth - 1);
  EXPECT_EQ(to_json(*info), json);
}

TEST(BadInput, NestingOneBeyondTheLimitInAnExtensionEndingInAValue_IsAnError) {
  const std::string json = std::string(info_prefix) + std::string(max_nesting_depth, '[') + "1" +
                           std::string(max_nesting_depth, ']') + "}";
  const auto errors = errors_of<Info>(json);
  EXPECT_TRUE(
      is_single_error(errors, "json_invalid", {}, 1, info_prefix.size() + max_nesting_depth));
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_THAT(errors[0].msg, HasSubstr(depth_limit));
}

// The innermost container is empty: it is a level of nesting all the same.
TEST(BadInput, NestingOneBeyondTheLimitInAnExtension_IsAnError) {
  const std::string json = std::string(info_prefix) + nested_arrays(max_nesting_depth) + "}";
  const auto errors = errors_of<Info>(json);
  EXPECT_TRUE(
      is_single_error(errors, "json_invalid", {}, 1, info_prefix.size() + max_nesting_depth));
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_THAT(errors[0].msg, HasSubstr(depth_limit));
}

TEST(BadInput, EmptyObjectOneBeyondTheLimit_IsAnError) {
  const std::string json =
      std::string(max_nesting_depth, '[') + "{}" + std::string(max_nesting_depth, ']');
  const auto errors = errors_of<Info>(json);
  EXPECT_TRUE(is_single_error(errors, "json_invalid", {}, 1, max_nesting_depth + 1));
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_THAT(errors[0].msg, HasSubstr(depth_limit));
}

// Nothing, or not a value.

TEST(BadInput, EmptyInput_IsJsonInvalidAtTheStart) {
  const auto errors = errors_of<Info>("");
  EXPECT_TRUE(is_single_error(errors, "json_invalid", {}, 1, 1));
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_THAT(errors[0].msg, HasSubstr("empty"));
}

TEST(BadInput, WhitespaceOnlyInput_IsJsonInvalidAtTheEnd) {
  const auto errors = errors_of<Info>("  \n\t ");
  EXPECT_TRUE(is_single_error(errors, "json_invalid", {}, 2, 3));
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_THAT(errors[0].msg, HasSubstr("empty"));
}

TEST(BadInput, TrailingCommaInAnObject_IsJsonInvalidAtTheComma) {
  const auto errors = errors_of<Info>("{\"title\": \"a\",\n \"version\": \"1\",\n}");
  EXPECT_TRUE(is_single_error(errors, "json_invalid", {}, 2, 16));
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_THAT(errors[0].msg, AllOf(HasSubstr("trailing comma"), HasSubstr("'}'")));
}

TEST(BadInput, TrailingCommaInAnArray_IsJsonInvalidAtTheComma) {
  const auto errors =
      errors_of<Info>("{\"title\": \"a\", \"version\": \"1\",\n \"x-list\": [1, 2,]}");
  EXPECT_TRUE(is_single_error(errors, "json_invalid", {}, 2, 17));
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_THAT(errors[0].msg, AllOf(HasSubstr("trailing comma"), HasSubstr("']'")));
}

TEST(BadInput, TopLevelArrayForAModel_IsModelTypeAtTheRoot) {
  const auto errors = errors_of<Info>(R"(  [{"title": "a", "version": "1"}])");
  EXPECT_TRUE(is_single_error(errors, "model_type", {}, 1, 3));
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_THAT(errors[0].msg, HasSubstr("array"));
}

TEST(BadInput, TruncatedInsideAKey_IsJsonInvalidAtTheOpenString) {
  const auto errors = errors_of<Info>(R"({"title": "a", "vers)");
  EXPECT_TRUE(is_single_error(errors, "json_invalid", {}, 1, 16));
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_THAT(errors[0].msg, HasSubstr("unterminated string"));
}

TEST(BadInput, TruncatedAfterAMember_IsJsonInvalidAtTheEnd) {
  const std::string json = "{\"title\": \"a\",\n \"version\": \"1\"";
  const auto errors = errors_of<Info>(json);
  EXPECT_TRUE(is_single_error(errors, "json_invalid", {}, 2, 16));
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0].position->offset, json.size());
}

TEST(BadInput, TruncatedInsideAnExtensionArray_IsJsonInvalidAtTheEnd) {
  const std::string json = R"({"title": "a", "version": "1", "x-a": [1, )";
  const auto errors = errors_of<Info>(json);
  EXPECT_TRUE(is_single_error(errors, "json_invalid", {}, 1, json.size() + 1));
}

// Numbers.

TEST(BadInput, NumberTooLargeForADouble_IsJsonInvalidAtTheNumber) {
  const auto errors =
      errors_of<Info>("{\"title\": \"a\", \"version\": \"1\",\n  \"x-big\": 1e400}");
  EXPECT_TRUE(is_single_error(errors, "json_invalid", {}, 2, 12));
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_THAT(errors[0].msg, HasSubstr("too large"));
}

TEST(BadInput, NumberTooLargeForADoubleInASchemaKeyword_IsJsonInvalidAtTheNumber) {
  const auto errors = errors_of<Schema>("{\"type\": \"integer\",\n\"maximum\": -1e400}");
  EXPECT_TRUE(is_single_error(errors, "json_invalid", {}, 2, 12));
}

TEST(BadInput, IntegerBeyond64Bits_IsAcceptedAsADouble) {
  auto info =
      parse<Info>(R"({"title": "a", "version": "1", "x-min": -9223372036854776000, "x-n": 2})");
  ASSERT_TRUE(info) << describe(info.errors());
  const auto* min = info->extra.if_contains("x-min");
  ASSERT_NE(min, nullptr);
  ASSERT_TRUE(min->is_double()) << boost::json::value(*min);
  EXPECT_EQ(min->as_double(), -9223372036854775808.0);
  // Other integers in the same document stay integers.
  ASSERT_NE(info->extra.if_contains("x-n"), nullptr);
  EXPECT_TRUE(info->extra.at("x-n").is_int64());
}

TEST(BadInput, IntegerBeyond64BitsInASchemaKeyword_IsAcceptedAsADouble) {
  auto schema = parse<Schema>(R"({"type": "integer", "minimum": -9223372036854776000})");
  ASSERT_TRUE(schema) << describe(schema.errors());
  ASSERT_TRUE(schema->minimum.has_value());
  EXPECT_FALSE(schema->minimum->is_integer());
  EXPECT_EQ(schema->minimum->to_double(), -9223372036854775808.0);
}

TEST(BadInput, ErrorAfterAnIntegerBeyond64Bits_IsPositionedInTheOriginalText) {
  // The big integer is read again as a double; positions still refer to the text as written.
  const auto errors =
      errors_of<Info>("{\"x-a\": 99999999999999999999999,\n \"title\": 1, \"version\": \"1\"}");
  EXPECT_TRUE(is_single_error(errors, "string_type", loc("title"), 2, 11));
}

TEST(BadInput, IntegerBeyond64Bits_IsFoundAtEveryAlignment) {
  // Long digit runs are looked for one byte in 19: shifting the literal by one byte at a time
  // puts each of its digits on a looked-at byte once.
  for (std::size_t shift = 0; shift < 20; ++shift) {
    const std::string text = std::string(shift, ' ') + R"({"x-big": 18446744073709551616})";
    auto info = parse<Info>(text);
    ASSERT_FALSE(info);  // title and version are missing, but the number was read
    EXPECT_EQ(info.errors().size(), 2U) << "shift " << shift << describe(info.errors());
  }
}

// Found by fuzz/json_diff_fuzz.cpp (tests/data/fuzz/json-long-decimal-literals.json), where
// Boost.JSON 1.81 is the one that differs: a literal longer than a double holds becomes the
// nearest double (as strtod and Python give it), not one a few units off.
TEST(BadInput, LongNumberLiterals_AreTheNearestDoubles) {
  auto value = parse<Any>(
      "[18446744073709551616, -922337203685477518446744073709551616809, "
      "1.5e-400, 0.1000000000000000055511151231257827021181583404541015625]");
  ASSERT_TRUE(value) << describe(value.errors());
  const auto& items = value->as_array();
  ASSERT_EQ(items.size(), 4U);
  EXPECT_EQ(items[0].as_double(), std::strtod("18446744073709551616", nullptr));
  EXPECT_EQ(items[1].as_double(), std::strtod("-922337203685477518446744073709551616809", nullptr));
  EXPECT_EQ(items[1].as_double(), -9.223372036854776e38);
  EXPECT_EQ(items[2].as_double(), 0.0);
  EXPECT_EQ(items[3].as_double(), 0.1);
  // tests/data/fuzz/json-zero-with-large-exponent.json: Boost.JSON 1.81 reads it as NaN.
  // tests/data/fuzz/json-exponent-beyond-64-bits.json: Boost.JSON 1.81 refuses the exponent.
  auto zeros = parse<Any>("[0e400, -0E999, 0.0e-999, 11e-40018446744073709551616]");
  ASSERT_TRUE(zeros) << describe(zeros.errors());
  EXPECT_EQ(zeros->as_array()[0].as_double(), 0.0);
  EXPECT_TRUE(std::signbit(zeros->as_array()[1].as_double()));
  EXPECT_EQ(zeros->as_array()[2].as_double(), 0.0);
  EXPECT_EQ(zeros->as_array()[3].as_double(), 0.0);
}

TEST(BadInput, LongDigitRunsThatAreNoBigIntegers_StayAsWritten) {
  // 19 and 20 digits within the 64-bit ranges, and a digit run inside a string.
  auto info = parse<Info>(R"({"title": "1234567890123456789012345", "version": "1",
      "x-max": 9223372036854775807, "x-umax": 18446744073709551615, "x-min": -9223372036854775808})");
  ASSERT_TRUE(info) << describe(info.errors());
  EXPECT_EQ(info->title, "1234567890123456789012345");
  EXPECT_TRUE(info->extra.at("x-max").is_int64());
  EXPECT_TRUE(info->extra.at("x-umax").is_uint64());
  EXPECT_EQ(info->extra.at("x-min").as_int64(), std::numeric_limits<std::int64_t>::min());
}

TEST(BadInput, TextEndingAtAnUnreadablePage_IsReadWithoutTouchingIt) {
  // The text is parsed in place only when simdjson's look-ahead stays on its last page; here
  // the next page is unreadable, so a wrong guess would crash.
  const auto page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
  void* pages = mmap(nullptr, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  ASSERT_NE(pages, MAP_FAILED);
  char* first = static_cast<char*>(pages);
  ASSERT_EQ(mprotect(first + page, page, PROT_NONE), 0);
  const std::string_view json = R"({"title": "at the edge", "version": "1"})";
  for (std::size_t gap : {std::size_t{0}, std::size_t{1}, std::size_t{63}, std::size_t{64}}) {
    char* at = first + page - gap - json.size();
    std::memcpy(at, json.data(), json.size());
    auto info = parse<Info>(std::string_view(at, json.size()));
    ASSERT_TRUE(info) << describe(info.errors());
    EXPECT_EQ(info->title, "at the edge");
  }
  munmap(pages, 2 * page);
}

}  // namespace
}  // namespace oaskit
