package openapi

import (
	"strings"

	"github.com/apigw-oas/apigw-oas/importer/internal/read"
	"github.com/apigw-oas/apigw-oas/model"
)

// integrationsRefPrefix starts the $ref of an HTTP API's shared integration.
const integrationsRefPrefix = "#/components/x-amazon-apigateway-integrations/"

// detectKind decides whether a definition describes a REST API or an HTTP
// API. Only HTTP APIs have payloadFormatVersion, integrationSubtype,
// integrations written as $refs to components, or the
// x-amazon-apigateway-cors extension; without any of those, the
// definition is what import-rest-api makes of it: a REST API.
func detectKind(api *model.API, root read.Value) (model.Kind, model.Evidence) {
	for _, op := range api.Operations {
		in := op.Integration
		if in == nil {
			continue
		}
		for _, f := range []struct {
			field model.Field[string]
			why   string
		}{
			{in.PayloadFormatVersion, "payloadFormatVersion is set on the integration of " + op.Name() + "; only HTTP APIs have it"},
			{in.IntegrationSubtype, "integrationSubtype is set on the integration of " + op.Name() + "; only HTTP APIs have it"},
		} {
			if f.field.Set {
				return model.HTTPAPI, model.Evidence{Reason: f.why, Pointer: f.field.Pointer, Span: f.field.Span}
			}
		}
	}
	for _, op := range api.Operations {
		if in := op.Integration; in != nil && strings.HasPrefix(in.Ref.Raw, integrationsRefPrefix) {
			return model.HTTPAPI, model.Evidence{
				Reason:  "the integration of " + op.Name() + " is a $ref to x-amazon-apigateway-integrations, which only HTTP APIs support",
				Pointer: in.Ref.Pointer, Span: in.Ref.Span,
			}
		}
	}
	if cors := root.Get("x-amazon-apigateway-cors"); cors.Exists() {
		return model.HTTPAPI, model.Evidence{Reason: "x-amazon-apigateway-cors is an HTTP API extension", Pointer: cors.Ptr, Span: cors.KeySpan()}
	}
	return model.RESTAPI, restEvidence(api)
}

// restEvidence names the first REST-only setting, if there is one.
func restEvidence(api *model.API) model.Evidence {
	if f := api.BinaryMediaTypes.Declared; f.Set {
		return model.Evidence{Reason: "binary media types are a REST API setting", Pointer: f.Pointer, Span: f.Span}
	}
	for _, op := range api.Operations {
		if in := op.Integration; in != nil {
			switch t := in.Type.Value; t {
			case model.AWS, model.HTTP, model.Mock:
				return model.Evidence{Reason: "integration type " + t.String() + " exists only in REST APIs", Pointer: in.Type.Pointer, Span: in.Type.Span}
			}
		}
	}
	return model.Evidence{Reason: "no HTTP API setting is present; import-rest-api reads an OpenAPI definition as a REST API"}
}
