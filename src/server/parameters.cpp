#include "server/parameters.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <charconv>
#include <cmath>

#include "http/form.hpp"
#include "oaskit/models.hpp"
#include "server/media_type.hpp"
#include "util/ascii.hpp"

namespace oaskit::server::detail {

namespace {

std::string_view in_name(In in) {
  switch (in) {
    case In::path:
      return "path";
    case In::query:
      return "query";
    case In::header:
      return "header";
    case In::cookie:
      return "cookie";
  }
  return "query";
}

std::optional<double> number_of(const std::optional<Number>& n) {
  if (!n) return std::nullopt;
  return n->to_double();
}

Result<ValueRule, std::string> value_rule(const Schema& schema, const Extra& extra_of_30) {
  ValueRule rule;
  auto kind_of = [](SchemaType type) -> std::optional<ValueRule::Kind> {
    switch (type) {
      case SchemaType::integer:
        return ValueRule::Kind::integer;
      case SchemaType::number:
        return ValueRule::Kind::number;
      case SchemaType::boolean:
        return ValueRule::Kind::boolean;
      case SchemaType::string:
        return ValueRule::Kind::string;
      default:
        return std::nullopt;
    }
  };
  if (schema.type) {
    if (const auto* one = std::get_if<SchemaType>(&*schema.type)) {
      if (auto kind = kind_of(*one)) rule.kind = *kind;
    } else {
      for (const auto type : std::get<std::vector<SchemaType>>(*schema.type)) {
        if (type == SchemaType::null) rule.nullable = true;
        if (auto kind = kind_of(type); kind && rule.kind == ValueRule::Kind::any) rule.kind = *kind;
      }
    }
  }
  if (const auto* nullable = extra_of_30.if_contains("nullable");
      nullable != nullptr && nullable->is_bool()) {
    rule.nullable = nullable->get_bool();
  }
  if (schema.enum_) rule.allowed = *schema.enum_;
  if (schema.const_) rule.allowed = {*schema.const_};
  rule.minimum = number_of(schema.minimum);
  rule.maximum = number_of(schema.maximum);
  if (schema.exclusiveMinimum) {
    if (const auto* n = std::get_if<Number>(&*schema.exclusiveMinimum)) {
      rule.exclusive_minimum = n->to_double();
    } else if (std::get<bool>(*schema.exclusiveMinimum) && rule.minimum) {
      rule.exclusive_minimum = std::exchange(rule.minimum, std::nullopt);
    }
  }
  if (schema.exclusiveMaximum) {
    if (const auto* n = std::get_if<Number>(&*schema.exclusiveMaximum)) {
      rule.exclusive_maximum = n->to_double();
    } else if (std::get<bool>(*schema.exclusiveMaximum) && rule.maximum) {
      rule.exclusive_maximum = std::exchange(rule.maximum, std::nullopt);
    }
  }
  rule.min_length = schema.minLength;
  rule.max_length = schema.maxLength;
  if (schema.pattern) {
    try {
      rule.compiled_pattern.emplace(*schema.pattern, boost::regex::ECMAScript);
      rule.pattern = schema.pattern;
    } catch (const boost::regex_error& e) {
      return "its pattern '" + *schema.pattern + "' is not a regular expression: " + e.what();
    }
  }
  return rule;
}

}  // namespace

Result<ParameterRule, std::string> compile_parameter(const Parameter& parameter,
                                                     const Resolver& resolver) {
  ParameterRule rule;
  switch (parameter.in) {
    case ParameterInType::path:
      rule.in = In::path;
      break;
    case ParameterInType::query:
      rule.in = In::query;
      break;
    case ParameterInType::header:
      rule.in = In::header;
      break;
    case ParameterInType::cookie:
      rule.in = In::cookie;
      break;
  }
  rule.name = parameter.name;
  rule.required = parameter.required.value_or(rule.in == In::path);
  const bool form_default = rule.in == In::query || rule.in == In::cookie;
  rule.style = parameter.style.value_or(form_default ? "form" : "simple");
  rule.explode = parameter.explode.value_or(rule.style == "form");
  if (parameter.content && !parameter.content->empty()) {
    rule.json_content = is_json_media_type(parameter.content->begin()->first);
    return rule;  // the value is the text of that media type, checked by its schema later
  }
  if (!parameter.schema) return rule;
  auto schema = resolver.schema(*parameter.schema);
  if (!schema) return schema.errors();
  const Schema* value_schema = &*schema;
  Schema items;
  const bool is_array =
      schema->type && (std::holds_alternative<SchemaType>(*schema->type)
                           ? std::get<SchemaType>(*schema->type) == SchemaType::array
                           : std::ranges::count(std::get<std::vector<SchemaType>>(*schema->type),
                                                SchemaType::array) > 0);
  if (is_array) {
    rule.is_array = true;
    rule.min_items = schema->minItems;
    rule.max_items = schema->maxItems;
    if (schema->items) {
      const SchemaOrBool* item = nullptr;
      SchemaOrBool holder = true;
      if (const auto* one = std::get_if<Schema>(&*schema->items)) {
        holder = *one;
        item = &holder;
      } else if (const auto* list = std::get_if<std::vector<SchemaOrBool>>(&*schema->items);
                 list != nullptr && !list->empty()) {
        item = &list->front();
      }
      if (item != nullptr) {
        auto resolved = resolver.schema(*item);
        if (!resolved) return resolved.errors();
        items = std::move(*resolved);
      }
    }
    value_schema = &items;
  }
  auto value = value_rule(*value_schema, value_schema->extra);
  if (!value) return value.errors();
  rule.value = std::move(*value);
  if (schema->default_) rule.default_value = *schema->default_;
  return rule;
}

std::string_view style_read(const ParameterRule& rule) {
  const auto& style = rule.style;
  const bool query = rule.in == In::query;
  if (style == "simple" || style == "form" ||
      (query && (style == "spaceDelimited" || style == "pipeDelimited"))) {
    return style;
  }
  return query || rule.in == In::cookie ? "form" : "simple";
}

std::vector<std::pair<std::string, std::string>> parse_query(std::string_view query) {
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const auto& [name, value] : oaskit::detail::form_fields(query)) {
    auto decoded_name = oaskit::detail::percent_decode(name, true);
    auto decoded_value = oaskit::detail::percent_decode(value, true);
    pairs.emplace_back(decoded_name ? std::move(*decoded_name) : std::string(name),
                       decoded_value ? std::move(*decoded_value) : std::string(value));
  }
  return pairs;
}

