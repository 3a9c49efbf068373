#pragma once
// Servers for tests: a document from YAML text, requests answered in memory
// (Server::respond) or over loopback.

#include <boost/json/parse.hpp>
#include <boost/url/grammar/ci_string.hpp>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "oaskit/document.hpp"
#include "oaskit/server.hpp"

namespace oaskit::test {

/// The document in `yaml` (refs resolved), or a test failure.
inline std::unique_ptr<Document> document_from(const std::string& yaml) {
  auto loaded = load_text("test.yaml", yaml, std::filesystem::current_path());
  if (!loaded) {
    ADD_FAILURE() << "the test document does not load: " << to_string(loaded.errors().front());
    return nullptr;
  }
  return std::make_unique<Document>(std::move(*loaded));
}

struct Answer {
  int status = 0;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string content_type;

  [[nodiscard]] boost::json::value json() const { return boost::json::parse(body); }
  [[nodiscard]] std::string header(std::string_view name) const {
    for (const auto& [field, value] : headers)
      if (boost::urls::grammar::ci_is_equal(field, name)) return value;
    return {};
  }
};

inline std::ostream& operator<<(std::ostream& os, const Answer& answer) {
  return os << answer.status << " " << answer.body;
}

/// A server prepared (not listening) for `yaml`, answering in memory.
class InMemoryServer {
 public:
  explicit InMemoryServer(const std::string& yaml, server::ServerOptions options = {})
      : document_(document_from(yaml)),
        server_(document_ ? std::make_unique<server::Server>(*document_, std::move(options))
                          : nullptr) {}

  server::Server& server() { return *server_; }

  /// Prepares the server (once); a failure is reported.
  bool ready() {
    if (!server_) return false;
    auto prepared = server_->prepare();
    if (!prepared) {
      for (const auto& d : prepared.errors()) ADD_FAILURE() << to_string(d);
      return false;
    }
    return true;
  }

  Answer call(std::string_view method, std::string_view target,
              std::vector<std::pair<std::string_view, std::string_view>> headers = {},
              std::string_view body = {}) {
    if (!ready()) return {};
    auto response = server_->respond(server::Server::RawRequest{
        .method = method, .target = target, .headers = std::move(headers), .body = body});
    return Answer{.status = response.status,
                  .body = response.body,
                  .headers = response.headers,
                  .content_type = response.content_type};
  }

 private:
  std::unique_ptr<Document> document_;
  std::unique_ptr<server::Server> server_;
};

}  // namespace oaskit::test
