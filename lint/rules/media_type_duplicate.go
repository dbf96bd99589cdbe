package rules

import (
	"strings"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/lint"
	"github.com/apigw-oas/apigw-oas/mediatype"
	"github.com/apigw-oas/apigw-oas/model"
)

var MediaTypeDuplicate = &lint.Rule{
	ID:       "media-type-duplicate",
	Category: lint.Shape,
	Severity: diag.Warning,
	Summary:  "a binary media type is listed twice, or is already covered by a wildcard entry",
	Fix:      "remove the redundant entry",
	Autofix:  diag.Safe,
	Check: func(p *lint.Pass) {
		entries := listed(p.API)
		for i, e := range entries {
			if cover, how := coveredBy(entries, i); cover != nil {
				p.Report(lint.Finding{Span: e.Span, Pointer: e.Pointer, Fix: fixOf(removeEdit(e.Pointer)),
					Message: "binary media type " + quoted(e.Value) + " " + how + " " + quoted(cover.Value) + "; remove it",
					Related: []diag.Related{{Message: "the entry that covers it", Span: cover.Span}}})
			}
		}
	},
}

// coveredBy finds an entry other than entries[i] that makes it redundant:
// an earlier one equal to it, or a wildcard matching it.
func coveredBy(entries []model.MediaType, i int) (*model.MediaType, string) {
	me, err := mediatype.Parse(entries[i].Value)
	if err != nil {
		return nil, ""
	}
	for j := range entries {
		other, err := mediatype.Parse(entries[j].Value)
		switch {
		case j == i || err != nil:
		case strings.EqualFold(other.String(), me.String()):
			if j < i {
				return &entries[j], "repeats"
			}
		case other.String() == "*/*" || (other.Subtype == "*" && me.Subtype != "*" && strings.EqualFold(other.Type, me.Type)):
			if other.Type != "*" || other.Subtype == "*" {
				return &entries[j], "is already matched by"
			}
		}
	}
	return nil, ""
}
