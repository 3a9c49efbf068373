// Outbound HTTPS against a real TLS server on 127.0.0.1: `openssl s_server` with a certificate
// from a CA made for the test. The CA named by HttpOptions::ca_file is trusted; a server whose
// certificate the trusted CAs did not sign, or whose certificate names another host, is
// refused: verification is always on.

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "http/client.hpp"
#include "oaskit/security/jwks.hpp"
#include "support/openssl_server.hpp"
#include "support/temp_tree.hpp"

namespace oaskit::security {
namespace {

using detail::HttpRequest;
using detail::send;

// Two CAs, a server certificate for IP 127.0.0.1 signed by the first, and `openssl s_server`
// serving the folder's files over TLS (-WWW) until the fixture ends.
class TlsServer : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    using test::openssl_ec_key;
    using test::run_in;
    folder_ = new test::TempTree();  // NOLINT(cppcoreguidelines-owning-memory)
    const auto& dir = folder_->root();
    ASSERT_TRUE(run_in(dir, "openssl req -x509 " + openssl_ec_key +
                                " -keyout ca.key -out ca.pem -days 2 -subj /CN=oaskit-test-ca"));
    ASSERT_TRUE(run_in(dir, "openssl req -x509 " + openssl_ec_key +
                                " -keyout other.key -out other-ca.pem -days 2 -subj /CN=other-ca"));
    ASSERT_TRUE(run_in(dir, "openssl req " + openssl_ec_key +
                                " -keyout server.key -out server.csr -subj /CN=127.0.0.1"));
    folder_->write("san.ext", "subjectAltName=IP:127.0.0.1\n");
    ASSERT_TRUE(run_in(dir,
                       "openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial "
                       "-out server.pem -days 2 -extfile san.ext"));
    folder_->write("jwks.json", R"({"keys":[{"kty":"EC","crv":"P-256","kid":"tls-1",)"
                                R"("x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",)"
                                R"("y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}]})");
    server_ = new test::OpenSslServer(dir, "server.pem", "server.key");  // NOLINT
    ASSERT_TRUE(server_->started()) << "openssl s_server did not start";
  }

  static void TearDownTestSuite() {
    delete server_;  // NOLINT(cppcoreguidelines-owning-memory)
    delete folder_;  // NOLINT(cppcoreguidelines-owning-memory)
  }

  static std::string url(const std::string& host, const std::string& path) {
    return server_->url(host, path);
  }
  static HttpOptions trusting(const std::string& ca) {
    HttpOptions options;
    options.ca_file = (folder_->root() / ca).string();
    options.timeout = std::chrono::milliseconds(5000);
    return options;
  }

  static inline test::TempTree* folder_ = nullptr;
  static inline test::OpenSslServer* server_ = nullptr;
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
