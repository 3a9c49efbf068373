// Everything oaskit fetches from servers it does not control — JWKS, discovery metadata,
// introspection answers, token responses, remote `$ref`s — against servers that fail on
// purpose: nothing listening, a connection reset in the middle of the body, headers and then
// silence, a 2 GB body (with a Content-Length and chunked), a redirect to itself, and TLS with
// an expired, a wrong-host and a self-signed certificate. Each must end in the surface's own
// error type within its time bound (the timeout for silence, well before it for the rest),
// leave no thread behind, and (under the asan preset) leak nothing.

#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "oaskit/document.hpp"
#include "oaskit/oauth2/client.hpp"
#include "oaskit/security/introspection.hpp"
#include "oaskit/security/jwks.hpp"
#include "support/openssl_server.hpp"
#include "support/scripted_server.hpp"
#include "support/temp_tree.hpp"

namespace oaskit {
namespace {

using namespace std::chrono_literals;

enum class Fault {
  refused,
  reset_mid_body,
  headers_then_stall,
  two_gigabytes,
  two_gigabytes_chunked,
  redirect_loop,
  tls_expired,
  tls_wrong_host,
  tls_self_signed,
};

std::string name_of(Fault fault) {
  switch (fault) {
    case Fault::refused:
      return "ConnectionRefused";
    case Fault::reset_mid_body:
      return "ResetMidBody";
    case Fault::headers_then_stall:
      return "HeadersThenStall";
    case Fault::two_gigabytes:
      return "TwoGigabytes";
    case Fault::two_gigabytes_chunked:
      return "TwoGigabytesChunked";
    case Fault::redirect_loop:
      return "RedirectLoop";
    case Fault::tls_expired:
      return "TlsExpiredCertificate";
    case Fault::tls_wrong_host:
      return "TlsWrongHostCertificate";
    case Fault::tls_self_signed:
      return "TlsSelfSignedCertificate";
  }
  return "?";
}

bool is_tls(Fault fault) {
  return fault == Fault::tls_expired || fault == Fault::tls_wrong_host ||
         fault == Fault::tls_self_signed;
}

constexpr std::uint64_t kTwoGigabytes = std::uint64_t{2} << 30;

// A plain HTTP server on 127.0.0.1 that misbehaves in one way for every connection, on its
// own thread until destroyed. It never blocks for long: every wait polls, so that a client
// that stops reading cannot wedge it.
class FaultServer {
 public:
  explicit FaultServer(Fault fault) : fault_(fault) {
    thread_ = std::thread([this] { serve(); });
  }
  ~FaultServer() {
    stop_ = true;
    thread_.join();
  }
  FaultServer(const FaultServer&) = delete;
  FaultServer& operator=(const FaultServer&) = delete;

  [[nodiscard]] std::string origin() const { return listener_.origin(); }
  /// Body bytes written to all clients so far.
  [[nodiscard]] std::uint64_t body_bytes_sent() const { return body_bytes_sent_; }

 private:
  void serve() {
    while (!stop_) {
      const int client = listener_.accept_within(20);
      if (client < 0) continue;
      if (const auto target = read_request_target(client)) misbehave(client, *target);
      ::close(client);
    }
  }

  // The request's target, once its head has arrived (the body, if any, is not needed).
  [[nodiscard]] std::optional<std::string> read_request_target(int client) const {
    std::string head;
    char chunk[4096];
    while (head.find("\r\n\r\n") == std::string::npos) {
      pollfd ready{client, POLLIN, 0};
      if (stop_ || ::poll(&ready, 1, 2000) <= 0) return std::nullopt;
      const auto n = ::recv(client, chunk, sizeof chunk, 0);
      if (n <= 0) return std::nullopt;
      head.append(chunk, static_cast<std::size_t>(n));
    }
    const auto first_space = head.find(' ');
    const auto second_space = head.find(' ', first_space + 1);
    return head.substr(first_space + 1, second_space - first_space - 1);
  }

