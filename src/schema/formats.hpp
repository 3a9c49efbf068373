#pragma once
// `format` as an assertion (CompileOptions::format_assertion, or the format-assertion
// vocabulary): each format checked as its RFC defines it.

#include <optional>
#include <string_view>

namespace oaskit::schema::detail {

enum class Format {
  date_time,              // RFC 3339 date-time (leap seconds at 23:59:60 UTC only)
  date,                   // RFC 3339 full-date
  time,                   // RFC 3339 full-time (offset required)
  duration,               // RFC 3339 Appendix A
  email,                  // RFC 5321 Mailbox
  idn_email,              // RFC 6531
  hostname,               // RFC 1123
  idn_hostname,           // RFC 5890
  ipv4,                   // RFC 2673 dotted-quad, no leading zeros
  ipv6,                   // RFC 4291
  uri,                    // RFC 3986 absolute URI
  uri_reference,          // RFC 3986 URI-reference
  iri,                    // RFC 3987
  iri_reference,          // RFC 3987
  uuid,                   // RFC 4122
  uri_template,           // RFC 6570
  json_pointer,           // RFC 6901
  relative_json_pointer,  // draft-handrews-relative-json-pointer
  regex,                  // ECMA-262
};

/// The format named `name`; nullopt for a name JSON Schema does not define (which asserts
/// nothing, as the specification says).
std::optional<Format> format_from_name(std::string_view name);

/// True when `text` is a valid `format`.
bool is_valid_format(Format format, std::string_view text);

}  // namespace oaskit::schema::detail