namespace {

// Numbers in messages as the schema wrote them: 1, not 1.0.
std::string number_text(double n) {
  if (std::floor(n) == n && std::abs(n) < 1e15) return std::to_string(static_cast<long long>(n));
  return boost::json::serialize(boost::json::value(n));
}
boost::json::value number_value(double n) {
  if (std::floor(n) == n && std::abs(n) < 1e15) return static_cast<std::int64_t>(n);
  return n;
}

std::size_t code_points(std::string_view text) {
  std::size_t count = 0;
  for (const char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

std::vector<std::string> split_on(std::string_view text, char delimiter, bool trim) {
  std::vector<std::string> items;
  if (text.empty()) return items;
  for (;;) {
    const auto at = text.find(delimiter);
    const auto item = text.substr(0, at);
    items.emplace_back(trim ? oaskit::detail::trimmed(item) : item);
    if (at == std::string_view::npos) return items;
    text = text.substr(at + 1);
  }
}

class Checker {
 public:
  Checker(const ParameterRule& rule, std::vector<ValidationError>& errors)
      : rule_(rule), errors_(errors) {}

  // The converted value of `text`, or null after reporting why it is not one.
  boost::json::value convert(const std::string& text, const Path& loc) {
    const auto& rule = rule_.value;
    boost::json::value value;
    switch (rule.kind) {
      case ValueRule::Kind::integer: {
        std::int64_t n = 0;
        const auto* end = text.data() + text.size();
        const auto* begin = text.data() + (text.starts_with('+') ? 1 : 0);
        auto [ptr, ec] = std::from_chars(begin, end, n);
        if (text.empty() || ec != std::errc{} || ptr != end) {
          fail("int_parsing",
               "Input should be a valid integer, unable to parse string as an integer", loc,
               boost::json::string(text));
          return nullptr;
        }
        value = n;
        break;
      }
      case ValueRule::Kind::number: {
        double n = 0;
        const auto* end = text.data() + text.size();
        const auto* begin = text.data() + (text.starts_with('+') ? 1 : 0);
        auto [ptr, ec] = std::from_chars(begin, end, n);
        if (text.empty() || ec != std::errc{} || ptr != end || !std::isfinite(n)) {
          fail("float_parsing",
               "Input should be a valid number, unable to parse string as a number", loc,
               boost::json::string(text));
          return nullptr;
        }
        value = n;
        break;
      }
      case ValueRule::Kind::boolean: {
        // pydantic's words for true and false, in any case
        static constexpr std::string_view yes[] = {"true", "1", "yes", "on", "t", "y"};
        static constexpr std::string_view no[] = {"false", "0", "no", "off", "f", "n"};
        auto is_one_of = [&](const auto& words) {
          return std::ranges::any_of(words, [&](std::string_view w) {
            return oaskit::detail::equals_ignoring_ascii_case(w, text);
          });
        };
        if (is_one_of(yes)) {
          value = true;
        } else if (is_one_of(no)) {
          value = false;
        } else {
          fail("bool_parsing", "Input should be a valid boolean, unable to interpret input", loc,
               boost::json::string(text));
          return nullptr;
        }
        break;
      }
      case ValueRule::Kind::string:
      case ValueRule::Kind::any:
        value = boost::json::string(text);
        break;
    }
    return check(std::move(value), loc, text) ? value : boost::json::value(nullptr);
  }

  void fail(std::string type, std::string msg, const Path& loc, boost::json::value input,
            boost::json::object ctx = {}) {
    errors_.push_back(ValidationError{.type = std::move(type),
                                      .loc = loc,
                                      .msg = std::move(msg),
                                      .input = std::move(input),
                                      .ctx = std::move(ctx)});
  }

 private:
  bool check(const boost::json::value& value, const Path& loc, const std::string& text) {
    const auto& rule = rule_.value;
    const std::size_t before = errors_.size();
    if (!rule.allowed.empty() &&
        std::ranges::none_of(rule.allowed, [&](const boost::json::value& allowed) {
          if (allowed.is_number() && value.is_number()) {
            return allowed.to_number<double>() == value.to_number<double>();
          }
          return allowed == value;
        })) {
      std::string expected;
      for (std::size_t i = 0; i < rule.allowed.size(); ++i) {
        if (i > 0) expected += i + 1 == rule.allowed.size() ? " or " : ", ";
        const auto& a = rule.allowed[i];
        expected +=
            a.is_string() ? "'" + std::string(a.get_string()) + "'" : boost::json::serialize(a);
      }
      fail("enum", "Input should be " + expected, loc, boost::json::string(text),
           {{"expected", expected}});
    }
    if (value.is_number()) {
      const double n = value.to_number<double>();
      auto bound = [&](const std::optional<double>& limit, bool ok, const char* type,
                       const char* words, const char* key) {
        if (limit && !ok) {
          fail(type, std::string("Input should be ") + words + " " + number_text(*limit), loc,
               boost::json::string(text), {{key, number_value(*limit)}});
        }
      };
      bound(rule.minimum, !rule.minimum || n >= *rule.minimum, "greater_than_equal",
            "greater than or equal to", "ge");
      bound(rule.exclusive_minimum, !rule.exclusive_minimum || n > *rule.exclusive_minimum,
            "greater_than", "greater than", "gt");
      bound(rule.maximum, !rule.maximum || n <= *rule.maximum, "less_than_equal",
            "less than or equal to", "le");
      bound(rule.exclusive_maximum, !rule.exclusive_maximum || n < *rule.exclusive_maximum,
            "less_than", "less than", "lt");
    }
    if (value.is_string()) {
      const auto length = static_cast<std::int64_t>(code_points(text));
      auto plural = [](std::int64_t n) { return n == 1 ? " character" : " characters"; };
      if (rule.min_length && length < *rule.min_length) {
        fail("string_too_short",
             "String should have at least " + std::to_string(*rule.min_length) +
                 plural(*rule.min_length),
             loc, boost::json::string(text), {{"min_length", *rule.min_length}});
      }
      if (rule.max_length && length > *rule.max_length) {
        fail("string_too_long",
             "String should have at most " + std::to_string(*rule.max_length) +
                 plural(*rule.max_length),
             loc, boost::json::string(text), {{"max_length", *rule.max_length}});
      }
      if (rule.compiled_pattern) {
        bool matched = false;
        try {
          matched = boost::regex_search(text, *rule.compiled_pattern);
        } catch (const std::runtime_error&) {  // too complex to decide: refuse, never guess
          matched = false;
        }
        if (!matched) {
          fail("string_pattern_mismatch", "String should match pattern '" + *rule.pattern + "'",
               loc, boost::json::string(text), {{"pattern", *rule.pattern}});
        }
      }
    }
    return errors_.size() == before;
  }

  const ParameterRule& rule_;
  std::vector<ValidationError>& errors_;
};

// The raw text(s) of a rule's value in the request; nullopt when absent.
std::optional<std::vector<std::string>> raw_values(const ParameterRule& rule,
                                                   const RawParameters& raw) {
  std::vector<std::string> found;
  switch (rule.in) {
    case In::path:
      for (const auto& [name, value] : raw.path)
        if (name == rule.name) found.push_back(value);
      break;
    case In::query:
      for (const auto& [name, value] : raw.query)
        if (name == rule.name) found.push_back(value);
      break;
    case In::header: {
      auto values = raw.view->header_values(rule.name);
      if (!values.empty()) {
        std::string joined;  // RFC 9110 §5.3: repeated fields are one comma-separated list
        for (const auto v : values) joined += (joined.empty() ? "" : ", ") + std::string(v);
        found.push_back(std::move(joined));
      }
      break;
    }
    case In::cookie:
      if (auto value = raw.view->cookie(rule.name)) found.push_back(std::move(*value));
      break;
  }
  if (found.empty()) return std::nullopt;
  return found;
}

}  // namespace

void read_parameters(const std::vector<ParameterRule>& rules, const RawParameters& raw,
                     std::vector<Request::Parameter>& values,
                     std::vector<ValidationError>& errors) {
  for (const auto& rule : rules) {
    Request::Parameter value{.in = rule.in, .name = rule.name, .value = nullptr, .present = false};
    const Path loc{std::string(in_name(rule.in)), rule.name};
    auto texts = raw_values(rule, raw);
    Checker checker(rule, errors);
    if (!texts) {
      if (rule.required) {
        checker.fail("missing", "Field required", loc, nullptr);
      } else if (rule.default_value) {
        value.value = *rule.default_value;
      }
      values.push_back(std::move(value));
      continue;
    }
    value.present = true;
    if (rule.json_content) {
      boost::system::error_code ec;
      auto parsed = boost::json::parse(texts->back(), ec);
      if (ec) {
        checker.fail("json_invalid", "Invalid JSON: " + ec.message(), loc,
                     boost::json::string(texts->back()));
      } else {
        value.value = std::move(parsed);
      }
    } else if (rule.is_array) {
      std::vector<std::string> items;
      const bool header = rule.in == In::header;
      const auto style = style_read(rule);
      if (rule.in == In::query && rule.explode && style != "simple") {
        items = std::move(*texts);
      } else {
        const char delimiter = style == "spaceDelimited"  ? ' '
                               : style == "pipeDelimited" ? '|'
                                                          : ',';
        items = split_on(texts->back(), delimiter, header);
      }
      boost::json::array array;
      for (std::size_t i = 0; i < items.size(); ++i) {
        Path item_loc = loc;
        item_loc.emplace_back(i);
        array.push_back(checker.convert(items[i], item_loc));
      }
      const auto count = static_cast<std::int64_t>(items.size());
      auto list_input = [&] {
        boost::json::array input;
        for (const auto& item : items) input.emplace_back(item);
        return input;
      };
      auto plural = [](std::int64_t n) { return n == 1 ? " item" : " items"; };
      if (rule.min_items && count < *rule.min_items) {
        checker.fail(
            "too_short",
            "List should have at least " + std::to_string(*rule.min_items) +
                plural(*rule.min_items) + " after validation, not " + std::to_string(count),
            loc, list_input(),
            {{"field_type", "List"}, {"min_length", *rule.min_items}, {"actual_length", count}});
      }
      if (rule.max_items && count > *rule.max_items) {
        checker.fail(
            "too_long",
            "List should have at most " + std::to_string(*rule.max_items) +
                plural(*rule.max_items) + " after validation, not " + std::to_string(count),
            loc, list_input(),
            {{"field_type", "List"}, {"max_length", *rule.max_items}, {"actual_length", count}});
      }
      value.value = std::move(array);
    } else {
      // Repeated query parameters: the last wins, as in FastAPI.
      value.value = checker.convert(texts->back(), loc);
    }
    values.push_back(std::move(value));
  }
}

}  // namespace oaskit::server::detail
