#include "security/object_summary.hpp"

#include <algorithm>
#include <boost/json/basic_parser_impl.hpp>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <functional>
#include <limits>
#include <utility>

#include "util/strict_json.hpp"

namespace oaskit::security::detail {

namespace json = boost::json;
using Kind = SummaryMember::Kind;

// Events from Boost.JSON's parser. Keeps every member name (to find repeats, at any depth) and,
// for top-level members only, their values and the string items of their arrays.
class SummaryReader : public oaskit::detail::StrictHandlerLimits {
 public:
  void start(ObjectSummary& out, std::string_view text) {
    out_ = &out;
    text_ = text;
    // Unescaping never lengthens a string, and names and strings are disjoint parts of the
    // text: its size is enough.
    capacity_ = std::max<std::size_t>(text.size(), 1);
    out.storage_.bytes.reset();
    out.storage_.used = 0;
    // Typical headers and claims have fewer members: one allocation for the list.
    out.members_.reserve(16);
    containers_.clear();
    names_.clear();
    name_hashes_.clear();
    object_starts_.clear();
    piece_start_ = none;
    root_is_object_ = false;
  }

  [[nodiscard]] bool root_is_object() const { return root_is_object_; }

  static bool on_document_begin(json::error_code& /*ec*/) { return true; }
  static bool on_document_end(json::error_code& /*ec*/) { return true; }
  bool on_object_begin(json::error_code& /*ec*/) {
    note_value(Kind::object);
    containers_.push_back(true);
    object_starts_.push_back(names_.size());
    return true;
  }
  bool on_object_end(std::size_t /*members*/, json::error_code& ec) {
    const std::size_t start = object_starts_.back();
    object_starts_.pop_back();
    if (repeats_a_name(start)) {
      ec = json::error::syntax;  // parse_strict_json words it
      return false;
    }
    names_.resize(start);
    name_hashes_.resize(start);
    containers_.pop_back();
    return true;
  }
  bool on_array_begin(json::error_code& /*ec*/) {
    note_value(Kind::array);
    containers_.push_back(false);
    return true;
  }
  bool on_array_end(std::size_t /*items*/, json::error_code& /*ec*/) {
    containers_.pop_back();
    return true;
  }
  bool on_key_part(json::string_view part, std::size_t /*size*/, json::error_code& ec) {
    return append(part, ec);
  }
  bool on_key(json::string_view last, std::size_t /*size*/, json::error_code& ec) {
    if (!finish_piece(last, ec)) return false;
    names_.push_back(piece_);
    name_hashes_.push_back(name_hash(names_.back()));
    if (containers_.size() == 1) {
      SummaryMember member;
      member.name = names_.back();
      member.name_hash = name_hashes_.back();
      out_->members_.push_back(member);
    }
    return true;
  }
  bool on_string_part(json::string_view part, std::size_t /*size*/, json::error_code& ec) {
    return !keeps_strings() || append(part, ec);
  }
  bool on_string(json::string_view last, std::size_t /*size*/, json::error_code& ec) {
    if (!keeps_strings()) {
      note_value(Kind::string);
      return true;
    }
    if (!finish_piece(last, ec)) return false;
    note_value(Kind::string, piece_);
    return true;
  }
  static bool on_number_part(json::string_view /*part*/, json::error_code& /*ec*/) { return true; }
  bool on_int64(std::int64_t number, json::string_view /*text*/, json::error_code& /*ec*/) {
    note_value(Kind::number, {}, static_cast<double>(number));
    return true;
  }
  bool on_uint64(std::uint64_t number, json::string_view /*text*/, json::error_code& /*ec*/) {
    note_value(Kind::number, {}, static_cast<double>(number));
    return true;
  }
  bool on_double(double number, json::string_view /*text*/, json::error_code& ec) {
    if (!std::isfinite(number)) {  // as parse_strict_json
      ec = json::error::exponent_overflow;
      return false;
    }
    note_value(Kind::number, {}, number);
    return true;
  }
  bool on_bool(bool /*flag*/, json::error_code& /*ec*/) {
    note_value(Kind::boolean);
    return true;
  }
  bool on_null(json::error_code& /*ec*/) {
    note_value(Kind::null);
    return true;
  }
  // Comments are refused by the options; these are never called.
  static bool on_comment_part(json::string_view /*part*/, json::error_code& /*ec*/) { return true; }
  static bool on_comment(json::string_view /*text*/, json::error_code& /*ec*/) { return true; }

 private:
  static constexpr std::size_t none = static_cast<std::size_t>(-1);
  // Objects with more names than this are checked by sorting rather than pairwise.
  static constexpr std::size_t pairwise_limit = 16;

  // Top-level members' strings, and the strings in their arrays.
  [[nodiscard]] bool keeps_strings() const {
    return root_is_object_ &&
           (containers_.size() == 1 || (containers_.size() == 2 && !containers_[1]));
  }

