package openapi

import (
	"github.com/apigw-oas/apigw-oas/importer/internal/read"
	"github.com/apigw-oas/apigw-oas/model"
)

// integration reads x-amazon-apigateway-integration: every field
// binary-semantics.md §5.1 lists. HTTP APIs may write it as a $ref to
// components/x-amazon-apigateway-integrations.
func (imp *reader) integration(v read.Value) *model.Integration {
	in := &model.Integration{Pointer: v.Ptr, Span: v.KeySpan()}
	if ref := v.Get("$ref"); ref.Exists() {
		in.Ref = ref.Str()
		if v = imp.follow(v); !v.Exists() {
			return in
		}
	}
	read.IntegrationSettings(in, v, read.CamelKeys)
	for _, r := range v.Get("responses").Entries() {
		resp := &model.IntegrationResponse{Pattern: r.KeyField(), Pointer: r.Ptr}
		read.IntegrationResponseSettings(resp, r, read.CamelKeys)
		in.Responses = append(in.Responses, resp)
	}
	in.IntegrationSubtype = v.Get("integrationSubtype").Str()
	in.PayloadFormatVersion = v.Get("payloadFormatVersion").Str()
	return in
}
