#include "server/parameters.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <charconv>
#include <cmath>

#include "http/form.hpp"
#include "oaskit/diagnostic.hpp"
#include "oaskit/json.hpp"
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
    case In::querystring:
      return "querystring";
  }
  return "query";
}

}  // namespace

ValueRule value_rule_of(const Schema& schema) {
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
        if (auto kind = kind_of(type); kind && rule.kind == ValueRule::Kind::any) rule.kind = *kind;
      }
    }
  }
  return rule;
}

Result<ParameterRule, std::string> compile_parameter(const Parameter& parameter,
                                                     std::string_view pointer,
                                                     const Resolver& resolver,
                                                     const SchemaCompiler& compile_schema) {
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
    case ParameterInType::querystring:
      rule.in = In::querystring;
      break;
  }
  rule.name = parameter.name;
  rule.required = parameter.required.value_or(rule.in == In::path);
  const bool form_default = rule.in == In::query || rule.in == In::cookie;
  rule.style = parameter.style.value_or(form_default ? "form" : "simple");
  rule.explode = parameter.explode.value_or(rule.style == "form");
  if (parameter.content && !parameter.content->empty()) {
    const auto& [media_type, media] = *parameter.content->begin();
    rule.json_content = is_json_media_type(media_type);
    // A whole query string is often a form (3.2 §4.12.2.4): its fields convert as its schema's
    // properties say, as a form body's do.
    rule.form_content = rule.in == In::querystring &&
                        media_type_of(media_type) == "application/x-www-form-urlencoded";
    if (rule.form_content && media.schema)
      rule.form_fields = form_fields_of(*media.schema, resolver);
    if ((rule.json_content || rule.form_content) && media.schema) {
      std::string at = std::string(pointer) + "/content";
      append_json_pointer_token(at, media_type);
      rule.validator = compile_schema(at + "/schema");
    }
    return rule;
  }
  if (!parameter.schema) return rule;
  auto schema = resolver.schema(*parameter.schema);
  if (!schema) return schema.errors();
  rule.validator = compile_schema(std::string(pointer) + "/schema");
  const Schema* value_schema = &*schema;
  Schema items;
  const bool is_array =
      schema->type && (std::holds_alternative<SchemaType>(*schema->type)
                           ? std::get<SchemaType>(*schema->type) == SchemaType::array
                           : std::ranges::count(std::get<std::vector<SchemaType>>(*schema->type),
                                                SchemaType::array) > 0);
  if (is_array) {
    rule.is_array = true;
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
  rule.value = value_rule_of(*value_schema);
  if (schema->default_) rule.default_value = *schema->default_;
  return rule;
}

