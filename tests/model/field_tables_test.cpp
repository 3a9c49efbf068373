// What the field tables declare besides reading and writing, and checks on the tables
// themselves: every model's table names every member but `extra`, and no JSON name twice (at
// compile time: Boost.PFR counts an aggregate's members); the HTTP methods of a Path Item are
// its fields of type Box<Operation>, and operations() is a view over them.

#include <gtest/gtest.h>

#include <boost/pfr/core.hpp>

#include <array>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "oaskit/models.hpp"

namespace oaskit {
namespace {

// Every member is in the table, but `extra` (the unknown members, kept).
template <class M>
constexpr bool table_covers_every_member() {
  return std::tuple_size_v<decltype(M::fields())> + 1 == boost::pfr::tuple_size_v<M>;
}

template <class M>
constexpr bool names_are_distinct() {
  constexpr auto names = std::apply(
      [](const auto&... f) { return std::array<std::string_view, sizeof...(f)>{f.name...}; },
      M::fields());
  for (std::size_t i = 0; i < names.size(); ++i) {
    for (std::size_t j = i + 1; j < names.size(); ++j) {
      if (names[i] == names[j]) return false;
    }
  }
  return true;
}

template <class... Models>
constexpr bool every_table_is_whole() {
  return (... && (table_covers_every_member<Models>() && names_are_distinct<Models>()));
}

static_assert(every_table_is_whole<
              Components, ExternalDocumentation, Contact, License, Info, OpenAPI, Example,
              ParameterBase, Parameter, Header, Encoding, MediaType, RequestBody, Link, Response,
              Operation, PathItem, Reference, Discriminator, XML, Schema, SecurityBase, APIKey,
              HTTPBase, HTTPBearer, MutualTLS, OAuthFlow, OAuthFlowImplicit, OAuthFlowPassword,
              OAuthFlowClientCredentials, OAuthFlowAuthorizationCode, OAuthFlows, OAuth2,
              OpenIdConnect, ServerVariable, Server, Tag>());

// The checks fail for tables that are not whole.
struct TwoMembers {
  std::string a{};
  std::string b{};
  Extra extra{};
  template <class Self = TwoMembers>
  static constexpr auto fields() {
    return std::tuple{field("a", &Self::a)};
  }
};
struct Repeated {
  std::string a{};
  std::string b{};
  Extra extra{};
  template <class Self = Repeated>
  static constexpr auto fields() {
    return std::tuple{field("a", &Self::a), field("a", &Self::b)};
  }
};
static_assert(!table_covers_every_member<TwoMembers>());
static_assert(table_covers_every_member<Repeated>() && !names_are_distinct<Repeated>());

TEST(PathItemMethods, AreTheOperationFieldsInTheSpecificationsOrder) {
  std::vector<std::string> names;
  for (const auto& method : PathItem::method_fields()) names.emplace_back(method.name);
  EXPECT_EQ(names, (std::vector<std::string>{"get", "put", "post", "delete", "options", "head",
                                             "patch", "trace"}));
  EXPECT_EQ(PathItem::method_fields()[3].member, &PathItem::delete_);
}

TEST(PathItemOperations, ListsTheDeclaredOnesInOrderAndSkipsTheOthers) {
  PathItem item{.get = Operation{.operationId = "list"},
                .delete_ = Operation{.operationId = "remove"},
                .trace = Operation{.operationId = "trace"}};
  std::vector<std::pair<std::string, std::string>> seen;
  for (const auto& [method, operation] : item.operations()) {
    seen.emplace_back(method, operation.operationId.value_or(""));
  }
  EXPECT_EQ(seen, (std::vector<std::pair<std::string, std::string>>{
                      {"get", "list"}, {"delete", "remove"}, {"trace", "trace"}}));
}

TEST(PathItemOperations, IsEmptyForAnItemWithoutOperations) {
  const PathItem item{.summary = "nothing here"};
  EXPECT_EQ(item.operations().begin(), item.operations().end());
  const PathItem last_only{.trace = Operation{}};
  auto it = last_only.operations().begin();
  ASSERT_NE(it, last_only.operations().end());
  EXPECT_EQ((*it).method, "trace");
  EXPECT_EQ(++it, last_only.operations().end());
}

}  // namespace
}  // namespace oaskit
