// The oaskit command, run as a process: exit codes (0 valid or done, 1 invalid input, 2 the
// command could not run), what goes to stdout and what to stderr.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "oaskit/model_by_name.hpp"
#include "oaskit/version.hpp"
#include "support/run_cli.hpp"
#include "support/temp_tree.hpp"

namespace oaskit {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

using test::Run;
using test::run_cli;
using test::slurp;
using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;

const fs::path cli_data = fs::path(OASKIT_TEST_DATA) / "cli";

std::string data_file(std::string_view name) { return (cli_data / name).string(); }

/// `text` without its one final newline; a failure if it has none or more lines.
std::string single_line(const std::string& text) {
  EXPECT_FALSE(text.empty());
  if (text.empty()) return text;
  EXPECT_EQ(text.back(), '\n') << text;
  std::string line = text.substr(0, text.size() - 1);
  EXPECT_EQ(line.find('\n'), std::string::npos) << "more than one line:\n" << text;
  return line;
}

/// Passes when `text` is a pydantic-style error list: a JSON array of objects with exactly
/// "type" (string), "loc" (array of strings and non-negative integers) and "msg" (string).
::testing::AssertionResult is_error_list(const std::string& text) {
  boost::system::error_code ec;
  const json::value v = json::parse(text, ec);
  if (ec) return ::testing::AssertionFailure() << "not JSON (" << ec.message() << "): " << text;
  if (!v.is_array() || v.get_array().empty()) {
    return ::testing::AssertionFailure() << "not a non-empty array: " << text;
  }
  for (const auto& item : v.get_array()) {
    const auto* e = item.if_object();
    if (e == nullptr || e->size() != 3 || !e->contains("type") || !e->contains("loc") ||
        !e->contains("msg") || !e->at("type").is_string() || !e->at("msg").is_string() ||
        !e->at("loc").is_array()) {
      return ::testing::AssertionFailure() << "not {type, loc, msg}: " << json::serialize(item);
    }
    for (const auto& step : e->at("loc").get_array()) {
      if (!step.is_string() && !step.is_uint64() && !(step.is_int64() && step.get_int64() >= 0)) {
        return ::testing::AssertionFailure() << "bad loc step in " << json::serialize(item);
      }
    }
  }
  return ::testing::AssertionSuccess();
}

// oaskit model TYPE [FILE]: valid input.

TEST(CliModel, ValidFile_PrintsTheModelAsCompactJsonOnOneLine) {
  const auto run = run_cli({"model", "Info", data_file("info.json")});
  ASSERT_EQ(run.exit_code, 0) << run;
  EXPECT_EQ(single_line(run.out),
            R"({"title":"Pets","license":{"name":"MIT","identifier":"MIT"},"version":"1.0.0",)"
            R"("x-team":["a",2]})");
  EXPECT_EQ(run.err, "");
}

TEST(CliModel, OutputThatCannotBeWritten_IsAnErrorNotASilentLoss) {
  const auto run = run_cli({"model", "Info"}, R"({"title": "t", "version": "1"})", "/dev/full");
  EXPECT_EQ(run.exit_code, 2) << run;
  EXPECT_THAT(run.err, HasSubstr("cannot write to standard output")) << run;
}

TEST(CliModel, AFolderOrMissingFile_SaysWhyItCannotBeRead) {
  const auto folder = run_cli({"model", "Info", "/tmp"});
  EXPECT_EQ(folder.exit_code, 2) << folder;
  EXPECT_THAT(folder.err, HasSubstr("cannot read /tmp: it is a directory")) << folder;
  const auto missing = run_cli({"model", "Info", "/nonexistent/x.json"});
  EXPECT_EQ(missing.exit_code, 2) << missing;
  EXPECT_THAT(missing.err, HasSubstr("No such file or directory")) << missing;
}

TEST(CliModel, NoFile_ReadsStandardInput) {
  const auto run = run_cli({"model", "Info"}, slurp(cli_data / "info.json"));
  ASSERT_EQ(run.exit_code, 0) << run;
  EXPECT_EQ(json::parse(single_line(run.out)), json::parse(slurp(cli_data / "info.json")));
  EXPECT_EQ(run.err, "");
}

TEST(CliModel, DashAsFile_ReadsStandardInput) {
  const auto run = run_cli({"model", "Contact", "-"}, R"( {"name": "Ann",
    "email": "ann@example.com"} )");
  ASSERT_EQ(run.exit_code, 0) << run;
  EXPECT_EQ(run.out, "{\"name\":\"Ann\",\"email\":\"ann@example.com\"}\n");
  EXPECT_EQ(run.err, "");
}

