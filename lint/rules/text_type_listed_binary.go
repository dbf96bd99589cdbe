package rules

import (
	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/lint"
	"github.com/apigw-oas/apigw-oas/mediatype"
	"github.com/apigw-oas/apigw-oas/model"
)

var TextTypeListedBinary = &lint.Rule{
	ID:       "text-type-listed-binary",
	Category: lint.Requests,
	Severity: diag.Warning,
	Summary:  "the binary media types match text types the API uses (application/json via */*, application/* or directly)",
	Fix:      "list only the binary types the API serves (image/*, application/pdf, …), or decode isBase64Encoded bodies in every handler",
	Autofix:  diag.Safe,
	Check: func(p *lint.Pass) {
		if p.API.Kind != model.RESTAPI {
			return
		}
		uses := textTypesUsed(p.API)
		for _, e := range listed(p.API) {
			m := mediatype.NewMatcher([]string{e.Value})
			var hit []string
			for _, u := range uses {
				if _, ok := m.Match(u.mediaType); ok {
					hit = append(hit, u.mediaType+" ("+u.where+")")
				}
			}
			if len(hit) == 0 {
				continue
			}
			advice, fix := "list only binary types", (*diag.Fix)(nil)
			if n, ok := narrowEntry(p.API, e.Value); ok {
				advice, fix = n.describe(binaryList(p.API)), n.fix(e.Span)
			}
			reportFixable(p, e.Field, nil, fix, "binary media type %s matches text the API's Lambda proxies accept: %s; those bodies reach Lambda base64-encoded with isBase64Encoded true; %s, or decode the body in every handler",
				quoted(e.Value), listText(firstN(hit, 3)), advice)
		}
	},
}

type textUse struct{ mediaType, where string }

// textTypesUsed lists the text media types Lambda proxy operations accept,
// each with the first operation that accepts it. Other integrations either
// pass binary through unchanged or run templates, which
// template-receives-binary covers.
func textTypesUsed(api *model.API) []textUse {
	var uses []textUse
	seen := map[string]bool{}
	for _, op := range restOperations(api) {
		if op.Integration.Type.Value != model.AWSProxy {
			continue
		}
		for _, mt := range op.Accepts {
			if mt.IsString() && isTextContent(mt.Value) && !seen[mediatype.EssenceOf(mt.Value)] {
				seen[mediatype.EssenceOf(mt.Value)] = true
				uses = append(uses, textUse{mt.Value, "accepted by " + op.Name()})
			}
		}
	}
	return uses
}

func firstN(items []string, n int) []string {
	if len(items) <= n {
		return items
	}
	return append(items[:n:n], "others")
}
