// Outbound HTTPS against a real TLS server on 127.0.0.1: `openssl s_server` with a certificate
// from a CA made for the test. The CA named by HttpOptions::ca_file is trusted; a server whose
// certificate the trusted CAs did not sign, or whose certificate names another host, is
// refused: verification is always on.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <array>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <string>
#include <thread>

#include "http/client.hpp"
#include "oaskit/security/jwks.hpp"
#include "support/temp_tree.hpp"

namespace oaskit::security {
namespace {

using detail::HttpRequest;
using detail::send;

// Runs `command` in a shell in `folder`; true when it exits 0.
bool run(const std::filesystem::path& folder, const std::string& command) {
  const std::string full = "cd '" + folder.string() + "' && " + command + " >/dev/null 2>&1";
  return std::system(full.c_str()) == 0;  // NOLINT(cert-env33-c): fixed test commands
}

// A port on 127.0.0.1 that was free a moment ago.
int free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t size = sizeof address;
  const bool found = ::bind(fd, reinterpret_cast<sockaddr*>(&address), size) == 0 &&
                     ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) == 0;
  ::close(fd);
  return found ? ntohs(address.sin_port) : 0;
}

bool accepts_connections(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  const bool connected = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  ::close(fd);
  return connected;
}

// Two CAs, a server certificate for IP 127.0.0.1 signed by the first, and `openssl s_server`
// serving the folder's files over TLS (-WWW) until the fixture ends.
class TlsServer : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    folder_ = new oaskit::test::TempTree();  // NOLINT(cppcoreguidelines-owning-memory)
    const auto& dir = folder_->root();
    const std::string ec_key = "-newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes";
    ASSERT_TRUE(run(dir, "openssl req -x509 " + ec_key +
                             " -keyout ca.key -out ca.pem -days 2 -subj /CN=oaskit-test-ca"));
    ASSERT_TRUE(run(dir, "openssl req -x509 " + ec_key +
                             " -keyout other.key -out other-ca.pem -days 2 -subj /CN=other-ca"));
    ASSERT_TRUE(run(
        dir, "openssl req " + ec_key + " -keyout server.key -out server.csr -subj /CN=127.0.0.1"));
    folder_->write("san.ext", "subjectAltName=IP:127.0.0.1\n");
    ASSERT_TRUE(run(dir,
                    "openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial "
                    "-out server.pem -days 2 -extfile san.ext"));
    folder_->write("jwks.json", R"({"keys":[{"kty":"EC","crv":"P-256","kid":"tls-1",)"
                                R"("x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",)"
                                R"("y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}]})");
    port_ = free_port();
    ASSERT_NE(port_, 0) << "no free port on 127.0.0.1";
    const std::string command =
        "cd '" + dir.string() +
        "' && exec openssl s_server -quiet -WWW -accept 127.0.0.1:" + std::to_string(port_) +
        " -cert server.pem -key server.key";
    const std::array<const char*, 4> argv{"/bin/sh", "-c", command.c_str(), nullptr};
    ASSERT_EQ(::posix_spawn(&server_, "/bin/sh", nullptr, nullptr,
                            const_cast<char* const*>(argv.data()), environ),
              0);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!accepts_connections(port_) && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ASSERT_TRUE(accepts_connections(port_)) << "openssl s_server did not start";
  }

  static void TearDownTestSuite() {
    if (server_ > 0) {
      ::kill(server_, SIGTERM);
      ::waitpid(server_, nullptr, 0);
    }
    delete folder_;  // NOLINT(cppcoreguidelines-owning-memory)
  }

  static std::string url(const std::string& host, const std::string& path) {
    return "https://" + host + ":" + std::to_string(port_) + path;
  }
  static HttpOptions trusting(const std::string& ca) {
    HttpOptions options;
    options.ca_file = (folder_->root() / ca).string();
    options.timeout = std::chrono::milliseconds(5000);
    return options;
  }

  static inline oaskit::test::TempTree* folder_ = nullptr;
  static inline pid_t server_ = 0;
  static inline int port_ = 0;
};

TEST_F(TlsServer, CaFileThatSignedTheServer_IsTrusted) {
  const auto response =
      send(HttpRequest{.url = url("127.0.0.1", "/jwks.json")}, trusting("ca.pem"));
  ASSERT_TRUE(response) << response.errors().message;
  EXPECT_EQ(response->status, 200);
  EXPECT_NE(response->body.find("\"tls-1\""), std::string::npos);
}

TEST_F(TlsServer, WithoutTheCaFile_TheServerIsRefused) {
  HttpOptions system_cas;
  system_cas.timeout = std::chrono::milliseconds(5000);
  const auto response = send(HttpRequest{.url = url("127.0.0.1", "/jwks.json")}, system_cas);
  ASSERT_FALSE(response) << "a certificate no trusted CA signed was accepted";
  EXPECT_FALSE(response.errors().message.empty());
}

TEST_F(TlsServer, AnotherCa_IsNotEnough) {
  const auto response =
      send(HttpRequest{.url = url("127.0.0.1", "/jwks.json")}, trusting("other-ca.pem"));
  ASSERT_FALSE(response) << "a certificate from another CA was accepted";
}

TEST_F(TlsServer, HostTheCertificateDoesNotName_IsRefused) {
  // The certificate names IP 127.0.0.1 only; "localhost" reaches the same server.
  const auto response =
      send(HttpRequest{.url = url("localhost", "/jwks.json")}, trusting("ca.pem"));
  ASSERT_FALSE(response) << "a certificate for another host was accepted";
}

TEST_F(TlsServer, JwksOverHttps_LoadsWithTheCaFile) {
  JwksSourceOptions options;
  options.http = trusting("ca.pem");
  const auto source = JwksSource::from_url(url("127.0.0.1", "/jwks.json"), options);
  const auto keys = source->keys();
  ASSERT_TRUE(keys) << keys.errors().message << " " << keys.errors().internal;
  EXPECT_TRUE((*keys)->has_kid("tls-1"));

  JwksSourceOptions untrusting;
  untrusting.http.timeout = std::chrono::milliseconds(5000);
  const auto refused = JwksSource::from_url(url("127.0.0.1", "/jwks.json"), untrusting)->keys();
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.errors().check, TokenCheck::unavailable);
}

}  // namespace
}  // namespace oaskit::security
