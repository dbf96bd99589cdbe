package rules

import (
	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/lint"
	"github.com/apigw-oas/apigw-oas/mediatype"
)

var MediaTypeNeverMatches = &lint.Rule{
	ID:       "media-type-never-matches",
	Category: lint.Shape,
	Severity: diag.Error,
	Summary:  "a */subtype entry, which API Gateway never matches",
	Fix:      "name the full media type (application/zip), or use type/* or */*",
	Check: func(p *lint.Pass) {
		for _, e := range listed(p.API) {
			if t, err := mediatype.Parse(e.Value); err == nil && t.Type == "*" && t.Subtype != "*" {
				lint.Reportf(p, e.Field, nil, "binary media type %q never matches: API Gateway ignores entries of the form */subtype; name the full media type instead", e.Value)
			}
		}
	},
}
