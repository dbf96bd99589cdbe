package rules

import (
	"slices"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/lint"
	"github.com/apigw-oas/apigw-oas/matrix"
	"github.com/apigw-oas/apigw-oas/model"
)

var ConvertToTextBodyUnused = &lint.Rule{
	ID:       "convert-to-text-body-unused",
	Category: lint.Requests,
	Severity: diag.Info,
	Summary:  "CONVERT_TO_TEXT with request templates that never use the body, so the converted payload is dropped",
	Fix:      "read the body ($input.body) in the template if the backend needs it; otherwise keep CONVERT_TO_TEXT, which keeps the binary payload out of the template",
	Check: func(p *lint.Pass) {
		for _, op := range restOperations(p.API) {
			in := op.Integration
			// A mock has no backend to pass the body to: CONVERT_TO_TEXT there
			// only keeps binary out of its template (template-receives-binary).
			if in.ContentHandling.Value != model.ConvertToText || in.Type.Value.IsProxy() || in.Type.Value == model.Mock || anyTemplateReadsBody(in.RequestTemplates) {
				continue
			}
			converted := templatesGivenBase64(p.API, op)
			if len(converted) == 0 {
				continue // no binary type reaches a template: nothing is converted for them
			}
			lint.Reportf(p, in.ContentHandling, op, "CONVERT_TO_TEXT base64-encodes %s requests, which are binary, for their request templates, but none of them reads the body ($input.body), so the upload is dropped: read it in the template if the backend needs it, otherwise keep CONVERT_TO_TEXT, which keeps the binary payload out of the template (without it these requests get 500)",
				listText(converted))
		}
	},
}

// anyTemplateReadsBody reports whether some template may read the body.
func anyTemplateReadsBody(ts []model.Named) bool {
	return slices.ContainsFunc(ts, lint.ReadsBody)
}

// templatesGivenBase64 asks the matrix which request templates receive a
// binary upload base64-encoded.
func templatesGivenBase64(api *model.API, op *model.Operation) (types []string) {
	for _, t := range op.Integration.RequestTemplates {
		res := simulateRequest(api, op, t.Name.Raw, sampleBinary)
		if res.Behavior == matrix.TemplateApplied && res.Action == matrix.Base64Encode && res.Matched != nil {
			types = append(types, t.Name.Raw)
		}
	}
	return types
}
