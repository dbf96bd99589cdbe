package read

import (
	"strings"
	"unicode"

	"github.com/apigw-oas/apigw-oas/model"
)

// keyStyle gives the key an integration setting has in one notation, from
// its name in the OpenAPI extension (camelCase).
type keyStyle func(camel string) string

// CamelKeys is the OpenAPI extension's and the control plane's notation.
func CamelKeys(camel string) string { return camel }

// PascalKeys is CloudFormation's: ContentHandling, Uri, TlsConfig, and
// IntegrationHttpMethod for the method API Gateway calls the backend with.
func PascalKeys(camel string) string {
	if camel == "httpMethod" {
		return "IntegrationHttpMethod"
	}
	return strings.ToUpper(camel[:1]) + camel[1:]
}

// SnakeKeys is Terraform's: content_handling, with its two renamings.
func SnakeKeys(camel string) string {
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

// IntegrationSettings reads the settings every notation of an integration
// has, under the keys style gives them. Responses are written differently
// in each notation and are left to the caller.
func IntegrationSettings(in *model.Integration, v Value, key keyStyle) {
	get := func(camel string) Value { return v.present(key(camel)) }
	in.Type = Enum(get("type"), model.ParseIntegrationType)
	in.URI = get("uri").Str()
	in.HTTPMethod = get("httpMethod").Str()
	in.Credentials = get("credentials").Str()
	in.RequestParameters = named(get("requestParameters"))
	in.RequestTemplates = named(get("requestTemplates"))
	in.PassthroughBehavior = Enum(get("passthroughBehavior"), model.ParsePassthroughBehavior)
	in.ContentHandling = Enum(get("contentHandling"), model.ParseContentHandling)
	in.CacheNamespace = get("cacheNamespace").Str()
	in.CacheKeyParameters = stringList(get("cacheKeyParameters"))
	in.TimeoutInMillis = integer(get("timeoutInMillis"))
	in.ConnectionType = get("connectionType").Str()
	in.ConnectionID = get("connectionId").Str()
	tls := get("tlsConfig")
	in.TLSConfig.InsecureSkipVerification = boolean(tls.present(key("insecureSkipVerification")))
	in.TLSConfig.ServerNameToVerify = tls.present(key("serverNameToVerify")).Str()
	in.ResponseTransferMode = Enum(get("responseTransferMode"), model.ParseTransferMode)
	in.IntegrationTarget = get("integrationTarget").Str()
}

// IntegrationResponseSettings reads one integration response's settings
// under the keys style gives them; the caller sets Pattern and Pointer.
func IntegrationResponseSettings(r *model.IntegrationResponse, v Value, key keyStyle) {
	r.StatusCode = v.present(key("statusCode")).Str()
	r.ContentHandling = Enum(v.present(key("contentHandling")), model.ParseContentHandling)
	r.ResponseTemplates = named(v.present(key("responseTemplates")))
	r.ResponseParameters = named(v.present(key("responseParameters")))
}

// ListedResponse reads an integration response of the notations that key
// responses by status code or list them (CloudFormation, the control
// plane), where the selection pattern is a field, absent on the default
// response.
func ListedResponse(v Value, patternKey string, key keyStyle) *model.IntegrationResponse {
	r := &model.IntegrationResponse{Pointer: v.Ptr, Pattern: v.Get(patternKey).Str()}
	if !r.Pattern.Set {
		r.Pattern = Synthesized(v, "default")
	}
	IntegrationResponseSettings(r, v, key)
	return r
}

// WebSocketIntegration reads an ApiGatewayV2 integration of a WebSocket
// API (CloudFormation's AWS::ApiGatewayV2::Integration, Terraform's
// aws_apigatewayv2_integration): its settings are named integrationType,
// integrationUri, integrationMethod and contentHandlingStrategy, where a
// REST integration says type, uri, httpMethod and contentHandling.
func WebSocketIntegration(v Value, key keyStyle) *model.Integration {
	get := func(camel string) Value { return v.present(key(camel)) }
	return &model.Integration{
		Pointer:             v.Ptr,
		Span:                v.KeySpan(),
		Type:                Enum(get("integrationType"), model.ParseIntegrationType),
		URI:                 get("integrationUri").Str(),
		HTTPMethod:          get("integrationMethod").Str(),
		RequestTemplates:    named(get("requestTemplates")),
		PassthroughBehavior: Enum(get("passthroughBehavior"), model.ParsePassthroughBehavior),
		ContentHandling:     Enum(get("contentHandlingStrategy"), model.ParseContentHandling),
	}
}

// WebSocketIntegrationResponse reads an ApiGatewayV2 integration response:
// its integrationResponseKey ("$default", "/200/") is the pattern.
func WebSocketIntegrationResponse(v Value, key keyStyle) *model.IntegrationResponse {
	return &model.IntegrationResponse{
		Pattern:           v.Get(key("integrationResponseKey")).Str(),
		Pointer:           v.Ptr,
		ContentHandling:   Enum(v.Get(key("contentHandlingStrategy")), model.ParseContentHandling),
		ResponseTemplates: named(v.Get(key("responseTemplates"))),
	}
}
