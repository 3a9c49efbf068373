#pragma once
/// Documents: OpenAPI files in JSON or YAML, the files their `$ref`s reach, and where every
/// value came from.

#include <boost/json/value.hpp>
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "oaskit/diagnostic.hpp"
#include "oaskit/error.hpp"
#include "oaskit/model/security.hpp"
#include "oaskit/result.hpp"

namespace oaskit {

struct OpenAPI;
namespace detail {
class DocumentParts;
}  // namespace detail

enum class SourceFormat { json, yaml };

/// One file (or fetched URL, or standard input) read into a JSON value, keeping where in its
/// text each value starts.
class Source {
 public:
  Source(std::string name, std::string uri, SourceFormat format, std::string text,
         boost::json::value value);
  ~Source();
  Source(const Source&) = delete;
  Source& operator=(const Source&) = delete;

  /// How diagnostics name it: the root as the user named it, other files relative to that.
  [[nodiscard]] const std::string& name() const noexcept { return name_; }
  /// Absolute `file:` or `http(s):` URI it was read from (or, for documents given with
  /// LoadOptions, the URI given for it).
  [[nodiscard]] const std::string& uri() const noexcept { return uri_; }
  /// The base URI its relative `$ref`s resolve against (OpenAPI 3.2.0 §4.1.2.2.1): an OpenAPI
  /// 3.2 document's `$self` resolved against uri(), else uri(). Set by `load`.
  [[nodiscard]] const std::string& base_uri() const noexcept {
    return base_uri_.empty() ? uri_ : base_uri_;
  }
  [[nodiscard]] SourceFormat format() const noexcept { return format_; }
  [[nodiscard]] std::string_view text() const noexcept { return text_; }
  [[nodiscard]] const boost::json::value& value() const noexcept { return value_; }

  /// Where the value at `loc` starts; when `loc` does not exist, where its nearest existing
  /// ancestor starts (a missing member is reported at its object). For JSON, the first call
  /// indexes the whole text once (thread-safe).
  [[nodiscard]] std::optional<TextPosition> position_of(const Path& loc) const;

  /// The value at `loc`, or null when there is none.
  [[nodiscard]] const boost::json::value* find(const Path& loc) const;

  /// True when the value at `loc` is a YAML scalar written without quotes that YAML read as
  /// a number, boolean or null (so `version: 1.0` can be told to quote it).
  [[nodiscard]] bool is_unquoted_yaml_scalar(const Path& loc) const;

  /// For a string expected at `loc` where YAML read an unquoted scalar as something else:
  /// "; YAML reads the unquoted '1.0' as a number, boolean or null: put it in quotes ("1.0")
  /// to make it a string". Empty otherwise. Appended to `string_type` errors.
  [[nodiscard]] std::string quoting_hint(const Path& loc) const;

  /// Line `line` (from 1) of the text without its line break, for showing a finding; empty
  /// past the last line. The first call indexes the lines once (thread-safe).
  [[nodiscard]] std::string_view line_text(std::size_t line) const;

  /// Set up by the YAML reader: positions by JSON pointer, and the unquoted non-strings.
  struct YamlPositions;
  void set_yaml_positions(std::unique_ptr<YamlPositions> positions);

 private:
  friend class DocumentLoader;
  std::string name_;
  std::string uri_;
  std::string base_uri_;  // empty: uri_
  SourceFormat format_;
  std::string text_;
  boost::json::value value_;
  // Positions by JSON pointer: recorded by the YAML reader, or for JSON built on first use.
  mutable std::unique_ptr<YamlPositions> yaml_;
  mutable std::once_flag json_indexed_;
  // Where each line of text_ starts, built on the first line_text().
  mutable std::vector<std::size_t> line_starts_;
  mutable std::once_flag lines_indexed_;
};

/// JSON when the first non-blank character (after a UTF-8 byte order mark) is `{` or `[`,
/// (or the text is blank), else YAML: how read_source and the CLI tell them apart, by content
/// rather than file name.
SourceFormat detect_format(std::string_view text);

/// Reads `text` as JSON when its first non-blank character is `{` or `[`, else as YAML 1.2
/// (core schema), into a Source named `name` with base URI `uri`. Errors (syntax, duplicate
/// keys, YAML alias expansion beyond the limit, ...) carry `name` and line:column.
Result<std::unique_ptr<Source>, Diagnostics> read_source(std::string name, std::string uri,
                                                         std::string text);

/// A file of an API description given with the URI it is published at, so that references
/// resolve "as if retrievals were performed" (OpenAPI 3.2.0 §4.1.2.2.1).
struct DocumentFile {
  std::filesystem::path file;
  /// Its retrieval URI; empty for the file's own `file:` URI.
  std::string uri{};
};

/// How `load` reaches files and URLs.
struct LoadOptions {
  /// Follow `$ref`s to http(s) URLs. Off by default: a document must not make a tool fetch
  /// things.
  bool allow_remote_refs = false;
  /// Per remote fetch.
  std::chrono::milliseconds remote_timeout{10'000};
  std::size_t max_remote_bytes = std::size_t{32} << 20;
  /// Follow file `$ref`s that leave the root document's folder (`../../etc/passwd`).
  bool allow_outside_root = false;
  /// The URI the root document is published at, as if it had been retrieved from there: its
  /// relative `$ref`s (and a relative `$self`) resolve against it. Empty: the root file's
  /// `file:` URI. Must be absolute.
  std::string root_uri{};
  /// Other files of the API description, read before any reference is followed. A reference
  /// reaches one by its `uri`, by its file's `file:` URI, or (for an OpenAPI 3.2 document) by
  /// its `$self`: how documents that name each other by `$self` are loaded without fetching.
  std::vector<DocumentFile> documents{};
};

/// A `$ref` found in a document and what it points at.
struct ResolvedRef {
  const Source* from = nullptr;    ///< the file the `$ref` is written in
  Path loc;                        ///< the object holding `$ref` in that file
  std::string ref;                 ///< as written
  std::string_view expected;       ///< the model the target must be ("Schema", "Parameter", ...)
  const Source* target = nullptr;  ///< null when unresolved
  Path target_loc;                 ///< where in `target`
  /// False for a `$ref` where OpenAPI allows none (on an Operation, or in place of a string
  /// such as a description): oaskit follows it as Redocly-style tools do, reports it as
  /// `ref-not-allowed`, and `bundle` writes the target in its place. `expected` is then the
  /// model, or "value" for a non-object.
  bool allowed = true;
};

/// An OpenAPI document: its root file as a model, every file its references reach, and the
/// references themselves.
class Document {
 public:
  Document();
  ~Document();
  Document(Document&&) noexcept;
  Document& operator=(Document&&) noexcept;

