package rules

import (
	"strings"

	"github.com/apigw-oas/apigw-oas/lint"
	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

// checkEnum reports a field whose value its parser did not accept.
func checkEnum[T comparable](p *lint.Pass, f model.Field[T], op *model.Operation, invalid T, name string, allowed []string) {
	if !f.Set || f.Value != invalid {
		return
	}
	hint := ""
	for _, a := range allowed {
		if strings.EqualFold(a, f.Raw) {
			hint = "; write " + quoted(a)
		}
	}
	written := quoted(f.Raw)
	if !f.IsString() {
		written = source.Describe(f.Tag, f.Raw)
	}
	lint.Reportf(p, f, op, "%s %s is not one of %s%s", name, written, listText(quoteAll(allowed)), hint)
}

func quoteAll(items []string) []string {
	out := make([]string, len(items))
	for i, s := range items {
		out[i] = quoted(s)
	}
	return out
}