TEST(CliModel, SecuritySchemeIsAModelName_AndReadsAnOAuth2Scheme) {
  const auto run =
      run_cli({"model", "SecurityScheme", data_file("oauth2_client_credentials.json")});
  ASSERT_EQ(run.exit_code, 0) << run;
  EXPECT_EQ(single_line(run.out),
            R"({"type":"oauth2","flows":{"clientCredentials":{"tokenUrl":)"
            R"("https://auth.example.com/token","scopes":{"pets:read":"Read pets"}}}})");
}

TEST(CliModel, ErrorsJsonOnValidInput_StillPrintsTheModel) {
  const auto run = run_cli({"model", "--errors=json", "Info", data_file("info.json")});
  ASSERT_EQ(run.exit_code, 0) << run;
  EXPECT_EQ(json::parse(single_line(run.out)), json::parse(slurp(cli_data / "info.json")));
}

TEST(CliModel, EveryModelName_IsAcceptedAsAType) {
  // `{}` is valid for some models and invalid for others; never "unknown type" (2) or a crash.
  for (const auto name : model_names()) {
    const auto run = run_cli({"model", std::string(name)}, "{}");
    EXPECT_TRUE(run.exit_code == 0 || run.exit_code == 1) << name << ": " << run;
  }
}

// Invalid input: exit 1, errors as text on stderr, or as JSON on stdout.

TEST(CliModel, InvalidFile_ExitsOneWithLocatedErrorsOnStderrAndNothingOnStdout) {
  const std::string file = data_file("info_invalid.json");
  const auto run = run_cli({"model", "Info", file});
  ASSERT_EQ(run.exit_code, 1) << run;
  EXPECT_EQ(run.out, "");
  // file:line:column: path: message
  EXPECT_THAT(run.err, HasSubstr(file + ":3:12: title: Input should be a valid string"));
  EXPECT_THAT(run.err, HasSubstr(file + ":4:14: license \xE2\x86\x92 name: Field required"));
}

TEST(CliModel, InvalidStdin_ReportsLineAndColumn) {
  const auto run = run_cli({"model", "Info"}, slurp(cli_data / "info_invalid.json"));
  ASSERT_EQ(run.exit_code, 1) << run;
  EXPECT_EQ(run.out, "");
  EXPECT_THAT(run.err, AllOf(HasSubstr(":3:12: title: "), HasSubstr(":4:14: license")));
}

TEST(CliModel, SyntaxError_IsReportedWithItsPosition) {
  const std::string file = data_file("truncated.json");
  const auto run = run_cli({"model", "Info", file});
  ASSERT_EQ(run.exit_code, 1) << run;
  EXPECT_EQ(run.out, "");
  EXPECT_THAT(run.err, AllOf(HasSubstr(file + ":3:1: "), HasSubstr("Invalid JSON"),
                             HasSubstr("json_invalid")));
}

TEST(CliModel, ErrorsJson_PrintsOnlyAPydanticErrorListOnStdout) {
  const auto run = run_cli(
      {"model", "SecurityScheme", data_file("oauth2_without_token_url.json"), "--errors=json"});
  ASSERT_EQ(run.exit_code, 1) << run;
  ASSERT_TRUE(is_error_list(run.out));
  EXPECT_EQ(json::parse(run.out), json::parse(R"([{"type": "missing",
      "loc": ["flows", "clientCredentials", "tokenUrl"], "msg": "Field required"}])"));
}

TEST(CliModel, ErrorsJson_WritesArrayIndicesInLocAsIntegers) {
  const auto run = run_cli(
      {"model", "--errors", "json", "OpenAPI", data_file("openapi_server_without_url.json")});
  ASSERT_EQ(run.exit_code, 1) << run;
  ASSERT_TRUE(is_error_list(run.out));
  EXPECT_EQ(json::parse(run.out), json::parse(R"([{"type": "missing",
      "loc": ["servers", 1, "url"], "msg": "Field required"}])"));
}

