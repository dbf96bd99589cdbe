package rules

import (
	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/lint"
)

var BinaryMediaTypesMisplaced = &lint.Rule{
	ID:       "binary-media-types-misplaced",
	Category: lint.Shape,
	Severity: diag.Error,
	Summary:  "the binary-media-types extension is somewhere other than the document root, where API Gateway ignores it",
	Fix:      "move the list to the root of the document (merge it with any list already there)",
	Check: func(p *lint.Pass) {
		for _, m := range p.API.BinaryMediaTypes.Misplaced {
			p.Report(lint.Finding{Span: m.Span, Pointer: m.Pointer,
				Message: "x-amazon-apigateway-binary-media-types at " + m.Pointer + " is ignored: API Gateway reads it only at the document root; move it there"})
		}
	},
}
