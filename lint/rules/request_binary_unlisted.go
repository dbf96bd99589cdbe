package rules

import (
	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/lint"
	"github.com/apigw-oas/apigw-oas/matrix"
)

var RequestBinaryUnlisted = &lint.Rule{
	ID:       "request-binary-unlisted",
	Category: lint.Requests,
	Severity: diag.Error,
	Summary:  "the operation accepts a binary media type that no binary media type entry matches",
	Fix:      "add the media type (or its type/*) to x-amazon-apigateway-binary-media-types",
	Check: func(p *lint.Pass) {
		if p.API.BinaryMediaTypes.HasUnknown() {
			return // an entry computed at deploy time may match
		}
		for _, op := range restOperations(p.API) {
			for _, mt := range op.Accepts {
				if !mt.IsString() || !isBinaryContent(mt.Value) {
					continue
				}
				if res := simulateRequest(p.API, op, mt.Value, sampleBinary); res.Action == matrix.AsText {
					lint.Reportf(p, mt.Field, op, "%s accepts %s, which matches no binary media type: API Gateway treats the body as text and replaces invalid UTF-8 with U+FFFD (200 OK, corrupted upload); add %s to %s",
						op.Name(), mt.Value, mt.Value, binaryList(p.API))
				}
			}
		}
	},
}