void add_schema_errors(const schema::Validator& validator,
                       std::span<const schema::ValidationError> errors,
                       const boost::json::value& value, const Path& prefix,
                       const std::vector<std::string>* raw, std::vector<ValidationError>& out) {
  const auto detail = validator.pydantic_errors(errors, value, to_json_array(prefix));
  for (std::size_t i = 0; i < detail.size(); ++i) {
    const auto& item = detail[i].get_object();
    ValidationError error{.type = std::string(item.at("type").get_string()),
                          .loc = {},
                          .msg = std::string(item.at("msg").get_string()),
                          .input = item.at("input"),
                          .ctx = {}};
    for (const auto& step : item.at("loc").get_array()) {
      if (step.is_string()) {
        error.loc.emplace_back(std::string(step.get_string()));
      } else {
        error.loc.emplace_back(static_cast<std::size_t>(
            step.is_uint64() ? step.get_uint64() : static_cast<std::uint64_t>(step.get_int64())));
      }
    }
    if (const auto* ctx = item.if_contains("ctx")) error.ctx = ctx->get_object();
    // The text as the request carried it, as FastAPI shows a parameter's input.
    if (raw != nullptr && errors[i].missing_property.empty()) {
      const std::string_view at = errors[i].instance_location;
      if (at.empty() && !value.is_array() && !raw->empty()) {
        error.input = boost::json::string(raw->back());
      } else if (value.is_array() && !at.empty() && at.find('/', 1) == std::string_view::npos) {
        std::size_t index = 0;
        std::from_chars(at.data() + 1, at.data() + at.size(), index);
        if (index < raw->size()) error.input = boost::json::string((*raw)[index]);
      } else if (at.empty() && value.is_array()) {
        boost::json::array texts;
        for (const auto& text : *raw) texts.emplace_back(text);
        error.input = std::move(texts);
      }
    }
    out.push_back(std::move(error));
  }
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

FormFields form_fields_of(const SchemaOrBool& schema, const Resolver& resolver) {
  FormFields fields;
  auto resolved = resolver.schema(schema);
  if (!resolved || !resolved->properties) return fields;
  for (const auto& [name, property] : *resolved->properties) {
    if (auto p = resolver.schema(property)) fields[name] = value_rule_of(*p);
  }
  return fields;
}

boost::json::value form_object(const FormFields& fields, std::string_view text) {
  boost::json::object object;
  for (const auto& [name, field_text] : parse_query(text)) {
    boost::json::value value;
    const auto rule = fields.find(name);
    if (rule != fields.end()) {
      auto converted_value = converted(rule->second.kind, field_text);
      value = converted_value ? std::move(*converted_value) : boost::json::value(field_text);
    } else {
      value = boost::json::string(field_text);
    }
    if (auto* existing = object.if_contains(name)) {
      if (!existing->is_array()) *existing = boost::json::array{std::move(*existing)};
      existing->get_array().push_back(std::move(value));
    } else {
      object.emplace(name, std::move(value));
    }
  }
  return object;
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

std::optional<boost::json::value> converted(ValueRule::Kind kind, std::string_view text) {
  switch (kind) {
    case ValueRule::Kind::integer: {
      std::int64_t n = 0;
      const auto* end = text.data() + text.size();
      const auto* begin = text.data() + (text.starts_with('+') ? 1 : 0);
      auto [ptr, ec] = std::from_chars(begin, end, n);
      if (text.empty() || ec != std::errc{} || ptr != end) return std::nullopt;
      return boost::json::value(n);
    }
    case ValueRule::Kind::number: {
      double n = 0;
      const auto* end = text.data() + text.size();
      const auto* begin = text.data() + (text.starts_with('+') ? 1 : 0);
      auto [ptr, ec] = std::from_chars(begin, end, n);
      if (text.empty() || ec != std::errc{} || ptr != end || !std::isfinite(n)) return std::nullopt;
      return boost::json::value(n);
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
      if (is_one_of(yes)) return boost::json::value(true);
      if (is_one_of(no)) return boost::json::value(false);
      return std::nullopt;
    }
    case ValueRule::Kind::string:
    case ValueRule::Kind::any:
      break;
  }
  return boost::json::value(boost::json::string(text));
}

namespace {

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
    if (auto value = converted(rule_.value.kind, text)) return std::move(*value);
    switch (rule_.value.kind) {
      case ValueRule::Kind::integer:
        fail("int_parsing", "Input should be a valid integer, unable to parse string as an integer",
             loc, boost::json::string(text));
        break;
      case ValueRule::Kind::number:
        fail("float_parsing", "Input should be a valid number, unable to parse string as a number",
             loc, boost::json::string(text));
        break;
      default:
        fail("bool_parsing", "Input should be a valid boolean, unable to interpret input", loc,
             boost::json::string(text));
        break;
    }
    return nullptr;
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
    case In::querystring:
      if (!raw.query_string.empty()) found.emplace_back(raw.query_string);
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
    const std::size_t errors_before = errors.size();
    std::vector<std::string> items;
    if (rule.in == In::querystring && !rule.json_content) {
      // The whole query string: a form's fields, or the decoded text of another media type.
      if (rule.form_content) {
        value.value = form_object(rule.form_fields, texts->back());
      } else if (auto decoded = oaskit::detail::percent_decode(texts->back(), false)) {
        value.value = boost::json::string(*decoded);
      } else {
        checker.fail("string_type", "Input should be a valid string: an invalid %-escape", loc,
                     boost::json::string(texts->back()));
      }
    } else if (rule.json_content) {
      // A query string's JSON arrives %-encoded; a header's or cookie's as it is.
      std::string text = texts->back();
      if (rule.in == In::querystring) {
        if (auto decoded = oaskit::detail::percent_decode(text, false)) text = std::move(*decoded);
      }
      boost::system::error_code ec;
      auto parsed = boost::json::parse(text, ec);
      if (ec) {
        checker.fail("json_invalid", "Invalid JSON: " + ec.message(), loc,
                     boost::json::string(texts->back()));
      } else {
        value.value = std::move(parsed);
      }
    } else if (rule.is_array) {
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
      value.value = std::move(array);
    } else {
      // Repeated query parameters: the last wins, as in FastAPI.
      items.push_back(texts->back());
      value.value = checker.convert(texts->back(), loc);
    }
    // The whole schema, on what the text converted to (unless it did not convert).
    if (rule.validator && errors.size() == errors_before) {
      const auto problems = rule.validator->validate(value.value);
      if (!problems.empty()) {
        add_schema_errors(*rule.validator, problems, value.value, loc,
                          rule.json_content || rule.in == In::querystring ? nullptr : &items,
                          errors);
      }
    }
    values.push_back(std::move(value));
  }
}

}  // namespace oaskit::server::detail
