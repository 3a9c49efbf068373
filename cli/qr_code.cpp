#include "qr_code.hpp"

#include <qrencode.h>

#include <memory>

namespace oaskit::cli {
namespace {

// ISO/IEC 18004 §6.3.8: four light modules around the symbol.
constexpr int quiet_zone = 4;
constexpr std::string_view black_on_white = "\x1b[30;47m";
constexpr std::string_view reset = "\x1b[0m";

}  // namespace

std::optional<QrModules> encode_qr(std::string_view text) {
  const std::string terminated(text);
  // Byte mode and case kept: a URI's path and code are case-sensitive.
  const std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
      QRcode_encodeString(terminated.c_str(), 0, QR_ECLEVEL_L, QR_MODE_8, 1), &QRcode_free);
  if (!code) return std::nullopt;
  QrModules modules;
  const auto width = static_cast<std::size_t>(code->width);
  modules.dark.assign(width, std::vector<bool>(width));
  for (std::size_t y = 0; y < width; ++y) {
    for (std::size_t x = 0; x < width; ++x) {
      // Bit 0 of each byte is the module's colour (qrencode.h: 1 is dark).
      modules.dark[y][x] = (code->data[y * width + x] & 1U) != 0;
    }
  }
  return modules;
}

std::string terminal_qr_code(const QrModules& modules) {
  const int width = static_cast<int>(modules.dark.size());
  const auto dark = [&](int y, int x) {
    return y >= 0 && y < width && x >= 0 && x < width &&
           modules.dark[static_cast<std::size_t>(y)][static_cast<std::size_t>(x)];
  };
  std::string out;
  for (int y = -quiet_zone; y < width + quiet_zone; y += 2) {
    out += black_on_white;
    for (int x = -quiet_zone; x < width + quiet_zone; ++x) {
      const bool top = dark(y, x);
      const bool bottom = dark(y + 1, x);  // light below the last row
      out += top ? (bottom ? "\u2588" : "\u2580") : (bottom ? "\u2584" : " ");
    }
    out += reset;
    out += '\n';
  }
  return out;
}

}  // namespace oaskit::cli
