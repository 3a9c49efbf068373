#pragma once
// Keys for the jose tests, made by the openssl command once per test process (and kind), so
// what we read is what the CLI writes.

#include <gtest/gtest.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <array>
#include <boost/json/object.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "oaskit/jose.hpp"
#include "support/temp_tree.hpp"

namespace oaskit::jose::test {

struct CommandOutput {
  int exit_code = -1;
  std::string output;  // stdout and stderr
};

/// Where the keys and other files of this test process go.
inline const std::filesystem::path& keys_folder() {
  static const oaskit::test::TempTree folder;
  return folder.root();
}

/// Runs `command` in a shell, in the keys' folder.
inline CommandOutput run_command(const std::string& command) {
  const std::string full = "cd '" + keys_folder().string() + "' && " + command + " 2>&1";
  CommandOutput result;
  FILE* pipe = ::popen(full.c_str(), "r");
  if (pipe == nullptr) return result;
  std::array<char, 4096> buffer{};
  std::size_t got = 0;
  while ((got = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) {
    result.output.append(buffer.data(), got);
  }
  const int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

/// Runs `openssl args`; a test failure (with its output) when it fails.
inline std::string openssl(const std::string& args) {
  auto result = run_command("openssl " + args);
  EXPECT_EQ(result.exit_code, 0) << "openssl " << args << "\n" << result.output;
  return result.output;
}

/// The bytes of a file in the keys' folder.
inline std::string read_file(const std::string& name) {
  std::ifstream in(keys_folder() / name, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// The genpkey options for a kind of key: "RSA", "RSA1024", "P-256", "P-384", "P-521",
/// "secp256k1", "Ed25519", "Ed448".
inline std::string genpkey_options(std::string_view kind) {
  if (kind == "RSA") return "-algorithm RSA -pkeyopt rsa_keygen_bits:2048";
  if (kind == "RSA1024") return "-algorithm RSA -pkeyopt rsa_keygen_bits:1024";
  if (kind == "Ed25519") return "-algorithm ED25519";
  if (kind == "Ed448") return "-algorithm ED448";
  return "-algorithm EC -pkeyopt ec_paramgen_curve:" + std::string(kind);
}

/// The file name of a PKCS#8 private key of `kind`, made on first use.
inline std::string private_key_file(std::string_view kind) {
  static std::mutex mutex;
  static std::map<std::string, std::string, std::less<>> made;
  std::lock_guard lock(mutex);
  if (auto found = made.find(kind); found != made.end()) return found->second;
  const std::string file = std::string(kind) + ".key.pem";
  openssl("genpkey " + genpkey_options(kind) + " -out " + file);
  made.emplace(std::string(kind), file);
  return file;
}

inline std::string private_pem(std::string_view kind) { return read_file(private_key_file(kind)); }

/// The public key of `kind` as `openssl pkey -pubout` writes it.
inline std::string public_pem(std::string_view kind) {
  const std::string file = std::string(kind) + ".pub.pem";
  if (!std::filesystem::exists(keys_folder() / file)) {
    openssl("pkey -pubout -in " + private_key_file(kind) + " -out " + file);
  }
  return read_file(file);
}

/// A Key from `openssl genpkey` output; a test failure when it does not load.
inline Key private_key(std::string_view kind) {
  auto key = Key::from_pem(private_pem(kind));
  EXPECT_TRUE(key) << kind << ": " << key.errors().message;
  if (!key) std::abort();
  return *key;
}

inline Key public_key(std::string_view kind) {
  auto key = Key::from_pem(public_pem(kind));
  EXPECT_TRUE(key) << kind << ": " << key.errors().message;
  if (!key) std::abort();
  return *key;
}

/// The JWK of a key of `kind` (with its private members when `with_private`), its members
/// taken from OpenSSL's view of the PEM, independently of oaskit.
inline boost::json::object openssl_jwk(std::string_view kind, bool with_private) {
  const std::string pem = private_pem(kind);
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(pem.data(), int(pem.size())),
                                                BIO_free);
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> pkey(
      PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr), EVP_PKEY_free);
  auto bignum = [&](const char* name, int size = 0) {
    BIGNUM* bn = nullptr;
    EXPECT_EQ(EVP_PKEY_get_bn_param(pkey.get(), name, &bn), 1) << name;
    std::string bytes(size != 0 ? size : BN_num_bytes(bn), '\0');
    BN_bn2binpad(bn, reinterpret_cast<unsigned char*>(bytes.data()), int(bytes.size()));
    BN_free(bn);
    return base64url_encode(bytes);
  };
  boost::json::object jwk;
  if (kind.starts_with("RSA")) {
    jwk = {
        {"kty", "RSA"}, {"n", bignum(OSSL_PKEY_PARAM_RSA_N)}, {"e", bignum(OSSL_PKEY_PARAM_RSA_E)}};
    if (!with_private) return jwk;
    jwk["d"] = bignum(OSSL_PKEY_PARAM_RSA_D);
    jwk["p"] = bignum(OSSL_PKEY_PARAM_RSA_FACTOR1);
    jwk["q"] = bignum(OSSL_PKEY_PARAM_RSA_FACTOR2);
    jwk["dp"] = bignum(OSSL_PKEY_PARAM_RSA_EXPONENT1);
    jwk["dq"] = bignum(OSSL_PKEY_PARAM_RSA_EXPONENT2);
    jwk["qi"] = bignum(OSSL_PKEY_PARAM_RSA_COEFFICIENT1);
  } else if (kind == "Ed25519") {
    std::string x(32, '\0'), d(32, '\0');
    std::size_t size = 32;
    EVP_PKEY_get_raw_public_key(pkey.get(), reinterpret_cast<unsigned char*>(x.data()), &size);
    jwk = {{"kty", "OKP"}, {"crv", "Ed25519"}, {"x", base64url_encode(x)}};
    if (!with_private) return jwk;
    EVP_PKEY_get_raw_private_key(pkey.get(), reinterpret_cast<unsigned char*>(d.data()), &size);
    jwk["d"] = base64url_encode(d);
  } else {
    const int size = kind == "P-256" ? 32 : kind == "P-384" ? 48 : 66;
    jwk = {{"kty", "EC"},
           {"crv", kind},
           {"x", bignum(OSSL_PKEY_PARAM_EC_PUB_X, size)},
           {"y", bignum(OSSL_PKEY_PARAM_EC_PUB_Y, size)}};
    if (!with_private) return jwk;
    jwk["d"] = bignum(OSSL_PKEY_PARAM_PRIV_KEY, size);
  }
  return jwk;
}

inline boost::json::object public_jwk(std::string_view kind) { return openssl_jwk(kind, false); }
inline boost::json::object private_jwk(std::string_view kind) { return openssl_jwk(kind, true); }

/// An algorithm's name, for the names of parameterised tests.
inline std::string algorithm_name(const ::testing::TestParamInfo<Algorithm>& param) {
  return std::string(to_string(param.param));
}

/// The key kind that signs `alg`.
inline std::string_view kind_for(Algorithm alg) {
  switch (alg) {
    case Algorithm::ES256:
      return "P-256";
    case Algorithm::ES384:
      return "P-384";
    case Algorithm::ES512:
      return "P-521";
    case Algorithm::EdDSA:
      return "Ed25519";
    default:
      return "RSA";
  }
}

/// A 64-byte HMAC secret (fits every HS algorithm).
inline Key test_secret() { return *Key::hmac_secret(std::string(64, 's'), std::string("hmac-1")); }

/// The key that signs `alg` in the tests: a private key or the test secret.
inline Key signing_key(Algorithm alg) {
  return is_hmac(alg) ? test_secret() : private_key(kind_for(alg));
}

}  // namespace oaskit::jose::test