TEST(CliModel, ErrorsJson_ListsEveryError) {
  const auto run = run_cli({"model", "Info", "--errors=json", data_file("info_invalid.json")});
  ASSERT_EQ(run.exit_code, 1) << run;
  ASSERT_TRUE(is_error_list(run.out));
  const auto errors = json::parse(run.out).as_array();
  ASSERT_EQ(errors.size(), 2u) << run.out;
  EXPECT_EQ(errors[0].at("type").as_string(), "string_type");
  EXPECT_EQ(errors[0].at("loc"), json::parse(R"(["title"])"));
  EXPECT_EQ(errors[1].at("type").as_string(), "missing");
  EXPECT_EQ(errors[1].at("loc"), json::parse(R"(["license", "name"])"));
}

TEST(CliModel, ErrorsJsonForASyntaxError_HasAnEmptyLoc) {
  const auto run = run_cli({"model", "Info", "--errors=json"}, "{\"title\": \"a\",}");
  ASSERT_EQ(run.exit_code, 1) << run;
  ASSERT_TRUE(is_error_list(run.out));
  const auto errors = json::parse(run.out).as_array();
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].at("type").as_string(), "json_invalid");
  EXPECT_TRUE(errors[0].at("loc").as_array().empty());
  EXPECT_THAT(std::string(errors[0].at("msg").as_string()), HasSubstr("trailing comma"));
}

TEST(CliModel, EmptyStdin_IsInvalidInput) {
  const auto run = run_cli({"model", "Info"}, "");
  ASSERT_EQ(run.exit_code, 1) << run;
  EXPECT_EQ(run.out, "");
  EXPECT_THAT(run.err, HasSubstr("empty"));
}

// The command cannot run: exit 2 and a message on stderr.

TEST(CliModel, UnknownType_ExitsTwoNamingIt) {
  const auto run = run_cli({"model", "Petstore", data_file("info.json")});
  ASSERT_EQ(run.exit_code, 2) << run;
  EXPECT_EQ(run.out, "");
  EXPECT_THAT(run.err, AllOf(HasSubstr("Petstore"), HasSubstr("SecurityScheme")));
}

TEST(CliModel, MissingFile_ExitsTwoNamingIt) {
  const std::string file = data_file("no_such_file.json");
  const auto run = run_cli({"model", "Info", file});
  ASSERT_EQ(run.exit_code, 2) << run;
  EXPECT_EQ(run.out, "");
  EXPECT_THAT(run.err, HasSubstr(file));
}

TEST(CliModel, DirectoryAsFile_ExitsTwoNamingIt) {
  const auto run = run_cli({"model", "Info", cli_data.string()});
  ASSERT_EQ(run.exit_code, 2) << run;
  EXPECT_EQ(run.out, "");
  EXPECT_THAT(run.err, HasSubstr(cli_data.string()));
}

TEST(CliModel, UnknownErrorsFormat_ExitsTwo) {
  const auto run = run_cli({"model", "Info", "--errors=xml", data_file("info.json")});
  ASSERT_EQ(run.exit_code, 2) << run;
  EXPECT_EQ(run.out, "");
  EXPECT_THAT(run.err, HasSubstr("xml"));
}

TEST(CliModel, UnknownOption_ExitsTwo) {
  const auto run = run_cli({"model", "Info", "--frobnicate", data_file("info.json")});
  ASSERT_EQ(run.exit_code, 2) << run;
  EXPECT_EQ(run.out, "");
  EXPECT_THAT(run.err, HasSubstr("--frobnicate"));
}

TEST(CliModel, MissingType_ExitsTwo) {
  const auto run = run_cli({"model"});
  ASSERT_EQ(run.exit_code, 2) << run;
  EXPECT_EQ(run.out, "");
  EXPECT_THAT(run.err, HasSubstr("TYPE"));
}

TEST(CliModel, TooManyArguments_ExitsTwo) {
  const auto run = run_cli({"model", "Info", data_file("info.json"), data_file("info.json")});
  ASSERT_EQ(run.exit_code, 2) << run;
  EXPECT_EQ(run.out, "");
  EXPECT_NE(run.err, "");
}

TEST(Cli, NoSubcommand_ExitsTwo) {
  const auto run = run_cli({});
  ASSERT_EQ(run.exit_code, 2) << run;
  EXPECT_NE(run.err, "");
}

