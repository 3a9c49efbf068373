// The rule registry: every rule's id, severity, default and summary, in one table that
// lint(), the CLI's --help, SARIF output and docs/lint.md (checked by a test) all read.

#include <algorithm>
#include <array>

#include "lint/rules.hpp"

namespace oaskit {

namespace {

using enum Severity;

constexpr std::array rules{
    // security
    RuleInfo{"security-undeclared-scheme", error, true,
             "A security requirement names a scheme that components.securitySchemes does not "
             "declare"},
    RuleInfo{"security-undeclared-scope", error, true,
             "A security requirement lists a scope that none of the OAuth2 scheme's flows "
             "declares"},
    RuleInfo{"security-scope-not-in-all-flows", info, true,
             "A required scope is declared by some of the OAuth2 scheme's flows but not all"},
    RuleInfo{"security-scopes-on-non-oauth", error, true,
             "OpenAPI 3.0: scopes listed for a scheme that is neither oauth2 nor openIdConnect"},
    RuleInfo{"security-flow-url", error, true,
             "An OAuth2 flow's authorizationUrl, tokenUrl, refreshUrl or deviceAuthorizationUrl, "
             "or a scheme's oauth2MetadataUrl, is not a valid URL"},
    RuleInfo{"security-flow-insecure-url", warning, true,
             "An OAuth2 flow URL or oauth2MetadataUrl uses http:// on a host that is not "
             "loopback"},
    RuleInfo{"security-deprecated-flow", warning, true,
             "The implicit and password flows are deprecated by the OAuth 2.0 Security BCP "
             "(RFC 9700)"},
    RuleInfo{"security-http-scheme", warning, true,
             "An http security scheme's `scheme` is not in the IANA HTTP Authentication Scheme "
             "registry"},
    RuleInfo{"security-apikey-authorization-header", warning, true,
             "An apiKey scheme sends its key in the Authorization header"},
    RuleInfo{"security-operation-unprotected", info, false,
             "An operation has no security requirement and the document has none either"},
    RuleInfo{"security-oauth2-metadata-mismatch", error, true,
             "An OAuth2 flow URL differs from the endpoint its oauth2MetadataUrl names"},
    RuleInfo{"security-oauth2-metadata-unavailable", warning, true,
             "A scheme's oauth2MetadataUrl cannot be read as its issuer's RFC 8414 metadata"},
    // fields
    RuleInfo{"field-unknown", error, true,
             "A member that is neither a field of its object nor an x- extension"},
    // one object's fields together
    RuleInfo{"document-empty", error, true,
             "A 3.0 document without `paths`, or a 3.1 document with none of `paths`, "
             "`components` and `webhooks`"},
    RuleInfo{"example-with-examples", error, true,
             "A parameter, header or media type has both `example` and `examples`"},
    RuleInfo{"example-values-exclusive", error, true,
             "An Example has `value` with another value field, or both `serializedValue` and "
             "`externalValue`"},
    RuleInfo{"encoding-by-name-and-position", error, true,
             "A media type or encoding has `encoding` beside `prefixEncoding` or `itemEncoding`"},
    RuleInfo{"xml-node-type-exclusive", error, true,
             "An XML object has `nodeType` beside the deprecated `attribute` or `wrapped`"},
    RuleInfo{"parameter-querystring", error, true,
             "An `in: querystring` parameter without `content`, twice in an operation, or "
             "beside `in: query` parameters"},
    RuleInfo{"tag-parent", error, true,
             "A tag's `parent` names no tag of the document, or tag parents form a cycle"},
    RuleInfo{"additional-operation-method", error, true,
             "An `additionalOperations` key that has a field of its own (`get`, `query`, ...) "
             "or is not an HTTP method token"},
    RuleInfo{"parameter-schema-or-content", error, true,
             "A parameter or header has both `schema` and `content`, or neither"},
    RuleInfo{"parameter-content-not-one", error, true,
             "A parameter's or header's `content` does not have exactly one media type"},
    RuleInfo{"parameter-style-for-location", error, true,
             "A parameter's `style` is not one its location allows (a header's is `simple`)"},
    RuleInfo{"parameter-allow-reserved-not-query", error, true,
             "`allowReserved` or `allowEmptyValue` on a parameter that is not `in: query`, or "
             "`allowReserved` on a header"},
    RuleInfo{"parameter-style-with-content", error, true,
             "`style`, `explode` or `allowReserved` beside `content` in a parameter or header"},
    RuleInfo{"component-name-invalid", error, true,
             "A components name with characters other than letters, digits, '.', '_', '-'"},
    RuleInfo{"responses-empty", error, true, "An operation's `responses` lists no response"},
    RuleInfo{"license-identifier-with-url", error, true,
             "A License with both an SPDX `identifier` and a `url`"},
    RuleInfo{"link-operation", error, true,
             "A Link with both `operationRef` and `operationId`, or neither"},
    // paths
    RuleInfo{"path-parameter-undeclared", error, true,
             "A `{name}` in a path template has no `in: path` parameter"},
    RuleInfo{"path-parameter-not-required", error, true,
             "An `in: path` parameter is not `required: true`"},
    RuleInfo{"path-parameter-unused", error, true,
             "An `in: path` parameter's name is not in its path template"},
    RuleInfo{"operation-id-duplicate", error, true, "Two operations have the same operationId"},
    RuleInfo{"parameter-duplicate", error, true,
             "A parameter list has the same name and location twice"},
    RuleInfo{"template-expression-repeated", error, true,
             "A path template or server URL names one {expression} twice"},
    RuleInfo{"path-equivalent", error, true,
             "Two path templates differ only in their parameter names"},
    // refs
    RuleInfo{"ref-unresolved", error, true, "A $ref cannot be resolved"},
    RuleInfo{"ref-not-allowed", error, true,
             "A $ref where OpenAPI allows none (followed, as Redocly-style tools do)"},
    RuleInfo{"ref-sibling-ignored", warning, true, "Keys beside a $ref that OpenAPI ignores"},
    RuleInfo{"component-unused", info, true, "A components entry is never used"},
    // schemas
    RuleInfo{"schema-required-duplicate", error, true, "A name is listed twice in `required`"},
    RuleInfo{"schema-default-type", error, true,
             "A schema's `default` is not of the schema's `type`"},
    RuleInfo{"schema-ref-cycle", error, true,
             "Schemas that apply one another in place ($ref, allOf, ...) without reading any of "
             "the value: validation would never end"},
    RuleInfo{"schema-example-invalid", warning, true,
             "A schema's `example` or `examples` item does not validate against the schema"},
    RuleInfo{"discriminator-default-mapping", error, true,
             "A discriminating property that may be absent, without `defaultMapping` (3.2)"},
    // version
    RuleInfo{"version-deprecated-field", warning, true,
             "A field the document's OpenAPI version deprecates: XML attribute and wrapped "
             "(3.2), Schema example (3.1)"},
    RuleInfo{"version-30-keyword-in-31", warning, true,
             "An OpenAPI 3.0 keyword (nullable, boolean exclusiveMinimum/Maximum) in a 3.1 "
             "document"},
    RuleInfo{"version-31-keyword-in-30", error, true,
             "An OpenAPI 3.1 keyword (webhooks, type arrays, const, ...) in a 3.0 document"},
    RuleInfo{"version-32-keyword-in-30", error, true,
             "An OpenAPI 3.2 keyword or value ($self, query, querystring, deviceAuthorization, "
             "...) in a 3.0 document"},
    RuleInfo{"version-32-keyword-in-31", error, true,
             "An OpenAPI 3.2 keyword or value ($self, query, querystring, deviceAuthorization, "
             "...) in a 3.1 document"},
    // lint itself
    RuleInfo{"lint-unknown-rule", warning, true,
             "x-oaskit-ignore names a rule that does not exist"},
};

}  // namespace

std::span<const RuleInfo> lint_rules() { return rules; }

bool is_rule(std::string_view id) { return lint_detail::find_rule(id) != nullptr; }

namespace lint_detail {

const RuleInfo* find_rule(std::string_view id) {
  const auto* found =
      std::find_if(rules.begin(), rules.end(), [&](const RuleInfo& rule) { return rule.id == id; });
  return found == rules.end() ? nullptr : found;
}

}  // namespace lint_detail

}  // namespace oaskit
