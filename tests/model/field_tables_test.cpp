// What the field tables declare besides reading and writing: the HTTP methods of a Path Item
// (declared once, as its fields of type Box<Operation>) and the operations() view over them.

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "oaskit/models.hpp"

namespace oaskit {
namespace {

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
