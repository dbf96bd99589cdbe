package rules

import (
	"strings"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/lint"
	"github.com/apigw-oas/apigw-oas/source"
)

var MediaTypeEscaped = &lint.Rule{
	ID:       "media-type-escaped",
	Category: lint.Shape,
	Severity: diag.Error,
	Summary:  "a binary media type is written with JSON-Pointer escaping (image~1png)",
	Fix:      "write the media type with a plain slash",
	Autofix:  diag.Safe,
	Check: func(p *lint.Pass) {
		for _, e := range listed(p.API) {
			if strings.Contains(e.Value, "~1") || strings.Contains(e.Value, "~0") {
				plain := source.UnescapeToken(e.Value)
				reportFixable(p, e.Field, nil, fixOf(replaceEdit(e.Pointer, plain)), "binary media type %q is written with JSON-Pointer escaping; API Gateway compares it as written, so it never matches; write %q",
					e.Value, plain)
			}
		}
	},
}
