package importer

import (
	"strings"
	"unicode"

	"github.com/apigw-oas/apigw-oas/model"
)

// keyStyle gives the key an integration setting has in one notation, from
// its name in the OpenAPI extension (camelCase).
type keyStyle func(camel string) string

// camelKeys is the OpenAPI extension's and the control plane's notation.
func camelKeys(camel string) string { return camel }

// pascalKeys is CloudFormation's: ContentHandling, Uri, TlsConfig, and
// IntegrationHttpMethod for the method API Gateway calls the backend with.
func pascalKeys(camel string) string {
	if camel == "httpMethod" {
		return "IntegrationHttpMethod"
	}
	return strings.ToUpper(camel[:1]) + camel[1:]
}

// snakeKeys is Terraform's: content_handling, with its two renamings.
func snakeKeys(camel string) string {
	switch camel {
	case "httpMethod":
		return "integration_http_method"
	case "timeoutInMillis":
		return "timeout_milliseconds"
	}
	var b strings.Builder
	for i, r := range camel {
		if unicode.IsUpper(r) {
			if i > 0 {
				b.WriteByte('_')
			}
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// integration reads x-amazon-apigateway-integration: every field
// binary-semantics.md §5.1 lists. HTTP APIs may write it as a $ref to
// components/x-amazon-apigateway-integrations.
func (imp *openapi) integration(v value) *model.Integration {
	in := &model.Integration{Pointer: v.ptr, Span: v.keySpan()}
	if ref := v.get("$ref"); ref.exists() {
		in.Ref = ref.str()
		if v = imp.follow(v); !v.exists() {
			return in
		}
	}
	integrationSettings(in, v, camelKeys)
	for _, r := range v.get("responses").entries() {
		resp := &model.IntegrationResponse{Pattern: r.keyField(), Pointer: r.ptr}
		integrationResponseSettings(resp, r, camelKeys)
		in.Responses = append(in.Responses, resp)
	}
	in.IntegrationSubtype = v.get("integrationSubtype").str()
	in.PayloadFormatVersion = v.get("payloadFormatVersion").str()
	return in
}

// integrationSettings reads the settings every notation of an integration
// has, under the keys style gives them. Responses are written differently
// in each notation and are left to the caller.
func integrationSettings(in *model.Integration, v value, key keyStyle) {
	get := func(camel string) value { return v.get(key(camel)) }
	in.Type = enum(get("type"), model.ParseIntegrationType)
	in.URI = get("uri").str()
	in.HTTPMethod = get("httpMethod").str()
	in.Credentials = get("credentials").str()
	in.RequestParameters = named(get("requestParameters"))
	in.RequestTemplates = named(get("requestTemplates"))
	in.PassthroughBehavior = enum(get("passthroughBehavior"), model.ParsePassthroughBehavior)
	in.ContentHandling = enum(get("contentHandling"), model.ParseContentHandling)
	in.CacheNamespace = get("cacheNamespace").str()
	in.CacheKeyParameters = stringList(get("cacheKeyParameters"))
	in.TimeoutInMillis = integer(get("timeoutInMillis"))
	in.ConnectionType = get("connectionType").str()
	in.ConnectionID = get("connectionId").str()
	tls := get("tlsConfig")
	in.TLSConfig.InsecureSkipVerification = boolean(tls.get(key("insecureSkipVerification")))
	in.TLSConfig.ServerNameToVerify = tls.get(key("serverNameToVerify")).str()
	in.ResponseTransferMode = enum(get("responseTransferMode"), model.ParseTransferMode)
	in.IntegrationTarget = get("integrationTarget").str()
}

// integrationResponseSettings reads one integration response's settings
// under the keys style gives them; the caller sets Pattern and Pointer.
func integrationResponseSettings(r *model.IntegrationResponse, v value, key keyStyle) {
	r.StatusCode = v.get(key("statusCode")).str()
	r.ContentHandling = enum(v.get(key("contentHandling")), model.ParseContentHandling)
	r.ResponseTemplates = named(v.get(key("responseTemplates")))
	r.ResponseParameters = named(v.get(key("responseParameters")))
}

// listedResponse reads an integration response of the notations that key
// responses by status code or list them (CloudFormation, the control
// plane), where the selection pattern is a field, absent on the default
// response.
func listedResponse(v value, patternKey string, key keyStyle) *model.IntegrationResponse {
	r := &model.IntegrationResponse{Pointer: v.ptr, Pattern: v.get(patternKey).str()}
	if !r.Pattern.Set {
		r.Pattern = synthesized(v, "default")
	}
	integrationResponseSettings(r, v, key)
	return r
}
