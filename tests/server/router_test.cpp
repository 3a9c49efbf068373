// Routing by path templates (OpenAPI 3.1 §4.8.2): literal segments win over templated ones.

#include "server/router.hpp"

#include <gtest/gtest.h>

namespace oaskit::server::detail {
namespace {

std::optional<std::size_t> route_of(const Router& router, std::string_view path) {
  auto found = router.match(path);
  if (const auto* match = std::get_if<Router::Match>(&found)) return match->route;
  return std::nullopt;
}

TEST(Router, ALiteralSegment_WinsOverATemplatedOne_WhateverTheOrderAdded) {
  Router router;
  ASSERT_FALSE(router.add("/pets/{petId}", 0));
  ASSERT_FALSE(router.add("/pets/mine", 1));
  EXPECT_EQ(route_of(router, "/pets/mine"), 1U);
  EXPECT_EQ(route_of(router, "/pets/7"), 0U);
}

TEST(Router, PrecedenceIsDecidedFromTheLeft_AndBacktracksWhenTheLiteralBranchDoesNotMatch) {
  Router router;
  ASSERT_FALSE(router.add("/a/{x}/c", 0));
  ASSERT_FALSE(router.add("/{y}/b/d", 1));
  ASSERT_FALSE(router.add("/a/b/{z}", 2));
  EXPECT_EQ(route_of(router, "/a/b/c"), 2U);  // a literal, then b literal
  EXPECT_EQ(route_of(router, "/a/q/c"), 0U);
  EXPECT_EQ(route_of(router, "/x/b/d"), 1U);
  EXPECT_EQ(route_of(router, "/a/b/d"), 2U);
  EXPECT_FALSE(route_of(router, "/x/b/c"));
}

TEST(Router, ParametersAreDecoded_AndAnEncodedSlashStaysInItsSegment) {
  Router router;
  ASSERT_FALSE(router.add("/files/{name}", 0));
  auto found = router.match("/files/a%2Fb%20c");
  ASSERT_TRUE(std::holds_alternative<Router::Match>(found));
  const auto& match = std::get<Router::Match>(found);
  ASSERT_EQ(match.parameters.size(), 1U);
  EXPECT_EQ(match.parameters[0].first, "name");
  EXPECT_EQ(match.parameters[0].second, "a/b c");
  EXPECT_FALSE(route_of(router, "/files/a/b"));
}

TEST(Router, MixedSegments_SplitAtTheirLiterals_AndRankBetweenLiteralsAndParameters) {
  Router router;
  ASSERT_FALSE(router.add("/report.{format}", 0));
  ASSERT_FALSE(router.add("/{page}", 1));
  ASSERT_FALSE(router.add("/report.json", 2));
  ASSERT_FALSE(router.add("/files/{name}.{ext}", 3));
  EXPECT_EQ(route_of(router, "/report.json"), 2U);
  EXPECT_EQ(route_of(router, "/report.csv"), 0U);
  EXPECT_EQ(route_of(router, "/about"), 1U);
  auto found = router.match("/files/archive.tar.gz");
  ASSERT_TRUE(std::holds_alternative<Router::Match>(found));
  const auto& match = std::get<Router::Match>(found);
  EXPECT_EQ(match.parameters[0].second, "archive");
  EXPECT_EQ(match.parameters[1].second, "tar.gz");
}

TEST(Router, AnEmptySegmentNeverMatchesAParameter_AndTrailingSlashesCount) {
  Router router;
  ASSERT_FALSE(router.add("/pets/{petId}", 0));
  ASSERT_FALSE(router.add("/", 1));
  EXPECT_FALSE(route_of(router, "/pets/"));
  EXPECT_FALSE(route_of(router, "/pets/1/"));
  EXPECT_EQ(route_of(router, "/"), 1U);
}

TEST(Router, BadEscapes_AreReportedApartFromUnknownPaths) {
  Router router;
  ASSERT_FALSE(router.add("/pets/{petId}", 0));
  auto found = router.match("/pets/%zz");
  ASSERT_TRUE(std::holds_alternative<Router::Failure>(found));
  EXPECT_EQ(std::get<Router::Failure>(found), Router::Failure::bad_encoding);
  EXPECT_EQ(std::get<Router::Failure>(router.match("/dogs")), Router::Failure::not_found);
}

TEST(Router, MalformedAndDuplicateTemplates_AreErrorsThatSayWhy) {
  Router router;
  EXPECT_NE(router.add("pets", 0).value_or(""), "");
  EXPECT_NE(router.add("/pets/{id", 0).value_or("").find("'{'"), std::string::npos);
  EXPECT_NE(router.add("/pets/{}", 0).value_or(""), "");
  EXPECT_NE(router.add("/{a}{b}", 0).value_or("").find("nothing between"), std::string::npos);
  EXPECT_NE(router.add("/{a}/{a}", 0).value_or("").find("twice"), std::string::npos);
  ASSERT_FALSE(router.add("/pets/{petId}", 0));
  EXPECT_NE(router.add("/pets/{id}", 1).value_or("").find("/pets/{petId}"), std::string::npos);
}

}  // namespace
}  // namespace oaskit::server::detail
