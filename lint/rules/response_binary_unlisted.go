package rules

import (
	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/lint"
	"github.com/apigw-oas/apigw-oas/mediatype"
	"github.com/apigw-oas/apigw-oas/model"
)

var ResponseBinaryUnlisted = &lint.Rule{
	ID:       "response-binary-unlisted",
	Category: lint.Responses,
	Severity: diag.Warning,
	Summary:  "the operation produces a binary media type that no binary media type entry matches",
	Fix:      "add the media type (or its type/*) to x-amazon-apigateway-binary-media-types",
	Autofix:  diag.Safe,
	Check: func(p *lint.Pass) {
		if p.API.BinaryMediaTypes.HasUnknown() {
			return // an entry computed at deploy time may match
		}
		m := mediatype.NewMatcher(entryValues(p.API))
		for _, op := range restOperations(p.API) {
			proxy := op.Integration.Type.Value == model.AWSProxy
			switch {
			case proxy && !m.Empty():
				continue // what matters then is the client's Accept: browser-accept-unmatched
			case op.Integration.ResponseTransferMode.Value == model.Stream && op.Integration.Type.Value.IsProxy():
				continue // streamed responses are binary without the list
			}
			for _, mt := range producedBinary(op) {
				if _, ok := m.Match(mt.Value); ok {
					continue
				}
				why := "API Gateway treats the integration's " + mt.Value + " response as text: clients get it mangled or base64-decoded into an error"
				switch {
				case m.Empty() && !proxy:
					why = "with no binary media types API Gateway treats the integration's " + mt.Value + " response as text: clients get it mangled (invalid UTF-8 replaced)"
				case proxy:
					why = "with no binary media types API Gateway never decodes the Lambda's base64 body: clients get base64 text"
				}
				reportFixable(p, mt.Field, op, addBinaryTypesFix(p.API, mt.Span.File, mt.Value), "%s produces %s, which matches no binary media type; %s; add %s to %s",
					op.Name(), mt.Value, why, mt.Value, binaryList(p.API))
			}
		}
	},
}

func entryValues(api *model.API) []string {
	var out []string
	for _, e := range listed(api) {
		out = append(out, e.Value)
	}
	return out
}

// producedBinary lists the binary media types an operation's responses
// declare, each once.
func producedBinary(op *model.Operation) []model.MediaType {
	var out []model.MediaType
	seen := map[string]bool{}
	for _, r := range op.Responses {
		for _, mt := range r.Produces {
			if mt.IsString() && isBinaryContent(mt.Value) && !seen[mediatype.EssenceOf(mt.Value)] {
				seen[mediatype.EssenceOf(mt.Value)] = true
				out = append(out, mt)
			}
		}
	}
	return out
}
