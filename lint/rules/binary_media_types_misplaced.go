package rules

import (
	"slices"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/lint"
	"github.com/apigw-oas/apigw-oas/model"
)

var BinaryMediaTypesMisplaced = &lint.Rule{
	ID:       "binary-media-types-misplaced",
	Category: lint.Shape,
	Severity: diag.Error,
	Summary:  "the binary-media-types extension is somewhere other than the document root, where API Gateway ignores it",
	Fix:      "move the list to the root of the document (merge it with any list already there)",
	Autofix:  diag.Safe,
	Check: func(p *lint.Pass) {
		for _, m := range p.API.BinaryMediaTypes.Misplaced {
			if p.API.Kind == model.HTTPAPI {
				p.Report(lint.Finding{Span: m.Span, Pointer: m.Pointer, Fix: fixOf(removeEdit(m.Pointer)),
					Message: "x-amazon-apigateway-binary-media-types at " + m.Pointer + " is ignored, and would be at the root too: this is an HTTP API, which has no binary media types; remove it"})
				continue
			}
			p.Report(lint.Finding{Span: m.Span, Pointer: m.Pointer, Fix: moveToRootFix(p.API, m),
				Message: "x-amazon-apigateway-binary-media-types at " + m.Pointer + " is ignored: API Gateway reads it only at the document root; move it there"})
		}
	},
}

// moveToRootFix removes the misplaced list and adds its entries that the
// root list lacks to it (creating it when there is none).
func moveToRootFix(api *model.API, m model.Misplaced) *diag.Fix {
	var missing []string
	for _, e := range m.Entries {
		if e.IsString() && !slices.ContainsFunc(api.BinaryMediaTypes.Entries, func(r model.MediaType) bool { return r.Value == e.Value }) {
			missing = append(missing, e.Value)
		}
	}
	add := addBinaryTypesFix(api, m.Span.File, missing...)
	if b := api.BinaryMediaTypes; !b.Declared.Set && !b.Property.Set && len(missing) > 0 {
		// with no list written, to the root of the definition it is in
		add = extensionFix(api, m.Span.File, missing)
	}
	if add == nil && len(missing) > 0 {
		return nil
	}
	edits := []diag.Edit{removeEdit(m.Pointer)}
	if add != nil {
		edits = append(edits, add.Edits...)
	}
	return fixOf(edits...)
}
