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

#include "json/model_list.hpp"
#include "oaskit/error.hpp"
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

// Every model oaskit reads and writes (the list parse<T> is instantiated for), so that a new
// model is checked without being named here; the SecurityScheme union has no table.
template <class M>
constexpr bool table_is_whole() {
  if constexpr (Model<M>) {
    return table_covers_every_member<M>() && names_are_distinct<M>();
  } else {
    return true;
  }
}
#define OASKIT_CHECK_TABLE(M) static_assert(table_is_whole<M>(), #M "'s field table is not whole");
OASKIT_FOR_EACH_MODEL(OASKIT_CHECK_TABLE)
#undef OASKIT_CHECK_TABLE

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
                                             "patch", "trace", "query"}));
  EXPECT_EQ(PathItem::method_fields()[3].member, &PathItem::delete_);
}

TEST(PathItemOperations, ListsTheDeclaredOnesInOrderAndSkipsTheOthers) {
  PathItem item{.get = Operation{.operationId = "list"},
                .delete_ = Operation{.operationId = "remove"},
                .trace = Operation{.operationId = "trace"}};
  std::vector<std::pair<std::string, std::string>> seen;
  for (const auto& [method, operation, additional] : item.operations()) {
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

TEST(PathItemOperations, AddsAdditionalOperationsAfterTheFieldsWithTheirLocation) {
  const PathItem item{
      .get = Operation{.operationId = "read"},
      .query = Operation{.operationId = "search"},
      .additionalOperations = Map<Operation>{{"COPY", Operation{.operationId = "copy"}},
                                             {"PURGE", Operation{.operationId = "purge"}}}};
  std::vector<std::pair<std::string, std::string>> seen;
  std::vector<Path> locations;
  for (const auto& declared : item.operations()) {
    seen.emplace_back(declared.method, declared.operation.operationId.value_or(""));
    Path location{"paths", "/a"};
    declared.append_location(location);
    locations.push_back(location);
  }
  EXPECT_EQ(seen, (std::vector<std::pair<std::string, std::string>>{
                      {"get", "read"}, {"query", "search"}, {"COPY", "copy"}, {"PURGE", "purge"}}));
  EXPECT_EQ(locations[1], (Path{"paths", "/a", "query"}));
  EXPECT_EQ(locations[2], (Path{"paths", "/a", "additionalOperations", "COPY"}));
}

TEST(PathItemOperations, OperationForMatchesFieldsInAnyCaseAndAdditionalOnesExactly) {
  const PathItem item{
      .get = Operation{.operationId = "read"},
      .additionalOperations = Map<Operation>{{"COPY", Operation{.operationId = "copy"}}}};
  ASSERT_NE(item.operation_for("GET"), nullptr);
  EXPECT_EQ(item.operation_for("get")->operationId, "read");
  EXPECT_EQ(item.operation_for("POST"), nullptr);
  ASSERT_NE(item.operation_for("COPY"), nullptr);
  EXPECT_EQ(item.operation_for("COPY")->operationId, "copy");
  EXPECT_EQ(item.operation_for("copy"), nullptr);
}

}  // namespace
}  // namespace oaskit