  // Writes all of `bytes` unless the client goes away or the server stops; false then.
  bool write(int client, std::string_view bytes) const {
    while (!bytes.empty()) {
      pollfd ready{client, POLLOUT, 0};
      if (stop_) return false;
      if (::poll(&ready, 1, 20) <= 0) continue;
      if ((ready.revents & (POLLERR | POLLHUP)) != 0) return false;
      const auto n = ::send(client, bytes.data(), bytes.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) continue;
      if (n <= 0) return false;
      bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
  }

  void misbehave(int client, const std::string& target) {
    const std::string json_head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n";
    switch (fault_) {
      case Fault::reset_mid_body: {
        const std::string body_start = R"({"keys":[{"kty":"oct","k":"AAAA"},{"kty":)";
        if (!write(client, json_head + "Content-Length: 10000\r\n\r\n" + body_start)) return;
        body_bytes_sent_ += body_start.size();
        std::this_thread::sleep_for(50ms);  // let the client read what came so far
        const linger reset{1, 0};           // close with RST instead of FIN
        ::setsockopt(client, SOL_SOCKET, SO_LINGER, &reset, sizeof reset);
        return;
      }
      case Fault::headers_then_stall:
        if (write(client, json_head + "Content-Length: 10000\r\n\r\n"))
          test::wait_for_close(client, stop_);
        return;
      case Fault::two_gigabytes:
      case Fault::two_gigabytes_chunked: {
        const bool chunked = fault_ == Fault::two_gigabytes_chunked;
        if (!write(client,
                   json_head + (chunked ? "Transfer-Encoding: chunked\r\n\r\n"
                                        : "Content-Length: " + std::to_string(kTwoGigabytes) +
                                              "\r\n\r\n"))) {
          return;
        }
        // JSON whitespace, so that nothing but the size can stop the reader.
        const std::string block(std::size_t{1} << 16, ' ');
        const std::string chunk = chunked ? "10000\r\n" + block + "\r\n" : block;
        for (std::uint64_t sent = 0; sent < kTwoGigabytes; sent += block.size()) {
          if (!write(client, chunk)) return;
          body_bytes_sent_ += block.size();
        }
        if (chunked) write(client, "0\r\n\r\n");
        return;
      }
      case Fault::redirect_loop:
        write(client, "HTTP/1.1 302 Found\r\nLocation: " + target +
                          "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        return;
      default:
        return;
    }
  }

  Fault fault_;
  test::LoopbackListener listener_;
  std::atomic<bool> stop_{false};
  std::atomic<std::uint64_t> body_bytes_sent_{0};
  std::thread thread_;
};

// How a surface failed: its error type's name for the failure ("unavailable", ...) and all
// it says about it, or nothing when it did not fail.
struct Failure {
  std::string type;
  std::string text;
};

// One client of the network, asked once for what it fetches from `origin`.
struct Surface {
  std::string name;
  std::function<std::optional<Failure>(const std::string& origin, const HttpOptions& http)> ask;
  bool takes_ca_file = true;  ///< false: trusts the system's CAs only
};

std::optional<Failure> token_failure(const security::TokenError& error) {
  return Failure{std::string(security::to_string(error.check)),
                 error.message + " | " + error.internal};
}

const std::vector<Surface>& surfaces() {
  static const std::vector<Surface> all = {
      {"Jwks",
       [](const std::string& origin, const HttpOptions& http) -> std::optional<Failure> {
         auto keys = security::JwksSource::from_url(origin + "/jwks.json", {.http = http})->keys();
         if (keys) return std::nullopt;
         return token_failure(keys.errors());
       }},
      {"Discovery",
       [](const std::string& origin, const HttpOptions& http) -> std::optional<Failure> {
         auto metadata = security::discover(origin, http);
         if (metadata) return std::nullopt;
         return token_failure(metadata.errors());
       }},
      {"Introspection",
       [](const std::string& origin, const HttpOptions& http) -> std::optional<Failure> {
         const security::IntrospectionVerifier verifier({.endpoint = origin + "/introspect",
                                                         .client_id = "api",
                                                         .client_secret = "api-secret",
                                                         .http = http});
         auto identity = verifier.verify("an-opaque-token");
         if (identity) return std::nullopt;
         return token_failure(identity.errors());
       }},
      {"TokenEndpoint",
       [](const std::string& origin, const HttpOptions& http) -> std::optional<Failure> {
         auto client = oauth2::Client::from_endpoints(
             {.token_url = origin + "/token"},
             {.client_id = "service", .authentication = oauth2::ClientSecret{.secret = "s3cret"}},
             {.http = http});
         if (!client) return Failure{"client not made", client.errors().message};
         auto token = client->client_credentials();
         if (token) return std::nullopt;
         return Failure{std::string(oauth2::to_string(token.errors().kind)),
                        token.errors().message};
       }},
      {"RemoteRef",
       [](const std::string& origin, const HttpOptions& http) -> std::optional<Failure> {
         const std::string api = R"({"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
           "components": {"schemas": {"Pet": {"$ref": ")" +
                                 origin + R"(/schemas.json#/Pet"}}}})";
         const test::TempTree folder;
         auto document = load_text("api.json", api, folder.root(),
                                   {.allow_remote_refs = true,
                                    .remote_timeout = http.timeout,
                                    .max_remote_bytes = http.max_bytes});
         if (!document) return Failure{"not loaded", document.errors().front().message};
         if (document->problems().empty()) return std::nullopt;
         return Failure{document->problems().front().rule, document->problems().front().message};
       },
       false},
  };
  return all;
}

// Threads of this process now.
std::size_t thread_count() {
  std::size_t count = 0;
  for ([[maybe_unused]] const auto& entry :
       std::filesystem::directory_iterator("/proc/self/task")) {
    ++count;
  }
  return count;
}

// The TLS servers, one per certificate fault, made once for the suite: a CA the clients are
// told to trust (HttpOptions::ca_file) signs an expired certificate for 127.0.0.1 and a valid
// one for another host; the self-signed certificate names 127.0.0.1 but no CA signed it.
class TlsFaults {
 public:
  TlsFaults() {
    using test::openssl_ec_key;
    const auto& dir = folder_.root();
    folder_.write("ip.ext", "subjectAltName=IP:127.0.0.1\n");
    folder_.write("other-host.ext", "subjectAltName=DNS:elsewhere.example\n");
    const auto signed_by_ca = [&](const std::string& name, const std::string& days,
                                  const std::string& extensions) {
      return test::run_in(dir, "openssl req " + openssl_ec_key + " -keyout " + name + ".key -out " +
                                   name + ".csr -subj /CN=" + name) &&
             test::run_in(dir, "openssl x509 -req -in " + name +
                                   ".csr -CA ca.pem -CAkey ca.key -CAcreateserial -out " + name +
                                   ".pem -days " + days + " -extfile " + extensions);
    };
    made_ = test::run_in(dir, "openssl req -x509 " + openssl_ec_key +
                                  " -keyout ca.key -out ca.pem -days 2 -subj /CN=fault-ca") &&
            // -days -1: valid until a day before it was made.
            signed_by_ca("expired", "-1", "ip.ext") &&
            signed_by_ca("other", "2", "other-host.ext") &&
            test::run_in(dir, "openssl req -x509 " + openssl_ec_key +
                                  " -keyout self.key -out self.pem -days 2 -subj /CN=127.0.0.1"
                                  " -addext subjectAltName=IP:127.0.0.1");
    if (!made_) return;
    expired_ = std::make_unique<test::OpenSslServer>(dir, "expired.pem", "expired.key");
    wrong_host_ = std::make_unique<test::OpenSslServer>(dir, "other.pem", "other.key");
    self_signed_ = std::make_unique<test::OpenSslServer>(dir, "self.pem", "self.key");
  }

