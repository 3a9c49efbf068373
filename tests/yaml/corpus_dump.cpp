// Prints, for every YAML and JSON document of the corpus, one JSON line
// {"path", "value", "yaml"}: the value oaskit reads (read_yaml, or boost::json::parse for JSON)
// and write_yaml of it. check_with_pyyaml.py compares those with what PyYAML reads.
// Usage: yaml_corpus_dump CORPUS_DIR

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "yaml/read_yaml.hpp"
#include "yaml/write_yaml.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: yaml_corpus_dump CORPUS_DIR\n";
    return 2;
  }
  namespace fs = std::filesystem;
  int failures = 0;
  for (const auto& entry : fs::recursive_directory_iterator(argv[1])) {
    const auto ext = entry.path().extension();
    const bool yaml = ext == ".yaml" || ext == ".yml";
    if (!entry.is_regular_file() || (!yaml && ext != ".json")) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    boost::json::value value;
    if (yaml) {
      auto read = oaskit::detail::read_yaml(text.str());
      if (!read) {
        std::cerr << entry.path() << ": " << oaskit::to_string(read.errors().front()) << '\n';
        ++failures;
        continue;
      }
      value = std::move(read->value);
    } else {
      boost::system::error_code error;
      value = boost::json::parse(text.str(), error);
      if (error) continue;  // not every .json file of the corpus is meant to be valid
    }
    boost::json::object line{{"path", entry.path().string()},
                             {"source", yaml ? "yaml" : "json"},
                             {"value", value},
                             {"yaml", oaskit::detail::write_yaml(value)}};
    std::cout << boost::json::serialize(line) << '\n';
  }
  return failures == 0 ? 0 : 1;
}
