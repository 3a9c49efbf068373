// Measures libfyaml and yaml-cpp on every YAML file of the shared corpus: throughput of parsing
// into the library's node tree and walking it, which files each accepts, and what each tells
// about a node (scalar style, position, merge keys). The figures are in docs/yaml.md.
// Usage: yaml_choice CORPUS_DIR [passes]

#include <libfyaml.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Input {
  std::string path;
  std::string text;
};

std::vector<Input> corpus_yaml(const std::filesystem::path& root) {
  std::vector<Input> files;
  for (const auto& sub : {"docs", "multifile"}) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root / sub)) {
      const auto ext = entry.path().extension();
      if (!entry.is_regular_file() || (ext != ".yaml" && ext != ".yml")) continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      files.push_back({entry.path().string(), text.str()});
    }
  }
  std::sort(files.begin(), files.end(), [](auto& a, auto& b) { return a.path < b.path; });
  return files;
}

// What a walk saw; compared between libraries so a fast walk that skips work shows.
struct Walk {
  std::size_t nodes = 0;
  std::size_t scalar_bytes = 0;
  bool ok = true;
};

// libfyaml: build the document tree (aliases and merge keys resolved), walk it with a stack.
Walk fyaml_document(const std::string& text) {
  Walk walk;
  fy_parse_cfg cfg{};
  cfg.flags = static_cast<fy_parse_cfg_flags>(FYPCF_QUIET | FYPCF_RESOLVE_DOCUMENT);
  fy_document* doc = fy_document_build_from_string(&cfg, text.data(), text.size());
  if (doc == nullptr) return {0, 0, false};
  std::vector<fy_node*> stack;
  if (fy_node* root = fy_document_root(doc)) stack.push_back(root);
  while (!stack.empty()) {
    fy_node* node = stack.back();
    stack.pop_back();
    ++walk.nodes;
    switch (fy_node_get_type(node)) {
      case FYNT_SCALAR: {
        std::size_t length = 0;
        fy_node_get_scalar(node, &length);
        walk.scalar_bytes += length;
        break;
      }
      case FYNT_SEQUENCE: {
        void* it = nullptr;
        while (fy_node* item = fy_node_sequence_iterate(node, &it)) stack.push_back(item);
        break;
      }
      case FYNT_MAPPING: {
        void* it = nullptr;
        while (fy_node_pair* pair = fy_node_mapping_iterate(node, &it)) {
          stack.push_back(fy_node_pair_key(pair));
          stack.push_back(fy_node_pair_value(pair));
        }
        break;
      }
    }
  }
  fy_document_destroy(doc);
  return walk;
}

// libfyaml's event stream alone (what a reader building its own tree would consume).
Walk fyaml_events(const std::string& text) {
  Walk walk;
  fy_parse_cfg cfg{};
  cfg.flags = FYPCF_QUIET;
  fy_parser* parser = fy_parser_create(&cfg);
  fy_parser_set_string(parser, text.data(), text.size());
  while (fy_event* event = fy_parser_parse(parser)) {
    if (event->type == FYET_SCALAR) {
      std::size_t length = 0;
      fy_token_get_text(event->scalar.value, &length);
      walk.scalar_bytes += length;
      ++walk.nodes;
    } else if (event->type == FYET_MAPPING_START || event->type == FYET_SEQUENCE_START ||
               event->type == FYET_ALIAS) {
      ++walk.nodes;
    }
    fy_parser_event_free(parser, event);
  }
  walk.ok = !fy_parser_get_stream_error(parser);
  fy_parser_destroy(parser);
  return walk;
}

Walk yaml_cpp(const std::string& text) {
  Walk walk;
  try {
    YAML::Node root = YAML::Load(text);
    std::vector<YAML::Node> stack{root};
    while (!stack.empty()) {
      YAML::Node node = stack.back();
      stack.pop_back();
      ++walk.nodes;
      if (node.IsScalar()) {
        walk.scalar_bytes += node.Scalar().size();
      } else if (node.IsSequence()) {
        for (const auto& item : node) stack.push_back(item);
      } else if (node.IsMap()) {
        for (const auto& pair : node) {
          stack.push_back(pair.first);
          stack.push_back(pair.second);
        }
      }
    }
  } catch (const YAML::Exception& e) {
    std::cerr << "  yaml-cpp: " << e.what() << '\n';
    walk.ok = false;
  }
  return walk;
}