  [[nodiscard]] bool ready() const {
    return made_ && expired_->started() && wrong_host_->started() && self_signed_->started();
  }
  [[nodiscard]] std::string origin(Fault fault) const {
    const auto& server = fault == Fault::tls_expired      ? *expired_
                         : fault == Fault::tls_wrong_host ? *wrong_host_
                                                          : *self_signed_;
    return server.url("127.0.0.1", "");
  }
  [[nodiscard]] std::string ca_file() const { return (folder_.root() / "ca.pem").string(); }

 private:
  test::TempTree folder_;
  bool made_ = false;
  std::unique_ptr<test::OpenSslServer> expired_, wrong_host_, self_signed_;
};

// What the failure must say, in the words of curl or of oaskit, so that a person can tell
// the faults apart.
std::vector<std::string> words_for(Fault fault) {
  switch (fault) {
    case Fault::refused:
      return {"onnect"};
    case Fault::reset_mid_body:
      return {"reset", "closed", "ecv failure"};
    case Fault::headers_then_stall:
      return {"timed out", "Timeout"};
    case Fault::two_gigabytes:
    case Fault::two_gigabytes_chunked:
      return {"1048576", "larger", "limit", "exceed"};
    case Fault::redirect_loop:
      return {"redirect", "302"};
    case Fault::tls_expired:
      return {"expired"};
    case Fault::tls_wrong_host:
      return {"name", "host"};
    case Fault::tls_self_signed:
      return {"self-signed", "self signed"};
  }
  return {};
}

using Case = std::tuple<std::size_t, Fault>;  // surface index, fault

class NetworkFault : public ::testing::TestWithParam<Case> {
 protected:
  static void SetUpTestSuite() {
    tls_ = new TlsFaults();  // NOLINT(cppcoreguidelines-owning-memory)
  }
  static void TearDownTestSuite() {
    delete tls_;  // NOLINT(cppcoreguidelines-owning-memory)
    tls_ = nullptr;
  }
  static inline TlsFaults* tls_ = nullptr;
};

constexpr auto kTimeout = 2000ms;

TEST_P(NetworkFault, EndsInTheSurfacesErrorType_WithinItsTimeBound_LeavingNoThread) {
  const auto& [surface_index, fault] = GetParam();
  const Surface& surface = surfaces()[surface_index];
  if (is_tls(fault)) {
    ASSERT_TRUE(tls_->ready()) << "the TLS servers did not start";
  }

  HttpOptions http;
  http.timeout = kTimeout;
  if (is_tls(fault) && surface.takes_ca_file) http.ca_file = tls_->ca_file();

  const std::size_t threads_before = thread_count();
  std::optional<FaultServer> server;
  std::string origin;
  if (fault == Fault::refused) {
    const int port = test::free_port();
    ASSERT_NE(port, 0);
    origin = "http://127.0.0.1:" + std::to_string(port);
  } else if (is_tls(fault)) {
    origin = tls_->origin(fault);
  } else {
    server.emplace(fault);
    origin = server->origin();
  }

  const auto started = std::chrono::steady_clock::now();
  const auto failure = surface.ask(origin, http);
  const auto elapsed = std::chrono::steady_clock::now() - started;
  const auto sent = server ? server->body_bytes_sent() : 0;
  server.reset();

  ASSERT_TRUE(failure) << surface.name << " succeeded against " << name_of(fault);
  RecordProperty("error", failure->text);  // in --gtest_output=xml, to read what users see
  RecordProperty(
      "elapsed_ms",
      static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count()));
  if (surface.name == "RemoteRef") {
    EXPECT_EQ(failure->type, "ref-unresolved") << failure->text;
  } else if (surface.name == "TokenEndpoint" && fault == Fault::redirect_loop) {
    // A token request is a POST: it is never redirected, and a 302 is no token response.
    EXPECT_EQ(failure->type, "bad_response") << failure->text;
  } else {
    EXPECT_EQ(failure->type, "unavailable") << failure->text;
  }
  if (!(surface.name == "RemoteRef" && fault != Fault::tls_self_signed && is_tls(fault))) {
    const auto words = words_for(fault);
    EXPECT_TRUE(std::any_of(
        words.begin(), words.end(),
        [&](const std::string& word) { return failure->text.find(word) != std::string::npos; }))
        << "the error does not say what happened: " << failure->text;
  }

