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
	Fix:      "set contentHandling: CONVERT_TO_TEXT on the integration response that returns text",
	Autofix:  diag.Safe,
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
					reportFixable(p, r.Pattern, op, fixOf(contentHandlingEdit(r.Pointer, r.StatusCode.Pointer, r.Pattern.Pointer)), "the %s integration response returns %s; to a client of %s whose first Accept range is %s, API Gateway base64-decodes that text and answers 500; set contentHandling: CONVERT_TO_TEXT on it",
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
