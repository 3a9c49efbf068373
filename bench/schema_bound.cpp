// How fast a validator of one schema can go over boost::json values when nothing is
// interpreted: openai's CreateModerationResponse checked by C++ written for it, the way a
// schema-to-C++ generator would write it (member names compared as constants, every check
// inline). It is the floor for any validator that takes a boost::json::value, and the
// measurement behind docs/schema.md's note on speed beside ajv on object schemas. It checks that
// it agrees with oaskit's validator on every instance before it is timed.
//
//   oaskit_schema_bound OPENAI_DOCUMENT INSTANCES.json SECONDS
//
// Output, like oaskit_schema_bench: {"valid": n, "invalid": n, "agrees": true,
//                                    "fast_per_s": ..., "oaskit_fast_per_s": ...}

#include <boost/json.hpp>

#include <array>
#include <iostream>
#include <string_view>

#include "oaskit/schema.hpp"
#include "schema_timing.hpp"

namespace {

namespace json = boost::json;

// The 13 moderation categories, by the index the checks below use.
int category(std::string_view k) {
  switch (k.size()) {
    case 4:
      return k == "hate" ? 0 : -1;
    case 16:
      return k == "hate/threatening"   ? 1
             : k == "self-harm/intent" ? 7
             : k == "violence/graphic" ? 12
                                       : -1;
    case 10:
      return k == "harassment" ? 2 : -1;
    case 22:
      return k == "harassment/threatening" ? 3 : k == "self-harm/instructions" ? 8 : -1;
    case 7:
      return k == "illicit" ? 4 : -1;
    case 15:
      return k == "illicit/violent" ? 5 : -1;
    case 9:
      return k == "self-harm" ? 6 : -1;
    case 6:
      return k == "sexual" ? 9 : -1;
    case 13:
      return k == "sexual/minors" ? 10 : -1;
    case 8:
      return k == "violence" ? 11 : -1;
    default:
      return -1;
  }
}
constexpr unsigned all_categories = (1U << 13) - 1;
// Categories whose applied input types may be "image" as well as "text".
constexpr std::array<bool, 13> takes_images = {false, false, false, false, false, false, true,
                                               true,  true,  true,  false, true,  true};

// Each member of an object of the 13 categories (all required) passes `check`.
template <class Check>
bool categories(const json::value& v, Check&& check) {
  if (!v.is_object()) return false;
  unsigned seen = 0;
  for (const auto& member : v.get_object()) {
    const int i = category(member.key());
    if (i < 0) continue;
    seen |= 1U << i;
    if (!check(i, member.value())) return false;
  }
  return seen == all_categories;
}

bool result(const json::value& v) {
  if (!v.is_object()) return false;
  unsigned seen = 0;
  for (const auto& member : v.get_object()) {
    const std::string_view k = member.key();
    const json::value& value = member.value();
    if (k == "flagged") {
      seen |= 1U;
      if (!value.is_bool()) return false;
    } else if (k == "categories") {
      seen |= 2U;
      if (!categories(value, [](int i, const json::value& x) {
            return x.is_bool() || ((i == 4 || i == 5) && x.is_null());  // illicit*: anyOf null
          })) {
        return false;
      }
    } else if (k == "category_scores") {
      seen |= 4U;
      if (!categories(value, [](int, const json::value& x) { return x.is_number(); })) {
        return false;
      }
    } else if (k == "category_applied_input_types") {
      seen |= 8U;
      if (!categories(value, [](int i, const json::value& x) {
            if (!x.is_array()) return false;
            for (const auto& item : x.get_array()) {
              if (!item.is_string()) return false;
              const std::string_view s = item.get_string();
              if (s != "text" && (!takes_images[static_cast<std::size_t>(i)] || s != "image")) {
                return false;
              }
            }
            return true;
          })) {
        return false;
      }
    }
  }
  return seen == 15U;
}

bool moderation_response(const json::value& v) {
  if (!v.is_object()) return false;
  unsigned seen = 0;
  for (const auto& member : v.get_object()) {
    const std::string_view k = member.key();
    if (k == "id" || k == "model") {
      seen |= k == "id" ? 1U : 2U;
      if (!member.value().is_string()) return false;
    } else if (k == "results") {
      seen |= 4U;
      if (!member.value().is_array()) return false;
      for (const auto& r : member.value().get_array()) {
        if (!result(r)) return false;
      }
    }
  }
  return seen == 7U;
}

}  // namespace

using oaskit::bench::per_second;
using oaskit::bench::read_json;

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: oaskit_schema_bound OPENAI_DOCUMENT INSTANCES.json SECONDS\n";
    return 2;
  }
  const auto document = read_json(argv[1]);
  const auto instances = read_json(argv[2]).as_array();
  const double seconds = std::stod(argv[3]);
  auto validator =
      oaskit::schema::Validator::compile(document, "/components/schemas/CreateModerationResponse");
  if (!validator) {
    std::cerr << "does not compile: " << validator.errors().front().msg << "\n";
    return 1;
  }
  std::size_t valid = 0;
  bool agrees = true;
  for (const auto& instance : instances) {
    const bool by_hand = moderation_response(instance);
    valid += by_hand ? 1 : 0;
    agrees = agrees && by_hand == validator->is_valid(instance);
  }
  std::size_t sink = 0;
  const double bound = per_second(seconds, instances.size(), [&] {
    for (const auto& instance : instances) sink += moderation_response(instance) ? 1 : 0;
  });
  const double oaskit = per_second(seconds, instances.size(), [&] {
    for (const auto& instance : instances) sink += validator->is_valid(instance) ? 1 : 0;
  });
  std::cout << json::serialize(json::object{{"valid", valid},
                                            {"invalid", instances.size() - valid},
                                            {"agrees", agrees},
                                            {"fast_per_s", bound},
                                            {"oaskit_fast_per_s", oaskit},
                                            {"sink", sink}})
            << "\n";
  return agrees ? 0 : 1;
}