  /// The root file as a model; `$ref`s stay References (and Schema::ref). Reading its fields
  /// needs the models' definitions: include oaskit/models.hpp (this header only declares
  /// OpenAPI, so that files that load or lint documents do not depend on every model).
  [[nodiscard]] const OpenAPI& model() const noexcept { return *model_; }
  [[nodiscard]] const Source& root() const noexcept { return *sources_.front(); }
  /// The root first, then every file reached through `$ref`, in the order first reached.
  [[nodiscard]] const std::vector<std::unique_ptr<Source>>& sources() const noexcept {
    return sources_;
  }
  /// The version the `openapi` field declares (its major.minor).
  [[nodiscard]] SpecVersion version() const noexcept { return version_; }
  /// "3.0", "3.1" or "3.2": the version as the `openapi` field begins.
  [[nodiscard]] std::string_view minor_version() const noexcept { return to_string(version_); }
  /// Every `$ref` in a model position of every file, resolved or not.
  [[nodiscard]] const std::vector<ResolvedRef>& refs() const noexcept { return refs_; }
  /// Problems that do not stop loading: unresolvable references, and files reached through
  /// references that are not the model they should be. Reported by `oaskit check`.
  [[nodiscard]] const Diagnostics& problems() const noexcept { return problems_; }

  /// The target of the `$ref` held by the object at `loc` in `from`, or null.
  [[nodiscard]] const ResolvedRef* find_ref(const Source& from, const Path& loc) const;
  /// Follows the `$ref` held at `loc` in `from`, and the `$ref`s its target holds in turn, to
  /// the place that holds the value itself: `from` and `loc` when there is no `$ref` there;
  /// nullopt when a reference on the way is unresolved or the references go round in a loop.
  [[nodiscard]] std::optional<std::pair<const Source*, Path>> follow(const Source& from,
                                                                     Path loc) const;
  /// The security scheme named `name` in the root's components.securitySchemes, with its
  /// `$ref` followed (into other files too); nullopt when there is no such scheme, or its
  /// reference leads to nothing that is a SecurityScheme (a problem loading reported). In a 3.2
  /// document, a Security Requirement key outside the component-name grammar
  /// (`#/components/securitySchemes/x`, `common.yaml#/oauth`) is a URI reference to a scheme:
  /// `name` such a key gives the scheme it reaches.
  [[nodiscard]] std::optional<SecurityScheme> security_scheme(std::string_view name) const;

  /// The parts of files that references reach, each read once, as the model its reference
  /// wants (for oaskit's own modules: src/document/parts.hpp).
  [[nodiscard]] const detail::DocumentParts& parts() const noexcept { return *parts_; }

  /// A diagnostic located at `loc` in `source`.
  [[nodiscard]] static Diagnostic diagnostic(const Source& source, const Path& loc,
                                             Severity severity, std::string rule,
                                             std::string message);

 private:
  friend class DocumentLoader;
  std::unique_ptr<OpenAPI> model_;                // never null but in a moved-from Document
  std::unique_ptr<detail::DocumentParts> parts_;  // likewise
  std::vector<std::unique_ptr<Source>> sources_;
  SpecVersion version_ = SpecVersion::v3_1;
  std::vector<ResolvedRef> refs_;
  // refs_ by the object holding the `$ref` (its file, and JSON pointer); the first one wins.
  std::map<std::pair<const Source*, std::string>, std::size_t> refs_by_place_;
  Diagnostics problems_;
};

/// Loads an OpenAPI 3.0.x, 3.1.x or 3.2.x document from `path` (JSON or YAML, by content),
/// reads it into the models, and resolves its references, reading the other files they name.
/// A 3.2 document's `$self` is its base URI and names it as a reference target. Errors when
/// the root (or a file of `options.documents`) cannot be read, is not OpenAPI 3.0 to 3.2
/// (Swagger 2.0 is named as such), or does not validate; each with its file and line:column.
Result<Document, Diagnostics> load(const std::filesystem::path& path,
                                   const LoadOptions& options = {});

/// The same for text already in memory (standard input); relative file references resolve
/// against `base_folder`.
Result<Document, Diagnostics> load_text(std::string name, std::string text,
                                        const std::filesystem::path& base_folder,
                                        const LoadOptions& options = {});

}  // namespace oaskit
