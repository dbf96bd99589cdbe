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
	Doc: "A request body whose Content-Type matches no entry of the binary media types is treated " +
		"as text: API Gateway reads it as UTF-8 and replaces every invalid byte sequence with U+FFFD, " +
		"answering 200. Uploaded images, PDFs and archives arrive corrupted (recorded: a 67-byte gzip " +
		"upload arrived as 99 bytes).\n\n" +
		"Bad:\n\n```yaml\npaths:\n  /photos:\n    put:\n      requestBody:\n        content:\n          image/png: {}\n```\n\n" +
		"Good:\n\n```yaml\nx-amazon-apigateway-binary-media-types: [image/png]\npaths:\n  /photos:\n    put:\n      requestBody:\n        content:\n          image/png: {}\n```",
	Fix: "add the media type (or its type/*) to x-amazon-apigateway-binary-media-types",
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
					reportFixable(p, mt.Field, op, addBinaryTypesFix(p.API, mt.Value), "%s accepts %s, which matches no binary media type: API Gateway treats the body as text and replaces invalid UTF-8 with U+FFFD (200 OK, corrupted upload); add %s to %s",
						op.Name(), mt.Value, mt.Value, binaryList(p.API))
				}
			}
		}
	},
}
