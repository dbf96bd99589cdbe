package importer

import "github.com/apigw-oas/apigw-oas/model"

// integration reads x-amazon-apigateway-integration: every field
// binary-semantics.md §5.1 lists. HTTP APIs may write it as a $ref to
// components/x-amazon-apigateway-integrations.
func (imp *openapi) integration(v value) *model.Integration {
	in := &model.Integration{Pointer: v.ptr, Span: v.keySpan()}
	if ref := v.get("$ref"); ref.exists() {
		in.Ref = ref.str()
		if v = imp.refs.follow(v); !v.exists() {
			return in
		}
	}
	in.Type = enum(v.get("type"), model.ParseIntegrationType)
	in.URI = v.get("uri").str()
	in.HTTPMethod = v.get("httpMethod").str()
	in.Credentials = v.get("credentials").str()
	in.RequestParameters = named(v.get("requestParameters"))
	in.RequestTemplates = named(v.get("requestTemplates"))
	in.PassthroughBehavior = enum(v.get("passthroughBehavior"), model.ParsePassthroughBehavior)
	in.ContentHandling = enum(v.get("contentHandling"), model.ParseContentHandling)
	in.CacheNamespace = v.get("cacheNamespace").str()
	in.CacheKeyParameters = stringList(v.get("cacheKeyParameters"))
	in.TimeoutInMillis = integer(v.get("timeoutInMillis"))
	in.ConnectionType = v.get("connectionType").str()
	in.ConnectionID = v.get("connectionId").str()
	tls := v.get("tlsConfig")
	in.TLSConfig.InsecureSkipVerification = boolean(tls.get("insecureSkipVerification"))
	in.TLSConfig.ServerNameToVerify = tls.get("serverNameToVerify").str()
	for _, r := range v.get("responses").entries() {
		in.Responses = append(in.Responses, integrationResponse(r))
	}
	in.ResponseTransferMode = enum(v.get("responseTransferMode"), model.ParseTransferMode)
	in.IntegrationTarget = v.get("integrationTarget").str()
	in.IntegrationSubtype = v.get("integrationSubtype").str()
	in.PayloadFormatVersion = v.get("payloadFormatVersion").str()
	return in
}

// integrationResponse reads one x-amazon-apigateway-integration.response.
func integrationResponse(r value) *model.IntegrationResponse {
	return &model.IntegrationResponse{
		Pattern:            r.keyField(),
		Pointer:            r.ptr,
		StatusCode:         r.get("statusCode").str(),
		ContentHandling:    enum(r.get("contentHandling"), model.ParseContentHandling),
		ResponseTemplates:  named(r.get("responseTemplates")),
		ResponseParameters: named(r.get("responseParameters")),
	}
}
