#pragma once
/// The Info Object and its Contact and License.

#include <optional>
#include <string>
#include <tuple>

#include "oaskit/any.hpp"
#include "oaskit/field.hpp"

namespace oaskit {

/// Who to contact about the API.
struct Contact {
  std::optional<std::string> name{};
  std::optional<std::string> url{};    // an absolute URL, kept as written
  std::optional<std::string> email{};  // an e-mail address
  Extra extra{};

  static constexpr auto fields() {
    return std::tuple{field("name", &Contact::name), field("url", &Contact::url, check::Url{}),
                      field("email", &Contact::email, check::Email{})};
  }
  friend bool operator==(const Contact&, const Contact&) = default;
};

/// The API's licence: a name, and an SPDX `identifier` or a `url`.
struct License {
  std::string name{};
  std::optional<std::string> identifier{};
  std::optional<std::string> url{};  // an absolute URL, kept as written
  Extra extra{};

  static constexpr auto fields() {
    return std::tuple{field("name", &License::name), field("identifier", &License::identifier),
                      field("url", &License::url, check::Url{})};
  }
  friend bool operator==(const License&, const License&) = default;
};

/// Metadata about the API.
struct Info {
  std::string title{};
  std::optional<std::string> summary{};
  std::optional<std::string> description{};
  std::optional<std::string> termsOfService{};
  std::optional<Contact> contact{};
  std::optional<License> license{};
  std::string version{};
  Extra extra{};

  static constexpr auto fields() {
    return std::tuple{field("title", &Info::title),
                      field("summary", &Info::summary),
                      field("description", &Info::description),
                      field("termsOfService", &Info::termsOfService),
                      field("contact", &Info::contact),
                      field("license", &Info::license),
                      field("version", &Info::version)};
  }
  friend bool operator==(const Info&, const Info&) = default;
};

}  // namespace oaskit
