package rules

import (
	"strings"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/lint"
	"github.com/apigw-oas/apigw-oas/mediatype"
	"github.com/apigw-oas/apigw-oas/source"
)

// standardNames maps media types clients do not send to the registered
// name they send instead.
var standardNames = map[string]string{
	"image/jpg":          "image/jpeg",
	"image/x-png":        "image/png",
	"image/svg":          "image/svg+xml",
	"image/x-icon":       "image/vnd.microsoft.icon",
	"audio/mp3":          "audio/mpeg",
	"video/mov":          "video/quicktime",
	"application/octet":  "application/octet-stream",
	"application/x-pdf":  "application/pdf",
	"application/x-zip":  "application/zip",
	"application/x-gzip": "application/gzip",
}

var MediaTypeNonstandard = &lint.Rule{
	ID:       "media-type-nonstandard",
	Category: lint.Shape,
	Severity: diag.Warning,
	Summary:  "a binary media type is a common alias that clients do not send (image/jpg)",
	Fix:      "list the registered media type (keep the alias too only if a client of yours really sends it)",
	Autofix:  diag.Unsafe,
	Check: func(p *lint.Pass) {
		m := mediatype.NewMatcher(entryValues(p.API))
		for _, e := range listed(p.API) {
			standard, ok := standardNames[strings.ToLower(e.Value)]
			if !ok {
				continue
			}
			if _, covered := m.Match(standard); covered {
				continue // what clients send is listed: the alias is harmless
			}
			list, i := parentPointer(e.Pointer)
			reportFixable(p, e.Field, nil, fixOf(diag.Edit{Op: diag.EditAdd, Pointer: source.Append(list, itoa(i+1)), Value: standard}),
				"binary media type %q is not what clients send; they send %q, which this entry does not match; list %q", e.Value, standard, standard)
		}
	},
}