void measure(const char* name, const std::vector<Input>& files, int passes,
             const std::function<Walk(const std::string&)>& read) {
  std::size_t bytes = 0, nodes = 0, scalar_bytes = 0, failures = 0;
  for (const auto& f : files) {
    bytes += f.text.size();
    const Walk w = read(f.text);
    nodes += w.nodes;
    scalar_bytes += w.scalar_bytes;
    if (!w.ok) {
      ++failures;
      std::cerr << "  " << name << " refused " << f.path << '\n';
    }
  }
  double best = 1e30;
  for (int pass = 0; pass < passes; ++pass) {
    const auto start = std::chrono::steady_clock::now();
    for (const auto& f : files) read(f.text);
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    best = std::min(best, took.count());
  }
  std::printf("| %-28s | %6zu | %5zu | %8zu | %9zu | %7.1f |\n", name, files.size(), failures,
              nodes, scalar_bytes, static_cast<double>(bytes) / 1e6 / best);
}

// What each library says about `text`'s scalars: style (plain or quoted) and position.
void features() {
  const std::string text =
      "base: &b {x: 1}\n"
      "m:\n  <<: *b\n  y: '2'\n"
      "seq: [on, \"on\", 1.0]\n";
  std::puts("\nlibfyaml events (style, line:column from 0 of every event):");
  fy_parse_cfg cfg{};
  cfg.flags = FYPCF_QUIET;
  fy_parser* parser = fy_parser_create(&cfg);
  fy_parser_set_string(parser, text.data(), text.size());
  while (fy_event* event = fy_parser_parse(parser)) {
    const fy_mark* mark = fy_event_start_mark(event);
    std::printf("  %-14s", fy_event_type_get_text(event->type));
    if (mark) std::printf(" at %d:%d", mark->line, mark->column);
    if (event->type == FYET_SCALAR) {
      std::size_t length = 0;
      const char* value = fy_token_get_text(event->scalar.value, &length);
      std::printf(" '%.*s' style %d", static_cast<int>(length), value,
                  static_cast<int>(fy_token_scalar_style(event->scalar.value)));
    }
    std::puts("");
    fy_parser_event_free(parser, event);
  }
  fy_parser_destroy(parser);

  std::puts("\nlibfyaml document, resolved (merge key applied?):");
  cfg.flags = static_cast<fy_parse_cfg_flags>(FYPCF_QUIET | FYPCF_RESOLVE_DOCUMENT);
  fy_document* doc = fy_document_build_from_string(&cfg, text.data(), text.size());
  char* out = fy_emit_document_to_string(doc, FYECF_MODE_FLOW_ONELINE);
  std::printf("  %s\n", out);
  free(out);
  fy_document_destroy(doc);

  std::puts("\nyaml-cpp (tag '?' = plain, '!' = quoted; mark line:column from 0):");
  YAML::Node root = YAML::Load(text);
  for (const auto& pair : root) {
    std::printf("  %s at %d:%d\n", pair.first.Scalar().c_str(), pair.second.Mark().line,
                pair.second.Mark().column);
  }
  for (const auto& item : root["seq"]) {
    std::printf("  seq item '%s' tag '%s' at %d:%d\n", item.Scalar().c_str(), item.Tag().c_str(),
                item.Mark().line, item.Mark().column);
  }
  std::printf("  m has x (merge key applied)? %s; m has '<<'? %s\n", root["m"]["x"] ? "yes" : "no",
              root["m"]["<<"] ? "yes" : "no");

  std::puts("\n100 000 nested flow sequences:");
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  cfg.flags = FYPCF_QUIET;
  const Walk fy = fyaml_events(deep);
  std::printf("  libfyaml events: %s after %zu nodes\n", fy.ok ? "accepted" : "refused", fy.nodes);
  const Walk cpp = yaml_cpp(deep);
  std::printf("  yaml-cpp: %s\n", cpp.ok ? "accepted" : "refused");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: yaml_choice CORPUS_DIR [passes]\n";
    return 2;
  }
  const auto files = corpus_yaml(argv[1]);
  const int passes = argc > 2 ? std::stoi(argv[2]) : 3;
  std::size_t bytes = 0;
  for (const auto& f : files) bytes += f.text.size();
  std::printf("%zu YAML files, %.1f MB, best of %d passes\n\n", files.size(),
              static_cast<double>(bytes) / 1e6, passes);
  std::puts("| library | files | refused | nodes | scalar bytes | MB/s |");
  std::puts("| --- | --- | --- | --- | --- | --- |");
  measure("libfyaml document + walk", files, passes, fyaml_document);
  measure("libfyaml events only", files, passes, fyaml_events);
  measure("yaml-cpp Node + walk", files, passes, yaml_cpp);
  features();
}
