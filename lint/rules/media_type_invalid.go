package rules

import (
	"strings"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/lint"
	"github.com/apigw-oas/apigw-oas/mediatype"
)

var MediaTypeInvalid = &lint.Rule{
	ID:       "media-type-invalid",
	Category: lint.Shape,
	Severity: diag.Error,
	Summary:  "a binary media type is not a type/subtype media type",
	Fix:      "write a media type such as image/png, or type/* for a whole family",
	Autofix:  diag.Safe,
	Check: func(p *lint.Pass) {
		for _, e := range listed(p.API) {
			if strings.Contains(e.Value, "~1") || strings.Contains(e.Value, "~0") {
				continue // media-type-escaped says what is wrong
			}
			t, err := mediatype.Parse(e.Value)
			switch {
			case err != nil:
				lint.Reportf(p, e.Field, nil, "binary media type %q is not a media type (type/subtype such as image/png); it never matches a request", e.Value)
			case len(t.Params) > 0 || strings.Contains(e.Value, ";"):
				reportFixable(p, e.Field, nil, fixOf(replaceEdit(e.Pointer, t.String())), "binary media type %q has parameters; list the media type alone (%s), since parameters are not part of the match", e.Value, t.String())
			case strings.TrimSpace(e.Value) != e.Value:
				reportFixable(p, e.Field, nil, fixOf(replaceEdit(e.Pointer, strings.TrimSpace(e.Value))), "binary media type %q has surrounding spaces; write %q", e.Value, strings.TrimSpace(e.Value))
			}
		}
	},
}
