// read_file and read_all: a whole file in one piece, whatever its size or kind, and an error a
// person can act on when it cannot be read.

#include <gtest/gtest.h>

#include <unistd.h>

#include <string>
#include <thread>

#include "support/temp_tree.hpp"
#include "util/file.hpp"

namespace oaskit::detail {
namespace {

TEST(ReadFile, ReadsTheWholeFile_EmptyOrLarge) {
  test::TempTree tree;
  std::string large(3'000'001, 'x');
  large.back() = 'y';
  const auto read = read_file(tree.write("large.json", large));
  ASSERT_TRUE(read);
  EXPECT_EQ(*read, large);
  const auto empty = read_file(tree.write("empty.json", ""));
  ASSERT_TRUE(empty);
  EXPECT_EQ(*empty, "");
}

TEST(ReadFile, SaysWhyAFileCannotBeRead) {
  test::TempTree tree;
  const auto missing = read_file(tree.root() / "missing.json");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.errors().message, "No such file or directory");
  const auto folder = read_file(tree.root());
  ASSERT_FALSE(folder);
  EXPECT_EQ(folder.errors().message, "it is a directory");
}

TEST(ReadAll, ReadsAPipeToItsEnd) {
  int ends[2];
  ASSERT_EQ(::pipe(ends), 0);
  const std::string text(200'000, 'p');  // more than a pipe holds: written as it is read
  std::thread writer([&] {
    std::size_t done = 0;
    while (done < text.size()) {
      const auto wrote = ::write(ends[1], text.data() + done, text.size() - done);
      if (wrote <= 0) break;
      done += static_cast<std::size_t>(wrote);
    }
    ::close(ends[1]);
  });
  const auto read = read_all(ends[0]);
  writer.join();
  ::close(ends[0]);
  ASSERT_TRUE(read);
  EXPECT_EQ(*read, text);
}

}  // namespace
}  // namespace oaskit::detail
