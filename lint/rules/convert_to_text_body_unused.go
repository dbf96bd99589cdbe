package rules

import (
	"strings"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/lint"
	"github.com/apigw-oas/apigw-oas/model"
)

var ConvertToTextBodyUnused = &lint.Rule{
	ID:       "convert-to-text-body-unused",
	Category: lint.Requests,
	Severity: diag.Info,
	Summary:  "CONVERT_TO_TEXT with request templates that never use the body, so the converted payload is dropped",
	Fix:      "use $input.body in the template, or remove CONVERT_TO_TEXT if the body is not needed",
	Check: func(p *lint.Pass) {
		for _, op := range restOperations(p.API) {
			in := op.Integration
			// A mock has no backend to pass the body to: CONVERT_TO_TEXT there
			// only keeps binary out of its template (template-receives-binary).
			if in.ContentHandling.Value != model.ConvertToText || len(in.RequestTemplates) == 0 || in.Type.Value.IsProxy() || in.Type.Value == model.Mock {
				continue
			}
			if !anyTemplateReadsBody(in.RequestTemplates) {
				lint.Reportf(p, in.ContentHandling, op, "CONVERT_TO_TEXT converts the body to base64 for the request templates (%s), but none of them reads it ($input.body); the converted payload is dropped",
					templateNames(in.RequestTemplates))
			}
		}
	},
}

// anyTemplateReadsBody reports whether a template may read the body. One
// whose text is not known here (a Serverless ${file(...)}, a Terraform
// reference, a CloudFormation intrinsic) may.
func anyTemplateReadsBody(ts []model.Named) bool {
	for _, t := range ts {
		if !t.Value.IsString() {
			return true
		}
		for _, use := range []string{"$input.body", "${input.body}", "$input.json(", "${input.json(", "$input.path(", "${input.path("} {
			if strings.Contains(t.Value.Raw, use) {
				return true
			}
		}
	}
	return false
}
