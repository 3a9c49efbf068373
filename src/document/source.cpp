// Source: a file's text, its JSON value, and positions; read_source picks JSON or YAML.

#include <string>
#include <utility>

#include "json/json_positions.hpp"
#include "json_pointer.hpp"
#include "oaskit/document.hpp"
#include "oaskit/json.hpp"
#include "source_positions.hpp"
#include "util/ascii.hpp"
#include "yaml/read_yaml.hpp"

namespace oaskit {

Source::Source(std::string name, std::string uri, SourceFormat format, std::string text,
               boost::json::value value)
    : name_(std::move(name)),
      uri_(std::move(uri)),
      format_(format),
      text_(std::move(text)),
      value_(std::move(value)) {}

Source::~Source() = default;

void Source::set_yaml_positions(std::unique_ptr<YamlPositions> positions) {
  yaml_ = std::move(positions);
}

std::optional<TextPosition> Source::position_of(const Path& loc) const {
  // A JSON text is indexed on the first question (YAML's positions come with the reading).
  std::call_once(json_indexed_, [this] {
    if (yaml_ || format_ != SourceFormat::json) return;
    yaml_ = std::make_unique<YamlPositions>();
    yaml_->positions = detail::index_json_positions(text_);
  });
  if (!yaml_) return std::nullopt;
  std::string pointer = to_json_pointer(loc);
  while (true) {
    const auto found = yaml_->positions.find(pointer);
    if (found != yaml_->positions.end()) return found->second;
    if (pointer.empty()) return std::nullopt;
    pointer.resize(pointer.rfind('/'));
  }
}

const boost::json::value* Source::find(const Path& loc) const {
  return detail::find_at(value_, loc);
}

bool Source::is_unquoted_yaml_scalar(const Path& loc) const {
  return yaml_ && yaml_->unquoted_non_strings.contains(to_json_pointer(loc));
}

std::string Source::quoting_hint(const Path& loc) const {
  if (!is_unquoted_yaml_scalar(loc)) return {};
  std::string written;
  if (auto at = position_of(loc)) {
    written = std::string(text_.substr(at->offset));
    written.resize(std::min(written.find_first_of("\r\n"), written.size()));
    if (auto comment = written.find(" #"); comment != std::string::npos) written.resize(comment);
    while (!written.empty() && (written.back() == ' ' || written.back() == '\t')) {
      written.pop_back();
    }
  }
  if (written.empty()) {
    return "; YAML reads this unquoted value as a number, boolean or null: put it in quotes to "
           "make it a string";
  }
  return "; YAML reads the unquoted '" + written +
         "' as a number, boolean or null: put it in quotes (\"" + written +
         "\") to make it a string";
}

std::string_view Source::line_text(std::size_t line) const {
  // Where each line starts, found on the first question: a report shows hundreds of lines.
  std::call_once(lines_indexed_, [this] {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < text_.size(); ++i) {
      if (text_[i] == '\r' && i + 1 < text_.size() && text_[i + 1] == '\n') ++i;
      if (text_[i] == '\n' || text_[i] == '\r') line_starts_.push_back(i + 1);
    }
  });
  if (line == 0 || line > line_starts_.size()) return {};
  const std::string_view rest = std::string_view(text_).substr(line_starts_[line - 1]);
  return rest.substr(0, rest.find_first_of("\r\n"));
}

namespace {

Diagnostics to_diagnostics(const std::string& name, const Errors& errors) {
  Diagnostics out;
  out.reserve(errors.size());
  for (const Error& e : errors) {
    out.push_back({Severity::error, e.type, e.msg, name, e.loc, e.position});
  }
  return out;
}

}  // namespace

SourceFormat detect_format(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a UTF-8 byte order mark
  const std::string_view content = detail::trimmed(text);
  // Blank text goes to the JSON reader, whose error says the input is empty.
  const bool json = content.empty() || content.front() == '{' || content.front() == '[';
  return json ? SourceFormat::json : SourceFormat::yaml;
}

Result<std::unique_ptr<Source>, Diagnostics> read_source(std::string name, std::string uri,
                                                         std::string text) {
  if (detect_format(text) == SourceFormat::json) {
    auto value = parse<Any>(text);
    if (!value) return to_diagnostics(name, value.errors());
    return std::make_unique<Source>(std::move(name), std::move(uri), SourceFormat::json,
                                    std::move(text), std::move(*value));
  }
  auto read = detail::read_yaml(text);
  if (!read) return to_diagnostics(name, read.errors());
  auto positions = std::make_unique<Source::YamlPositions>();
  positions->positions = std::move(read->positions);
  positions->unquoted_non_strings = std::move(read->plain_non_strings);
  auto source = std::make_unique<Source>(std::move(name), std::move(uri), SourceFormat::yaml,
                                         std::move(text), std::move(read->value));
  source->set_yaml_positions(std::move(positions));
  return source;
}

}  // namespace oaskit
