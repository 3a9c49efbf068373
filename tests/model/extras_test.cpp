// Unknown members (x- extensions and anything else) are kept in input order and written after
// the declared fields; an explicit null is absent for declared optional fields but a value in
// any-valued data; numbers in any-valued data round-trip exactly.

#include <gtest/gtest.h>

#include <boost/json/value.hpp>
#include <cmath>
#include <cstdint>
#include <variant>

#include "oaskit/json.hpp"
#include "oaskit/models.hpp"
#include "support/test_support.hpp"

namespace oaskit {
namespace {

using test::parsed;

// The keys of `extra` in order.
std::vector<std::string> keys_of(const Extra& extra) {
  std::vector<std::string> keys;
  for (const auto& member : extra) keys.emplace_back(member.key());
  return keys;
}

TEST(Extras, Info_UnknownMembersAreKeptInOrderAndWrittenAfterDeclaredFields) {
  const auto info =
      parsed<Info>(R"({"x-b": 1, "title": "T", "zzz": true, "version": "1", "x-a": [1, "two"]})");
  EXPECT_EQ(keys_of(info.extra), (std::vector<std::string>{"x-b", "zzz", "x-a"}));
  EXPECT_EQ(to_json(info), R"({"title":"T","version":"1","x-b":1,"zzz":true,"x-a":[1,"two"]})");
}

TEST(Extras, Reference_KeepsSummaryDescriptionAndUnknownMembers) {
  const auto ref = parsed<Reference>(
      R"({"x-z": {"deep": [null]}, "$ref": "#/components/schemas/Pet", "summary": "s",)"
      R"( "other": "o", "description": "d"})");
  EXPECT_EQ(ref.ref, "#/components/schemas/Pet");
  EXPECT_EQ(ref.summary, "s");
  EXPECT_EQ(ref.description, "d");
  EXPECT_EQ(keys_of(ref.extra), (std::vector<std::string>{"x-z", "other"}));
  EXPECT_EQ(to_json(ref), R"({"$ref":"#/components/schemas/Pet","summary":"s","description":"d",)"
                          R"("x-z":{"deep":[null]},"other":"o"})");
}

TEST(Extras, Discriminator_KeepsUnknownMembersAfterDeclaredFields) {
  const auto d = parsed<Discriminator>(
      R"({"x-extension": "e", "mapping": {"dog": "#/Dog"}, "propertyName": "kind", "y": 2})");
  EXPECT_EQ(keys_of(d.extra), (std::vector<std::string>{"x-extension", "y"}));
  EXPECT_EQ(to_json(d),
            R"({"propertyName":"kind","mapping":{"dog":"#/Dog"},"x-extension":"e","y":2})");
}

TEST(Extras, Schema_UnknownKeywordsAreKeptAndWrittenAfterDeclaredOnes) {
  const auto schema =
      parsed<Schema>(R"({"x-nullable": true, "type": "string", "nullable": true, "format": "x"})");
  EXPECT_EQ(keys_of(schema.extra), (std::vector<std::string>{"x-nullable", "nullable"}));
  EXPECT_EQ(to_json(schema), R"({"type":"string","format":"x","x-nullable":true,"nullable":true})");
}

TEST(Extras, SecuritySchemesAndFlows_KeepUnknownMembers) {
  const auto scheme =
      parsed<SecurityScheme>(R"({"x-a": 1, "type": "oauth2", "flows": {"x-f": "f", "password":)"
                             R"( {"tokenUrl": "/t", "x-p": null}}})");
  ASSERT_TRUE(std::holds_alternative<OAuth2>(scheme));
  const auto& oauth = std::get<OAuth2>(scheme);
  EXPECT_EQ(keys_of(oauth.extra), (std::vector<std::string>{"x-a"}));
  EXPECT_EQ(keys_of(oauth.flows.extra), (std::vector<std::string>{"x-f"}));
  ASSERT_TRUE(oauth.flows.password.has_value());
  EXPECT_EQ(keys_of(oauth.flows.password->extra), (std::vector<std::string>{"x-p"}));
  EXPECT_EQ(to_json(scheme), R"({"type":"oauth2","flows":{"password":{"tokenUrl":"/t","scopes":{},)"
                             R"("x-p":null},"x-f":"f"},"x-a":1})");
}

TEST(Extras, ModelsBuiltInCpp_WriteTheirExtraAfterDeclaredFields) {
  Contact contact{.name = "Ann"};
  contact.extra["x-team"] = "pets";
  contact.extra["x-on-call"] = true;
  EXPECT_EQ(to_json(contact), R"({"name":"Ann","x-team":"pets","x-on-call":true})");
}

TEST(Extras, ExplicitNullForOptionalDeclaredField_IsAcceptedAndNotWritten) {
  const auto flow =
      parsed<OAuthFlowClientCredentials>(R"({"tokenUrl": "/t", "refreshUrl": null, "scopes": {}})");
  EXPECT_FALSE(flow.refreshUrl.has_value());
  EXPECT_TRUE(flow.extra.empty());
  EXPECT_EQ(to_json(flow), R"({"tokenUrl":"/t","scopes":{}})");
}

TEST(Extras, ExplicitNullForOptionalModelsAndLists_IsAcceptedAndNotWritten) {
  const auto info = parsed<Info>(
      R"({"title": "T", "summary": null, "contact": null, "license": null, "version": "1"})");
  EXPECT_FALSE(info.summary.has_value());
  EXPECT_FALSE(info.contact.has_value());
  EXPECT_FALSE(info.license.has_value());
  EXPECT_EQ(to_json(info), R"({"title":"T","version":"1"})");

  const auto schema = parsed<Schema>(
      R"({"not": null, "items": null, "discriminator": null, "required": null, "maxLength": null})");
  EXPECT_EQ(schema, Schema{});
  EXPECT_EQ(to_json(schema), "{}");
}

TEST(Extras, NullExampleValues_AreKeptAndWritten) {
  const auto example = parsed<Example>(R"({"value":null})");
  ASSERT_TRUE(example.value.has_value());
  EXPECT_TRUE(example.value->is_null());
  EXPECT_EQ(to_json(example), R"({"value":null})");

  const auto param = parsed<Parameter>(R"({"name":"q","in":"query","example":null})");
  ASSERT_TRUE(param.example.has_value());
  EXPECT_EQ(to_json(param), R"({"name":"q","in":"query","example":null})");

  const auto media = parsed<MediaType>(R"({"example":null})");
  ASSERT_TRUE(media.example.has_value());
  EXPECT_EQ(to_json(media), R"({"example":null})");
}

TEST(Extras, NullInsideLinkParametersAndRequestBody_IsKept) {
  constexpr auto json = R"({"operationId":"get","parameters":{"id":null},"requestBody":null})";
  const auto link = parsed<Link>(json);
  ASSERT_TRUE(link.requestBody.has_value());
  EXPECT_TRUE(link.requestBody->is_null());
  EXPECT_EQ(to_json(link), json);
}

TEST(Extras, HugeUnsignedIntegerInAnyValuedData_RoundTripsExactly) {
  constexpr auto json = R"({"enum":[12345678901234567890],"const":12345678901234567890,)"
                        R"("default":12345678901234567890,"x-big":12345678901234567890})";
  const auto schema = parsed<Schema>(json);
  ASSERT_TRUE(schema.const_.has_value());
  ASSERT_TRUE(schema.const_->is_uint64());
  EXPECT_EQ(schema.const_->get_uint64(), 12345678901234567890ULL);
  EXPECT_EQ(to_json(schema), json);
}

TEST(Extras, NegativeZeroInAnyValuedData_RoundTripsAsNegativeZero) {
  constexpr auto json = R"({"const":-0.0,"default":-0.0,"examples":[-0.0],"x-zero":-0.0})";
  const auto schema = parsed<Schema>(json);
  ASSERT_TRUE(schema.const_.has_value());
  ASSERT_TRUE(schema.const_->is_double());
  EXPECT_EQ(schema.const_->get_double(), 0.0);
  EXPECT_TRUE(std::signbit(schema.const_->get_double()));
  EXPECT_EQ(to_json(schema), json);
}

TEST(Extras, IntegersAndFractionsInAnyValuedData_KeepTheirKind) {
  const auto example = parsed<Example>(R"({"value":[1,1.0,-9223372036854775808,0.1,1e300]})");
  ASSERT_TRUE(example.value.has_value());
  const auto& items = example.value->as_array();
  EXPECT_TRUE(items[0].is_int64());
  EXPECT_TRUE(items[1].is_double());
  EXPECT_EQ(items[2].as_int64(), INT64_MIN);
  EXPECT_EQ(parsed<Example>(to_json(example)), example);
}

TEST(Extras, ExtensionValues_KeepTheirStructureAndOrder) {
  constexpr auto json = R"({"name":"pets","x-z":{"b":[1,{"c":null}],"a":"s"},"x-a":false})";
  const auto tag = parsed<Tag>(json);
  EXPECT_EQ(keys_of(tag.extra), (std::vector<std::string>{"x-z", "x-a"}));
  EXPECT_EQ(to_json(tag), json);
}

}  // namespace
}  // namespace oaskit
