#pragma once
// Appends JSON tokens to a string, compact or indented by 2 spaces.

#include <cstdint>
#include <string>
#include <string_view>

#include "oaskit/any.hpp"

namespace oaskit::detail {

class JsonWriter {
 public:
  explicit JsonWriter(bool indent) : indent_(indent) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  void key(std::string_view name);

  void string(std::string_view s);
  void boolean(bool b) {
    before_value();
    out_ += b ? "true" : "false";
  }
  void null() {
    before_value();
    out_ += "null";
  }
  void number(std::int64_t i);
  void number(std::uint64_t u);
  /// Shortest text that reads back as the same double, always with a '.' or an exponent so
  /// it stays a double (-0.0 stays -0.0).
  void number(double d);
  void any(const Any& v);

  std::string take() { return std::move(out_); }

 private:
  void open(char bracket);
  void close(char bracket);
  void before_value();
  void new_line();
  void escaped(std::string_view s);

  std::string out_;
  bool indent_;
  bool after_key_ = false;
  bool first_ = true;  // nothing written yet in the innermost container
  int depth_ = 0;
};

}  // namespace oaskit::detail
