// The device flow's QR code: libqrencode's modules, drawn as half blocks with a quiet zone.

#include "qr_code.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace oaskit::cli {
namespace {

constexpr std::string_view uri = "https://auth.example.com/device?user_code=WDJB-MJHT";

// Reads the text terminal_qr_code drew back into rows of modules (quiet zone included): each
// character is two modules, one above the other.
std::vector<std::vector<bool>> read_back(const std::string& drawn) {
  std::vector<std::vector<bool>> rows;
  std::size_t at = 0;
  while (at < drawn.size()) {
    const std::size_t end = drawn.find('\n', at);
    std::string line = drawn.substr(at, end - at);
    at = end + 1;
    EXPECT_TRUE(line.starts_with("\x1b[30;47m"))
        << "black on white, whatever the terminal's colours";
    EXPECT_TRUE(line.ends_with("\x1b[0m"));
    line = line.substr(8, line.size() - 8 - 4);
    std::vector<bool> top;
    std::vector<bool> bottom;
    for (std::size_t i = 0; i < line.size();) {
      if (line[i] == ' ') {
        top.push_back(false);
        bottom.push_back(false);
        ++i;
        continue;
      }
      const std::string block = line.substr(i, 3);
      EXPECT_TRUE(block == "\u2588" || block == "\u2580" || block == "\u2584") << block;
      top.push_back(block != "\u2584");
      bottom.push_back(block != "\u2580");
      i += 3;
    }
    rows.push_back(top);
    rows.push_back(bottom);
  }
  return rows;
}

// A finder pattern's 7x7 modules at (row, column): a dark ring, a light ring, a dark 3x3 core.
bool is_finder_at(const QrModules& modules, std::size_t row, std::size_t column) {
  for (std::size_t y = 0; y < 7; ++y) {
    for (std::size_t x = 0; x < 7; ++x) {
      const std::size_t ring = std::min(std::min(y, x), std::min(6 - y, 6 - x));
      if (modules.dark[row + y][column + x] != (ring != 1)) return false;
    }
  }
  return true;
}

TEST(QrCode, EncodesTheUriAsAQrCodeWithItsThreeFinderPatterns) {
  const auto modules = encode_qr(uri);
  ASSERT_TRUE(modules);
  const std::size_t width = modules->dark.size();
  // Version k is 17 + 4k modules wide; 51 bytes at level L fit version 3 (53 bytes at most).
  EXPECT_EQ(width, 29U);
  for (const auto& row : modules->dark) ASSERT_EQ(row.size(), width);
  EXPECT_TRUE(is_finder_at(*modules, 0, 0));
  EXPECT_TRUE(is_finder_at(*modules, 0, width - 7));
  EXPECT_TRUE(is_finder_at(*modules, width - 7, 0));
  EXPECT_FALSE(is_finder_at(*modules, width - 7, width - 7));
  // What it encodes shows: another code, other modules.
  EXPECT_NE(encode_qr("https://auth.example.com/device?user_code=WDJB-MJHX")->dark, modules->dark);
}

TEST(QrCode, ALongerUriTakesALargerVersion_AndOneTooLongForAnyIsNothing) {
  EXPECT_GT(encode_qr(std::string(uri) + std::string(200, 'x'))->dark.size(),
            encode_qr(uri)->dark.size());
  // Version 40 at level L holds 2953 bytes.
  EXPECT_TRUE(encode_qr(std::string(2953, 'a')));
  EXPECT_FALSE(encode_qr(std::string(2954, 'a')));
}

TEST(QrCode, DrawnAsHalfBlocks_TwoRowsALine_WithAQuietZoneOfFourModules) {
  const auto modules = encode_qr(uri);
  ASSERT_TRUE(modules);
  const std::size_t width = modules->dark.size();
  const auto rows = read_back(terminal_qr_code(*modules));
  // 29 modules and 8 of quiet zone: 37 rows, drawn as 19 lines (the last half is light).
  ASSERT_EQ(rows.size(), 38U);
  for (std::size_t y = 0; y < rows.size(); ++y) {
    ASSERT_EQ(rows[y].size(), width + 8) << y;
    for (std::size_t x = 0; x < width + 8; ++x) {
      const bool inside = y >= 4 && y < width + 4 && x >= 4 && x < width + 4;
      EXPECT_EQ(rows[y][x], inside && modules->dark[y - 4][x - 4]) << y << "," << x;
    }
  }
}

}  // namespace
}  // namespace oaskit::cli