TEST(Cli, UnknownSubcommand_ExitsTwo) {
  const auto run = run_cli({"frobnicate"});
  ASSERT_EQ(run.exit_code, 2) << run;
  EXPECT_EQ(run.out, "");
  EXPECT_NE(run.err, "");
}

// Help and version.

TEST(Cli, Help_ExitsZeroListingTheSubcommands) {
  const auto run = run_cli({"--help"});
  ASSERT_EQ(run.exit_code, 0) << run;
  EXPECT_THAT(run.out, AllOf(HasSubstr("Usage"), HasSubstr("model"), HasSubstr("security")));
}

TEST(Cli, ModelHelp_ExitsZeroDescribingTypeFileAndErrors) {
  const auto run = run_cli({"model", "--help"});
  ASSERT_EQ(run.exit_code, 0) << run;
  EXPECT_THAT(run.out, AllOf(HasSubstr("Usage"), HasSubstr("TYPE"), HasSubstr("FILE"),
                             HasSubstr("--errors")));
}

TEST(Cli, Version_ExitsZeroPrintingTheLibraryVersion) {
  const auto run = run_cli({"--version"});
  ASSERT_EQ(run.exit_code, 0) << run;
  EXPECT_THAT(run.out, HasSubstr(std::string(oaskit::version)));
}

// oaskit security FILE.

TEST(CliSecurity, PetstoreOAuthExample_ShowsTheClientCredentialsFlowAndItsTokenUrl) {
  const fs::path example = fs::path(OASKIT_SOURCE_DIR) / "examples" / "petstore-oauth.json";
  ASSERT_TRUE(fs::exists(example)) << example << " is missing";
  const auto run = run_cli({"security", example.string()});
  ASSERT_EQ(run.exit_code, 0) << run;
  EXPECT_THAT(run.out, AllOf(HasSubstr("clientCredentials"), HasSubstr("tokenUrl")));
  EXPECT_THAT(run.err, Not(HasSubstr("error")));
}

TEST(CliSecurity, InvalidDocument_ExitsOne) {
  const auto run = run_cli({"security", data_file("openapi_server_without_url.json")});
  ASSERT_EQ(run.exit_code, 1) << run;
  EXPECT_THAT(run.err, HasSubstr("url"));
}

// oaskit bundle ROOT [-o OUT]: exit 0 bundled, 1 document errors, 2 usage or IO.

/// A root with a schema in another file, as the bundle tests use it.
fs::path write_two_file_document(const test::TempTree& tree) {
  tree.write("models/pet.json", R"({"type": "object", "x-kind": "animal"})");
  return tree.write("api.json", R"({"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
    "components": {"schemas": {"Pet": {"$ref": "models/pet.json"}}}})");
}

TEST(CliBundle, ToStdout_WritesTheSelfContainedDocumentIndented) {
  test::TempTree tree;
  const auto run = run_cli({"bundle", write_two_file_document(tree).string()});
  ASSERT_EQ(run.exit_code, 0) << run;
  EXPECT_EQ(run.err, "");
  EXPECT_THAT(run.out, HasSubstr("\n  \"openapi\": \"3.1.0\",\n"));
  EXPECT_EQ(json::parse(run.out).at_pointer("/components/schemas"), json::parse(R"({
    "Pet": {"$ref": "#/components/schemas/pet"},
    "pet": {"type": "object", "x-kind": "animal"}})"));
}

TEST(CliBundle, OutputOption_WritesTheFileAndNothingToStdout) {
  test::TempTree tree;
  const auto root = write_two_file_document(tree);
  const auto out = tree.root() / "bundled.json";
  const auto run = run_cli({"bundle", root.string(), "-o", out.string(), "--to", "json"});
  ASSERT_EQ(run.exit_code, 0) << run;
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(json::parse(slurp(out)).at_pointer("/components/schemas/Pet/$ref"),
            "#/components/schemas/pet");
}

