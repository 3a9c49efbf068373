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

  template <class Self = Contact>
  static constexpr auto fields() {
    return std::tuple{field("name", &Self::name), field("url", &Self::url, check::Url{}),
                      field("email", &Self::email, check::Email{})};
  }
  friend bool operator==(const Contact&, const Contact&) = default;
};

/// The API's licence: a name, and an SPDX `identifier` or a `url`.
struct License {
  std::string name{};
  std::optional<std::string> identifier{};
  std::optional<std::string> url{};  // an absolute URL, kept as written
  Extra extra{};

  template <class Self = License>
  static constexpr auto fields() {
    return std::tuple{field("name", &Self::name),
                      field("identifier", &Self::identifier).since(SpecVersion::v3_1),
                      field("url", &Self::url, check::Url{})};
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

  template <class Self = Info>
  static constexpr auto fields() {
    return std::tuple{field("title", &Self::title),
                      field("summary", &Self::summary).since(SpecVersion::v3_1),
                      field("description", &Self::description),
                      field("termsOfService", &Self::termsOfService),
                      field("contact", &Self::contact),
                      field("license", &Self::license),
                      field("version", &Self::version)};
  }
  friend bool operator==(const Info&, const Info&) = default;
};

}  // namespace oaskit