  // Silence ends at the timeout (plus what a busy machine adds); every other fault is seen
  // long before it.
  if (fault == Fault::headers_then_stall) {
    EXPECT_GE(elapsed, kTimeout - 100ms);
    EXPECT_LT(elapsed, kTimeout + 1500ms);
  } else {
    EXPECT_LT(elapsed, kTimeout) << failure->text;
  }
  // Of 2 GB, a client reads little more than its limit (1 MiB) before it hangs up; what the
  // kernel's socket buffers took is on top of that.
  EXPECT_LT(sent, std::uint64_t{64} << 20);
  EXPECT_EQ(thread_count(), threads_before) << "a thread was left running";
}

std::vector<Case> all_cases() {
  std::vector<Case> cases;
  for (std::size_t surface = 0; surface < surfaces().size(); ++surface) {
    for (const Fault fault :
         {Fault::refused, Fault::reset_mid_body, Fault::headers_then_stall, Fault::two_gigabytes,
          Fault::two_gigabytes_chunked, Fault::redirect_loop, Fault::tls_expired,
          Fault::tls_wrong_host, Fault::tls_self_signed}) {
      cases.emplace_back(surface, fault);
    }
  }
  return cases;
}

INSTANTIATE_TEST_SUITE_P(Everything, NetworkFault, ::testing::ValuesIn(all_cases()),
                         [](const ::testing::TestParamInfo<Case>& case_info) {
                           return surfaces()[std::get<0>(case_info.param)].name + "_" +
                                  name_of(std::get<1>(case_info.param));
                         });

}  // namespace
}  // namespace oaskit
