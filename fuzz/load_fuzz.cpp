// libFuzzer target: loading an API description of several files and bundling it. An input is
// up to four texts separated by NUL bytes: the root document, then the files b.yaml, c.json
// and sub/d.yaml beside it (in a folder of this process's own), which `$ref`s may name
// (cycles, escapes from the folder, anchors, `$id`s and `$self`). Never a crash, a hang or a
// sanitizer report; every problem has a rule and a message; a bundle loads again with every
// reference resolved.

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include <boost/json/serialize.hpp>

#include "oaskit/bundle.hpp"
#include "oaskit/document.hpp"

namespace {

namespace fs = std::filesystem;

// The files' folder, removed when the process ends.
struct Folder {
  fs::path path = fs::temp_directory_path() / ("oaskit-fuzz-load-" + std::to_string(getpid()));
  Folder() { fs::create_directories(path / "sub"); }
  Folder(const Folder&) = delete;
  Folder& operator=(const Folder&) = delete;
  ~Folder() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
};

const fs::path& folder() {
  static const Folder made;
  return made.path;
}

void check(const oaskit::Diagnostics& problems) {
  for (const auto& problem : problems) {
    if (problem.rule.empty() || problem.message.empty()) std::abort();
  }
}

bool resolves_every_reference(const oaskit::Document& doc) {
  for (const auto& problem : doc.problems()) {
    if (problem.rule == "ref-unresolved") return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<std::string_view> parts;
  while (parts.size() < 4) {
    const auto end = text.find('\0');
    parts.push_back(text.substr(0, end));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  const char* const files[] = {"b.yaml", "c.json", "sub/d.yaml"};
  for (std::size_t i = 0; i < 3; ++i) {
    const fs::path path = folder() / files[i];
    if (i + 1 < parts.size()) {
      std::ofstream(path, std::ios::binary | std::ios::trunc) << parts[i + 1];
    } else {
      fs::remove(path);
    }
  }

  const auto doc = oaskit::load_text("root.yaml", std::string(parts[0]), folder());
  if (!doc) {
    check(doc.errors());
    return 0;
  }
  check(doc->problems());
  const auto bundled = oaskit::bundle(*doc);
  if (!bundled) {
    check(bundled.errors());
    return 0;
  }
  const auto again = oaskit::load_text("bundled.json", boost::json::serialize(*bundled), folder());
  if (!again || !resolves_every_reference(*again)) std::abort();
  return 0;
}
