package rules

import (
	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/lint"
	"github.com/apigw-oas/apigw-oas/matrix"
	"github.com/apigw-oas/apigw-oas/mediatype"
	"github.com/apigw-oas/apigw-oas/model"
)

var ResponseTextBase64Decoded = &lint.Rule{
	ID:       "response-text-base64-decoded",
	Category: lint.Responses,
	Severity: diag.Warning,
	Summary:  "a non-proxy integration response without contentHandling returns text to clients whose first Accept is binary: API Gateway base64-decodes it and answers 500",
	Doc: "With `contentHandling` unset, a text payload (say a JSON error from S3 or Lambda) sent to a " +
		"client whose first Accept media range is binary is base64-*decoded* (response table row 7). " +
		"JSON is not base64, so the client gets 500 instead of the error (recorded against AWS). " +
		"Clients of an image or file endpoint do send a binary Accept.\n\n" +
		"Bad:\n\n```yaml\nx-amazon-apigateway-binary-media-types: [image/png]\n# GET /photos/{id} produces image/png; its 404 is application/json\nx-amazon-apigateway-integration:\n  responses:\n    4\\d{2}:\n      statusCode: '404'\n```\n\n" +
		"Good:\n\n```yaml\n    4\\d{2}:\n      statusCode: '404'\n      contentHandling: CONVERT_TO_TEXT\n```",
	Fix: "set contentHandling: CONVERT_TO_TEXT on the integration response that returns text",
	Check: func(p *lint.Pass) {
		m := mediatype.NewMatcher(entryValues(p.API))
		for _, op := range restOperations(p.API) {
			if op.Integration.Type.Value.IsProxy() {
				continue
			}
			accept := binaryAcceptOf(op, m)
			if accept == "" {
				continue
			}
			cfg := matrix.ConfigFor(p.API, op)
			for i, r := range op.Integration.Responses {
				textType := textProducedFor(op, r.StatusCode.Raw)
				if textType == "" || r.ContentHandling.Set {
					continue
				}
				// simulate this integration response alone, as if selected
				ir := cfg.Responses[i]
				ir.Pattern = "default"
				one := cfg
				one.Responses = []matrix.IntegrationResponse{ir}
				res := matrix.SimulateResponse(one, matrix.Response{Accept: accept, HasAccept: true, ContentType: textType, HasContentType: true, Body: sampleText})
				if res.Behavior == matrix.InvalidBase64 {
					lint.Reportf(p, r.Pattern, op, "the %s integration response returns %s, but clients of %s ask for %s first: API Gateway base64-decodes the text and answers 500; set contentHandling: CONVERT_TO_TEXT on it",
						r.Pattern.Raw, textType, op.Name(), accept)
				}
			}
		}
	},
}

// binaryAcceptOf returns a binary media type the operation produces that
// the list matches: what its clients put first in Accept.
func binaryAcceptOf(op *model.Operation, m mediatype.Matcher) string {
	for _, mt := range producedBinary(op) {
		if _, ok := m.Match(mt.Value); ok {
			return mt.Value
		}
	}
	return ""
}

// textProducedFor returns a text media type the response with this status
// declares, or "".
func textProducedFor(op *model.Operation, status string) string {
	for _, r := range op.Responses {
		if r.Status.Raw != status {
			continue
		}
		for _, mt := range r.Produces {
			if mt.IsString() && isTextContent(mt.Value) {
				return mt.Value
			}
		}
	}
	return ""
}
