package rules

import (
	"fmt"
	"strings"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/lint"
	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

// checkEnum reports a field whose value its parser did not accept.
func checkEnum[T comparable](p *lint.Pass, f model.Field[T], op *model.Operation, invalid T, name string, allowed []string) {
	if !f.Set || f.Value != invalid {
		return
	}
	hint, fix := "", (*diag.Fix)(nil)
	for _, a := range allowed {
		if f.IsString() && strings.EqualFold(a, spellingOf(f.Raw)) {
			a = inCaseOf(f.Raw, a) // AWS_PROXY stays upper case where case does not matter
			hint, fix = "; write "+quoted(a), fixOf(replaceEdit(f.Pointer, a))
		}
	}
	written := quoted(f.Raw)
	if !f.IsString() {
		written = source.Describe(f.Tag, f.Raw)
	}
	p.Report(lint.Finding{Span: f.Span, Pointer: f.Pointer, Operation: op, Fix: fix,
		Message: fmt.Sprintf("%s %s is not one of %s%s", name, written, listText(quoteAll(allowed)), hint)})
}

// spellingOf writes a value's words with underscores, the separator every
// enum value uses: "when-no-match" and "convert to text" are variants.
func spellingOf(raw string) string {
	return strings.NewReplacer("-", "_", " ", "_").Replace(strings.TrimSpace(raw))
}

func quoteAll(items []string) []string {
	out := make([]string, len(items))
	for i, s := range items {
		out[i] = quoted(s)
	}
	return out
}