  // Called as each value starts (containers) or ends (the rest), before entering it.
  void note_value(Kind kind, std::string_view text = {}, double number = 0) {
    const std::size_t depth = containers_.size();
    if (depth == 0) {
      root_is_object_ = kind == Kind::object;
      return;
    }
    if (!root_is_object_) return;
    SummaryMember& member = out_->members_.back();
    if (depth == 1) {
      member.kind = kind;
      member.text = text;
      member.number = number;
      member.first_item = static_cast<std::uint32_t>(out_->items_.size());
    } else if (depth == 2 && !containers_[1]) {
      if (kind == Kind::string) {
        out_->items_.push_back(text);
        ++member.item_count;
      } else {
        member.only_strings = false;
      }
    }
  }

  bool append(std::string_view part, json::error_code& ec) {
    auto& storage = out_->storage_;
    if (!storage.bytes) storage.bytes = std::make_unique_for_overwrite<char[]>(capacity_);
    if (part.size() > capacity_ - storage.used) {  // cannot happen (see start); never overrun
      ec = json::error::exception;
      return false;
    }
    if (piece_start_ == none) piece_start_ = storage.used;
    std::memcpy(storage.bytes.get() + storage.used, part.data(), part.size());
    storage.used += part.size();
    return true;
  }

  // Sets piece_ to the whole name or string that ends with `last`: a view of the text itself
  // when the parser hands it over in one piece from there (no escapes), else a copy.
  bool finish_piece(std::string_view last, json::error_code& ec) {
    const std::less_equal<> not_after;
    if (piece_start_ == none && not_after(text_.data(), last.data()) &&
        not_after(last.data() + last.size(), text_.data() + text_.size())) {
      piece_ = last;
      return true;
    }
    if (!append(last, ec)) return false;
    const auto& storage = out_->storage_;
    piece_ = std::string_view(storage.bytes.get() + piece_start_, storage.used - piece_start_);
    piece_start_ = none;
    return true;
  }

  [[nodiscard]] bool repeats_a_name(std::size_t start) {
    const std::size_t end = names_.size();
    if (end - start <= pairwise_limit) {
      for (std::size_t i = start; i < end; ++i) {
        for (std::size_t j = i + 1; j < end; ++j) {
          if (name_hashes_[i] == name_hashes_[j] && names_[i] == names_[j]) return true;
        }
      }
      return false;
    }
    const auto first = names_.begin() + static_cast<std::ptrdiff_t>(start);
    sorted_.assign(first, names_.end());
    std::sort(sorted_.begin(), sorted_.end());
    return std::adjacent_find(sorted_.begin(), sorted_.end()) != sorted_.end();
  }

  ObjectSummary* out_ = nullptr;
  std::string_view text_;
  std::string_view piece_;
  std::size_t capacity_ = 0;
  std::vector<bool> containers_;            // open containers, outermost first: true for objects
  std::vector<std::string_view> names_;     // the names of the open objects' members so far
  std::vector<std::uint64_t> name_hashes_;  // name_hash(names_[i])
  std::vector<std::size_t> object_starts_;
  std::vector<std::string_view> sorted_;
  std::size_t piece_start_ = none;
  bool root_is_object_ = false;
};

Result<ObjectSummary, SummaryError> ObjectSummary::read(std::string_view json) {
  // One parser per thread keeps its buffers between tokens.
  thread_local json::basic_parser<SummaryReader> parser(oaskit::detail::strict_parse_options());
  // Item positions are 32-bit; a token is far smaller than this anyway.
  if (json.size() >= std::numeric_limits<std::uint32_t>::max()) {
    return SummaryError{"Invalid JSON: the text is too large"};
  }
  ObjectSummary summary;
  parser.reset();
  parser.handler().start(summary, json);
  json::error_code ec;
  const std::size_t used = parser.write_some(false, json.data(), json.size(), ec);
  if (!ec && used != json.size()) ec = json::error::extra_data;
  if (ec) {
    std::string reason;
    if (oaskit::detail::parse_strict_json(json, &reason) || reason.empty()) {
      reason = "Invalid JSON: " + ec.message();
    }
    return SummaryError{std::move(reason)};
  }
  if (!parser.handler().root_is_object()) return SummaryError{};
  return summary;
}

const SummaryMember* ObjectSummary::find(std::string_view name) const {
  const std::uint64_t hash = name_hash(name);
  const auto it = std::find_if(members_.begin(), members_.end(), [&](const SummaryMember& member) {
    return member.name_hash == hash && member.name == name;
  });
  return it == members_.end() ? nullptr : &*it;
}

const std::string_view* ObjectSummary::string(std::string_view name) const {
  const auto* member = find(name);
  return member != nullptr && member->kind == Kind::string ? &member->text : nullptr;
}

std::span<const std::string_view> ObjectSummary::items_of(const SummaryMember& member) const {
  if (member.kind != Kind::array) return {};
  return {items_.data() + member.first_item, member.item_count};
}

}  // namespace oaskit::security::detail
