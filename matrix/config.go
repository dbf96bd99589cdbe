package matrix

import (
	"strings"

	"github.com/apigw-oas/apigw-oas/model"
)

// ConfigFor gathers what the simulator needs from an operation of an API.
// Binary media types that are not strings (placeholders, intrinsics) are
// left out, and settings computed at deploy time are marked Unknown: their
// value is not known.
func ConfigFor(api *model.API, op *model.Operation) Config {
	c := Config{Kind: api.Kind}
	c.Unknown.BinaryMediaTypes = api.BinaryMediaTypes.HasUnknown()
	for _, e := range api.BinaryMediaTypes.Entries {
		if e.IsString() && !e.Unknown {
			c.BinaryMediaTypes = append(c.BinaryMediaTypes, e.Value)
		}
	}
	in := op.Integration
	if in == nil {
		return c
	}
	c.Unknown.Integration = in.Type.Unknown
	c.Unknown.ContentHandling = in.ContentHandling.Unknown
	c.Unknown.Passthrough = in.PassthroughBehavior.Unknown
	c.Integration = in.Type.Value
	c.ContentHandling = in.ContentHandling.Value
	c.Passthrough = in.PassthroughBehavior.Value
	c.TransferMode = in.ResponseTransferMode.Value
	c.RequestTemplates = templates(in.RequestTemplates)
	c.PayloadFormatVersion = in.PayloadFormatVersion.Raw
	c.HTTPMethod = in.HTTPMethod.Raw
	for _, p := range in.RequestParameters {
		if c.RequestParameters == nil {
			c.RequestParameters = map[string]string{}
		}
		c.RequestParameters[p.Name.Raw] = p.Value.Raw
	}
	for _, r := range in.Responses {
		c.Responses = append(c.Responses, IntegrationResponse{
			Pattern:                r.Pattern.Raw,
			StatusCode:             r.StatusCode.Raw,
			ContentHandling:        r.ContentHandling.Value,
			ContentHandlingUnknown: r.ContentHandling.Unknown,
			Templates:              templates(r.ResponseTemplates),
		})
	}
	return c
}

func templates(named []model.Named) []Template {
	var out []Template
	for _, t := range named {
		out = append(out, Template{ContentType: t.Name.Raw, Body: t.Value.Raw})
	}
	return out
}

// InvokesLambda reports whether a non-proxy (aws) integration calls a
// Lambda function: its uri is a Lambda invocation
// (arn:aws:apigateway:REGION:lambda:path/…), or is computed at deploy time
// from text that says so.
func InvokesLambda(in *model.Integration) bool {
	return in != nil && in.Type.Value == model.AWS && strings.Contains(in.URI.Raw, ":lambda:path/")
}
