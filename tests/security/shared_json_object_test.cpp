// SharedJsonObject: the header and claims of a verified token, shared by every copy.

#include "oaskit/security/shared_json_object.hpp"

#include "security/shared_json_object_access.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <stdexcept>
#include <thread>
#include <vector>

namespace oaskit::security {
namespace {

namespace json = boost::json;

TEST(SharedJsonObject, DefaultIsAnEmptyObject) {
  const SharedJsonObject object;
  EXPECT_TRUE(object.empty());
  EXPECT_EQ(object.size(), 0U);
  EXPECT_EQ(object.begin(), object.end());
  EXPECT_EQ(object, json::object{});
}

TEST(SharedJsonObject, CopiesShareOneObject) {
  const SharedJsonObject original(json::object{{"sub", "alice"}, {"scope", "a b"}});
  const SharedJsonObject copy = original;  // NOLINT(performance-unnecessary-copy-initialization)
  EXPECT_EQ(&copy.get(), &original.get());
  EXPECT_EQ(copy, original);
}

TEST(SharedJsonObject, ReadsLikeTheObject) {
  const SharedJsonObject claims(json::object{{"sub", "alice"}, {"exp", 1800000000}});
  EXPECT_EQ(claims.at("sub"), "alice");
  EXPECT_THROW((void)claims.at("nope"), std::out_of_range);
  ASSERT_NE(claims.if_contains("exp"), nullptr);
  EXPECT_EQ(*claims.if_contains("exp"), 1800000000);
  EXPECT_EQ(claims.if_contains("nope"), nullptr);
  EXPECT_TRUE(claims.contains("sub"));
  EXPECT_EQ(claims->size(), 2U);
  EXPECT_EQ((*claims).at("sub"), "alice");
  const json::object& plain = claims;
  EXPECT_EQ(plain.size(), 2U);
  std::size_t members = 0;
  for (const auto& member : claims) members += member.key().empty() ? 0 : 1;
  EXPECT_EQ(members, 2U);
}

TEST(SharedJsonObject, ComparesByMembers) {
  const SharedJsonObject a(json::object{{"x", 1}});
  const SharedJsonObject b(json::object{{"x", 1}});
  const SharedJsonObject c(json::object{{"x", 2}});
  EXPECT_EQ(a, b);
  EXPECT_FALSE(a == c);
  EXPECT_EQ(a, (json::object{{"x", 1}}));
}

TEST(SharedJsonObject, PrintsAsJson) {
  std::ostringstream out;
  out << SharedJsonObject(json::object{{"sub", "alice"}});
  EXPECT_EQ(out.str(), R"({"sub":"alice"})");
}

// Many requests copy and drop the same cached claims at once.
TEST(SharedJsonObject, ConcurrentCopies_AreSafe) {
  const SharedJsonObject claims(json::object{{"sub", "alice"}, {"aud", json::array{"a", "b"}}});
  std::vector<std::thread> threads;
  threads.reserve(4);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&claims] {
      for (int i = 0; i < 10000; ++i) {
        const SharedJsonObject copy =
            claims;  // NOLINT(performance-unnecessary-copy-initialization)
        ASSERT_EQ(copy.at("sub"), "alice");
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(claims.size(), 2U);
}

// The verifier hands out objects built from the token's text on first read: threads that read
// first at the same time all get the one object.
TEST(SharedJsonObject, FromCheckedText_IsBuiltOnceOnFirstRead) {
  for (int round = 0; round < 20; ++round) {
    const auto claims =
        SharedJsonObjectAccess::from_checked_text(R"({"sub":"alice","aud":["a","b"],"n":1.5})");
    const SharedJsonObject copy = claims;  // NOLINT(performance-unnecessary-copy-initialization)
    std::vector<const json::object*> seen(4, nullptr);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < seen.size(); ++t) {
      threads.emplace_back([&, t] { seen[t] = &(t % 2 == 0 ? claims : copy).get(); });
    }
    for (auto& thread : threads) thread.join();
    for (const auto* object : seen) EXPECT_EQ(object, &claims.get());
    EXPECT_EQ(claims.at("sub"), "alice");
    EXPECT_EQ(claims.at("aud").as_array().size(), 2U);
    EXPECT_EQ(claims, (json::object{{"sub", "alice"}, {"aud", json::array{"a", "b"}}, {"n", 1.5}}));
  }
}

}  // namespace
}  // namespace oaskit::security
