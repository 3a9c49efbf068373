// The verified-token cache: hits, misses, expiry, its bound and least-recently-used eviction,
// and how JwtVerifier uses it (only successes, never past exp + leeway).

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "oaskit/security/jwt_verifier.hpp"
#include "security/jwt_test_support.hpp"
#include "security/token_cache.hpp"

namespace oaskit::security {
namespace {

using detail::sha256;
using detail::TokenCache;
using test::good_claims;
using test::mint_rs256;
using test::test_now;

std::shared_ptr<const VerifyResult> identity_of(std::string subject) {
  Identity identity;
  identity.subject = std::move(subject);
  return std::make_shared<const VerifyResult>(std::move(identity));
}

TEST(Sha256, KnownAnswer) {
  const auto digest = sha256("abc");  // FIPS 180-2, appendix B.1
  EXPECT_EQ(digest[0], 0xba);
  EXPECT_EQ(digest[1], 0x78);
  EXPECT_EQ(digest[31], 0xad);
}

TEST(TokenCache, StoredIdentity_IsFoundBeforeItsDeadline) {
  TokenCache cache(8);
  cache.insert(sha256("a"), identity_of("alice"), 100, 0);
  const auto hit = cache.find(sha256("a"), 99.5);
  ASSERT_NE(hit, nullptr);
  EXPECT_EQ(hit->value().subject, "alice");
}

TEST(TokenCache, UnknownToken_IsAMiss) {
  TokenCache cache(8);
  cache.insert(sha256("a"), identity_of("alice"), 100, 0);
  EXPECT_EQ(cache.find(sha256("b"), 0), nullptr);
}

TEST(TokenCache, AtOrAfterTheDeadline_IsAMiss) {
  TokenCache cache(8);
  cache.insert(sha256("a"), identity_of("alice"), 100, 0);
  EXPECT_EQ(cache.find(sha256("a"), 100), nullptr);
  EXPECT_EQ(cache.find(sha256("a"), 1000), nullptr);
}

TEST(TokenCache, WhenFull_ExpiredEntriesGoFirst) {
  TokenCache cache(3);
  cache.insert(sha256("old"), identity_of("old"), 10, 0);
  cache.insert(sha256("a"), identity_of("a"), 100, 0);
  cache.insert(sha256("b"), identity_of("b"), 100, 0);
  cache.insert(sha256("c"), identity_of("c"), 100, 20);  // "old" expired at 10
  EXPECT_EQ(cache.size(), 3u);
  EXPECT_NE(cache.find(sha256("a"), 20), nullptr);
  EXPECT_NE(cache.find(sha256("b"), 20), nullptr);
  EXPECT_NE(cache.find(sha256("c"), 20), nullptr);
}

TEST(TokenCache, WhenFull_TheLeastRecentlyUsedGoes) {
  TokenCache cache(2);
  cache.insert(sha256("a"), identity_of("a"), 100, 0);
  cache.insert(sha256("b"), identity_of("b"), 100, 0);
  ASSERT_NE(cache.find(sha256("a"), 1), nullptr);  // "b" is now the least recently used
  cache.insert(sha256("c"), identity_of("c"), 100, 1);
  EXPECT_EQ(cache.size(), 2u);
  EXPECT_NE(cache.find(sha256("a"), 1), nullptr);
  EXPECT_EQ(cache.find(sha256("b"), 1), nullptr);
  EXPECT_NE(cache.find(sha256("c"), 1), nullptr);
}

TEST(TokenCache, NeverHoldsMoreThanItsCapacity) {
  for (const std::size_t capacity : {1u, 5u, 1024u, 5000u}) {
    TokenCache cache(capacity);
    for (int i = 0; i < 6000; ++i) {
      cache.insert(sha256(std::to_string(i)), identity_of("x"), 100, 0);
    }
    EXPECT_LE(cache.size(), capacity);
    EXPECT_GE(cache.size(), capacity / 2) << capacity;
  }
}

TEST(TokenCache, InsertingTheSameTokenAgain_ReplacesIt) {
  TokenCache cache(4);
  cache.insert(sha256("a"), identity_of("first"), 100, 0);
  cache.insert(sha256("a"), identity_of("second"), 200, 0);
  EXPECT_EQ(cache.size(), 1u);
  EXPECT_EQ(cache.find(sha256("a"), 150)->value().subject, "second");
}

TEST(TokenCache, ConcurrentUse_IsSafe) {
  TokenCache cache(64);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&cache, t] {
      for (int i = 0; i < 2000; ++i) {
        const auto digest = sha256(std::to_string((i * 7 + t) % 100));
        if (cache.find(digest, 0) == nullptr) cache.insert(digest, identity_of("x"), 100, 0);
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_LE(cache.size(), 64u);
}

JwtVerifierOptions cached_options(std::int64_t* now) {
  auto options = test::test_options();
  options.cache_capacity = 16;
  options.clock = [now] { return test::test_time(*now); };
  return options;
}

TEST(JwtVerifierCache, RepeatedToken_GivesTheSameIdentity) {
  std::int64_t now = test_now;
  const JwtVerifier verifier(cached_options(&now));
  const auto token = mint_rs256();
  const auto first = verifier.verify(token);
  const auto second = verifier.verify(token);
  ASSERT_TRUE(first && second);
  EXPECT_EQ(second->subject, first->subject);
  EXPECT_EQ(second->claims, first->claims);
  EXPECT_EQ(second->header, first->header);
  EXPECT_EQ(second->scopes, first->scopes);
  EXPECT_EQ(second->expires_at, first->expires_at);
  // The point of the cache is to skip the work: a hit hands out the claims the first check
  // made, not a copy of them.
  EXPECT_EQ(&second->claims.get(), &first->claims.get());
  EXPECT_EQ(&second->header.get(), &first->header.get());
}

TEST(JwtVerifierCache, CachedToken_IsRefusedOnceExpPlusLeewayHasPassed) {
  std::int64_t now = test_now;
  const JwtVerifier verifier(cached_options(&now));
  const auto token = mint_rs256();
  ASSERT_TRUE(verifier.verify(token));
  now = test_now + 3600 + 59;
  EXPECT_TRUE(verifier.verify(token));
  now = test_now + 3600 + 60;
  const auto result = verifier.verify(token);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.errors().check, TokenCheck::exp);
}

TEST(JwtVerifierCache, RefusedTokens_AreNotCached) {
  std::int64_t now = test_now;
  const JwtVerifier verifier(cached_options(&now));
  auto claims = good_claims();
  claims["nbf"] = test_now + 600;
  const auto token = mint_rs256(claims);
  ASSERT_FALSE(verifier.verify(token));
  now = test_now + 600;
  EXPECT_TRUE(verifier.verify(token));
  // A tampered copy of a cached token is a different key, checked in full.
  auto tampered = token;
  tampered.back() = tampered.back() == 'A' ? 'Q' : 'A';
  const auto result = verifier.verify(tampered);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.errors().check, TokenCheck::signature);
}

TEST(JwtVerifierCache, ManyDistinctTokens_AllVerify) {
  std::int64_t now = test_now;
  auto options = cached_options(&now);
  options.cache_capacity = 4;
  const JwtVerifier verifier(options);
  for (int round = 0; round < 2; ++round) {
    for (int i = 0; i < 10; ++i) {
      auto claims = good_claims();
      claims["sub"] = "user-" + std::to_string(i);
      const auto result = verifier.verify(mint_rs256(claims));
      ASSERT_TRUE(result) << result.errors().message;
      EXPECT_EQ(result->subject, "user-" + std::to_string(i));
    }
  }
}

}  // namespace
}  // namespace oaskit::security
