// write_json writes what to_json returns, to a file, a block at a time: across block
// boundaries, with a string longer than a block, and reporting a file that refuses writes.

#include <gtest/gtest.h>

#include <cstdio>
#include <memory>
#include <string>

#include "oaskit/json.hpp"
#include "oaskit/model_by_name.hpp"
#include "oaskit/models.hpp"

namespace oaskit {
namespace {

using File = std::unique_ptr<std::FILE, decltype(&std::fclose)>;

std::string written_by(const auto& model, WriteOptions options) {
  File file(std::tmpfile(), &std::fclose);
  EXPECT_TRUE(write_json(model, file.get(), options));
  std::string text(static_cast<std::size_t>(std::ftell(file.get())), '\0');
  std::rewind(file.get());
  EXPECT_EQ(std::fread(text.data(), 1, text.size(), file.get()), text.size());
  return text;
}

OpenAPI large_document() {
  OpenAPI api{.openapi = "3.1.0", .info = {.title = "Large", .version = "1"}};
  Map<SchemaOrBool> schemas;
  for (int i = 0; i < 3000; ++i) {
    schemas.append_unchecked(
        "Schema" + std::to_string(i),
        Schema{.type = SchemaType::string, .description = "Number " + std::to_string(i)});
  }
  // One string longer than a block, escaped on the way.
  schemas.append_unchecked("Long",
                           Schema{.description = std::string(std::size_t{200} * 1024, '"')});
  api.components = Components{.schemas = std::move(schemas)};
  return api;
}

TEST(WriteJson, WritesWhatToJsonReturns_AcrossBlocks) {
  const OpenAPI api = large_document();
  for (const bool indent : {false, true}) {
    const std::string expected = to_json(api, {.indent = indent});
    ASSERT_GT(expected.size(), std::size_t{3} * 64 * 1024);
    EXPECT_EQ(written_by(api, {.indent = indent}), expected);
  }
}

TEST(WriteJson, AFileThatRefusesWrites_IsReported) {
  File full(std::fopen("/dev/full", "w"), &std::fclose);
  ASSERT_NE(full, nullptr);
  std::setvbuf(full.get(), nullptr, _IONBF, 0);
  EXPECT_FALSE(write_json(large_document(), full.get()));
}

TEST(WriteJson, ParseAsToAFile_WritesTheModelOrReturnsItsErrors) {
  File file(std::tmpfile(), &std::fclose);
  const auto written = parse_as("Info", R"({"version": "1", "title": "t"})", file.get());
  ASSERT_TRUE(written && *written);
  EXPECT_TRUE(**written);
  EXPECT_EQ(std::ftell(file.get()), long{sizeof(R"({"title":"t","version":"1"})") - 1});
  const auto refused = parse_as("Info", R"({"version": 1})", file.get());
  ASSERT_TRUE(refused);
  EXPECT_FALSE(*refused);
  EXPECT_FALSE(parse_as("NoSuchModel", "{}", file.get()));
}

}  // namespace
}  // namespace oaskit