TEST(CliBundle, UnresolvedRef_ExitsOneWithOneDiagnosticPerLine) {
  test::TempTree tree;
  const auto root = tree.write("api.json", R"({"openapi": "3.1.0",
    "info": {"title": "t", "version": "1"},
    "components": {"schemas": {"A": {"$ref": "missing.json"}, "B": {"$ref": "gone.json"}}}})");
  const auto run = run_cli({"bundle", root.string()});
  ASSERT_EQ(run.exit_code, 1) << run;
  EXPECT_EQ(run.out, "");
  EXPECT_THAT(run.err, AllOf(HasSubstr(root.string() + ":3:"), HasSubstr("ref-unresolved"),
                             HasSubstr("missing.json"), HasSubstr("gone.json")));
  EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 2) << run.err;
}

TEST(CliBundle, RefOutsideTheRootFolder_IsFollowedOnlyWhenAllowed) {
  test::TempTree tree;
  tree.write("shared/pet.json", R"({"type": "string"})");
  const auto root = tree.write("spec/api.json", R"({"openapi": "3.1.0",
    "info": {"title": "t", "version": "1"},
    "components": {"schemas": {"Pet": {"$ref": "../shared/pet.json"}}}})");
  EXPECT_EQ(run_cli({"bundle", root.string()}).exit_code, 1);
  const auto run = run_cli({"bundle", root.string(), "--allow-outside-root"});
  ASSERT_EQ(run.exit_code, 0) << run;
  EXPECT_EQ(json::parse(run.out).at_pointer("/components/schemas/pet/type"), "string");
}

TEST(CliBundle, ToYaml_WritesYamlThatLoadsAgain) {
  test::TempTree tree;
  const auto run = run_cli({"bundle", write_two_file_document(tree).string(), "--to", "yaml"});
  ASSERT_EQ(run.exit_code, 0) << run;
  EXPECT_THAT(run.out, HasSubstr("openapi: \"3.1.0\"\n"));
  const auto again = tree.write("again.yaml", run.out);
  const auto check = run_cli({"security", again.string()});
  EXPECT_EQ(check.exit_code, 0) << check;
}

TEST(CliBundle, UnknownFormat_ExitsTwo) {
  test::TempTree tree;
  const auto run = run_cli({"bundle", write_two_file_document(tree).string(), "--to", "xml"});
  ASSERT_EQ(run.exit_code, 2) << run;
  EXPECT_THAT(run.err, HasSubstr("xml"));
}

TEST(CliBundle, MissingRoot_ExitsTwoNamingIt) {
  const std::string file = data_file("no_such_file.json");
  const auto run = run_cli({"bundle", file});
  ASSERT_EQ(run.exit_code, 2) << run;
  EXPECT_EQ(run.out, "");
  EXPECT_THAT(run.err, HasSubstr(file));
}

TEST(CliBundle, UnwritableOutput_ExitsTwo) {
  test::TempTree tree;
  const auto root = write_two_file_document(tree);
  const auto run =
      run_cli({"bundle", root.string(), "-o", (tree.root() / "no/such/dir/out.json").string()});
  ASSERT_EQ(run.exit_code, 2) << run;
  EXPECT_THAT(run.err, HasSubstr("cannot write"));
}

TEST(Cli, UnknownSubcommand_ListsBundleAmongTheCommands) {
  const auto run = run_cli({"frobnicate"});
  ASSERT_EQ(run.exit_code, 2) << run;
  EXPECT_THAT(run.err, HasSubstr("bundle"));
}

}  // namespace
}  // namespace oaskit

namespace oaskit {
namespace {

TEST(CliStartUp, LibcurlIsNotLoadedBeforeARequest) {
  // libcurl and the libraries it needs cost every process 5 ms and 6 MB: the command must not
  // name it among the libraries loaded at start-up (src/http/libcurl.cpp loads it on use).
  std::unique_ptr<FILE, decltype(&pclose)> readelf(popen("readelf -d '" OASKIT_CLI "' 2>&1", "r"),
                                                   &pclose);
  ASSERT_NE(readelf, nullptr);
  std::string needed;
  std::array<char, 4096> buffer{};
  while (std::fgets(buffer.data(), static_cast<int>(buffer.size()), readelf.get()) != nullptr) {
    needed += buffer.data();
  }
  ASSERT_THAT(needed, ::testing::HasSubstr("(NEEDED)")) << "readelf failed: " << needed;
  EXPECT_THAT(needed, ::testing::Not(::testing::HasSubstr("libcurl"))) << needed;
}

}  // namespace
}  // namespace oaskit
