#include "http/cache_control.hpp"

#include <gtest/gtest.h>

namespace oaskit::detail {
namespace {

using std::chrono::seconds;
using TimePoint = std::chrono::system_clock::time_point;

// 1994-11-06T08:49:37Z, the RFC 9110 example date.
const TimePoint kExampleDate{seconds(784'111'777)};

HttpResponse with_headers(std::vector<std::pair<std::string, std::string>> headers) {
  return HttpResponse{.status = 200, .headers = std::move(headers), .body = {}};
}

std::optional<seconds> lifetime(std::vector<std::pair<std::string, std::string>> headers) {
  return freshness_lifetime(with_headers(std::move(headers)), kExampleDate);
}

TEST(ParseHttpDate, ReadsAllThreeFormsOfTheSameInstant) {
  EXPECT_EQ(parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"), kExampleDate);
  EXPECT_EQ(parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT"), kExampleDate);
  EXPECT_EQ(parse_http_date("Sun Nov  6 08:49:37 1994"), kExampleDate);
}

TEST(ParseHttpDate, RefusesMalformedDates) {
  EXPECT_FALSE(parse_http_date(""));
  EXPECT_FALSE(parse_http_date("0"));
  EXPECT_FALSE(parse_http_date("-1"));
  EXPECT_FALSE(parse_http_date("Sun, 06 Nov 1994 08:49:37"));      // no GMT
  EXPECT_FALSE(parse_http_date("Sun, 06 nov 1994 08:49:37 GMT"));  // months are case-sensitive
  EXPECT_FALSE(parse_http_date("Sun, 30 Feb 1994 08:49:37 GMT"));
  EXPECT_FALSE(parse_http_date("Sun, 06 Nov 1994 24:00:00 GMT"));
  EXPECT_FALSE(parse_http_date("Sun, 06 Nov 94 08:49:37 GMT"));  // IMF-fixdate has 4 digits
  EXPECT_FALSE(parse_http_date("Sun, 06 Nov 1994 8:49:37 GMT"));
  EXPECT_FALSE(parse_http_date("Sun, +6 Nov 1994 08:49:37 GMT"));
}

TEST(FreshnessLifetime, NothingSaid_IsNullopt) {
  EXPECT_FALSE(lifetime({}));
  EXPECT_FALSE(lifetime({{"Cache-Control", "public"}}));
  EXPECT_FALSE(lifetime({{"Date", "Sun, 06 Nov 1994 08:49:37 GMT"}}));
}

TEST(FreshnessLifetime, MaxAgeIsReadWhateverItsCaseAndNeighbours) {
  EXPECT_EQ(lifetime({{"Cache-Control", "max-age=600"}}), seconds(600));
  EXPECT_EQ(lifetime({{"cache-control", "public, MAX-AGE=600, must-revalidate"}}), seconds(600));
  EXPECT_EQ(lifetime({{"Cache-Control", "max-age=\"120\""}}), seconds(120));
  EXPECT_EQ(lifetime({{"Cache-Control", " max-age = 60 "}}), seconds(60));
  EXPECT_EQ(lifetime({{"Cache-Control", "private=\"a, max-age=5\", max-age=70"}}), seconds(70));
}

TEST(FreshnessLifetime, FirstMaxAgeWins_AcrossSeveralHeaders) {
  EXPECT_EQ(lifetime({{"Cache-Control", "max-age=10, max-age=20"}}), seconds(10));
  EXPECT_EQ(lifetime({{"Cache-Control", "public"}, {"Cache-Control", "max-age=30"}}), seconds(30));
}

TEST(FreshnessLifetime, NoStoreOrNoCache_IsZero) {
  EXPECT_EQ(lifetime({{"Cache-Control", "no-store, max-age=600"}}), seconds(0));
  EXPECT_EQ(lifetime({{"Cache-Control", "max-age=600"}, {"Cache-Control", "No-Cache"}}),
            seconds(0));
  EXPECT_EQ(lifetime({{"Cache-Control", "no-cache=\"set-cookie\", max-age=600"}}), seconds(0));
}

TEST(FreshnessLifetime, InvalidMaxAge_IsZero) {
  EXPECT_EQ(lifetime({{"Cache-Control", "max-age=abc"}}), seconds(0));
  EXPECT_EQ(lifetime({{"Cache-Control", "max-age=-1"}}), seconds(0));
  EXPECT_EQ(lifetime({{"Cache-Control", "max-age=1.5"}}), seconds(0));
  EXPECT_EQ(lifetime({{"Cache-Control", "max-age"}}), seconds(0));
  EXPECT_EQ(lifetime({{"Cache-Control", "max-age=\"12"}}), seconds(0));  // unterminated quote
}

TEST(FreshnessLifetime, HugeMaxAge_IsCappedAtTwoToTheThirtyFirst) {
  EXPECT_EQ(lifetime({{"Cache-Control", "max-age=99999999999999999999999"}}),
            seconds(2'147'483'648));
}

TEST(FreshnessLifetime, ExpiresMinusDate_WhenThereIsNoMaxAge) {
  EXPECT_EQ(lifetime({{"Date", "Sun, 06 Nov 1994 08:49:37 GMT"},
                      {"Expires", "Sun, 06 Nov 1994 09:49:37 GMT"}}),
            seconds(3600));
  // Without Date, from when the response was received.
  EXPECT_EQ(lifetime({{"Expires", "Sun, 06 Nov 1994 08:50:37 GMT"}}), seconds(60));
  // max-age wins over Expires.
  EXPECT_EQ(
      lifetime({{"Expires", "Sun, 06 Nov 1994 09:49:37 GMT"}, {"Cache-Control", "max-age=5"}}),
      seconds(5));
}

TEST(FreshnessLifetime, InvalidOrPastExpires_IsZero) {
  EXPECT_EQ(lifetime({{"Expires", "0"}}), seconds(0));
  EXPECT_EQ(lifetime({{"Date", "Sun, 06 Nov 1994 08:49:37 GMT"},
                      {"Expires", "Sat, 05 Nov 1994 08:49:37 GMT"}}),
            seconds(0));
  // An unreadable Date: from when the response was received.
  EXPECT_EQ(lifetime({{"Date", "yesterday"}, {"Expires", "Sun, 06 Nov 1994 08:49:47 GMT"}}),
            seconds(10));
}

// Found by fuzz/headers_fuzz.cpp (tests/data/fuzz/http-date-year-0025.txt): a valid HTTP-date
// in year 25 or 9999 overflowed system_clock's nanoseconds (undefined behaviour). Dates are
// clamped to 1970..2200 (util/time.hpp).
TEST(ParseHttpDate, YearsOutsideWhatTheClockHolds_AreClampedTo1970And2200) {
  const TimePoint epoch{};
  const TimePoint year_2200{seconds(7'258'118'400)};
  EXPECT_EQ(parse_http_date("Mon, 10 Dec 0025 01:00:00 GMT"), epoch);
  EXPECT_EQ(parse_http_date("Fri, 31 Dec 9999 23:59:59 GMT"), year_2200);
  EXPECT_EQ(parse_http_date("Thu, 01 Jan 2150 00:00:00 GMT"), TimePoint{seconds(5'680'281'600)});
  // As a response's Expires: the far past is stale, the far future fresh, never negative.
  EXPECT_EQ(lifetime({{"Expires", "Mon, 10 Dec 0025 01:00:00 GMT"}}), seconds(0));
  const auto long_lived = lifetime({{"Expires", "Fri, 31 Dec 9999 23:59:59 GMT"}});
  ASSERT_TRUE(long_lived);
  EXPECT_EQ(*long_lived, seconds(7'258'118'400 - 784'111'777));
}

}  // namespace
}  // namespace oaskit::detail
