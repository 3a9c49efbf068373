#pragma once
// A QR code drawn with text, for a terminal: the device flow's verification URI, which a
// phone's camera opens (RFC 8628 §3.3.1).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oaskit::cli {

/// The modules of a QR code: `dark[y][x]`, square, without its quiet zone.
struct QrModules {
  std::vector<std::vector<bool>> dark;
};

/// `text` encoded as a QR code (byte mode, error correction level L, the smallest version
/// that holds it), by libqrencode; nothing when it is too long for one.
[[nodiscard]] std::optional<QrModules> encode_qr(std::string_view text);

/// `modules` as lines of text: two rows of modules per line with the half-block characters
/// (U+2580, U+2584, U+2588), black on white through ANSI colours so that it scans whatever
/// the terminal's own colours, with the quiet zone of four modules a reader needs.
[[nodiscard]] std::string terminal_qr_code(const QrModules& modules);

}  // namespace oaskit::cli
