#pragma once
// Appends JSON tokens to a string, or passes them on to a file a block at a time; compact or
// indented by 2 spaces.

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

#include "oaskit/any.hpp"

namespace oaskit::detail {

class JsonWriter {
 public:
  explicit JsonWriter(bool indent) : indent_(indent) {}
  /// Writes to `sink` whenever a block is full, and at finish().
  JsonWriter(bool indent, std::FILE* sink) : sink_(sink), indent_(indent) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  void key(std::string_view name);

  void string(std::string_view s);
  void boolean(bool b) {
    before_value();
    put(b ? std::string_view("true") : std::string_view("false"));
  }
  void null() {
    before_value();
    put("null");
  }
  void number(std::int64_t i);
  void number(std::uint64_t u);
  /// Shortest text that reads back as the same double, always with a '.' or an exponent so
  /// it stays a double (-0.0 stays -0.0).
  void number(double d);
  void any(const Any& v);

  std::string take() {
    out_.resize(size_);
    size_ = 0;
    return std::move(out_);
  }

  /// With a sink: writes what is left to it; false when any write to it failed.
  bool finish() {
    flush();
    return sink_ok_;
  }

 private:
  void open(char bracket);
  void close(char bracket);
  void before_value();
  void new_line();
  void escaped(std::string_view s);

  // Room for `n` more bytes at the end, which the caller fills and counts in size_. Writing
  // through a pointer into the buffer is much cheaper than many appends. std::string grows its
  // capacity geometrically; the size grows by what is needed plus a step, so that only memory
  // about to be written is touched (a larger resize would fill, and so commit, pages that are
  // never written: up to the whole size of the output again).
  // With a sink, the buffer stays one block long (unless one token is longer) and is emptied
  // into the sink when full.
  char* room(std::size_t n) {
    if (size_ + n > out_.size()) grow(n);
    return out_.data() + size_;
  }
  void grow(std::size_t n);
  void flush();
  static constexpr std::size_t kStep = 4096;
  static constexpr std::size_t kSinkBlock = std::size_t{64} * 1024;
  void put(char c) {
    *room(1) = c;
    ++size_;
  }
  void put(std::string_view s) {
    std::memcpy(room(s.size()), s.data(), s.size());
    size_ += s.size();
  }

  std::string out_;  // out_[0, size_) is written; the rest is room
  std::size_t size_ = 0;
  std::FILE* sink_ = nullptr;
  bool sink_ok_ = true;
  bool indent_;
  bool after_key_ = false;
  bool first_ = true;  // nothing written yet in the innermost container
  int depth_ = 0;
};

}  // namespace oaskit::detail
