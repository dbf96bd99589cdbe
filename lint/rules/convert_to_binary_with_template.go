package rules

import (
	"strings"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/lint"
	"github.com/apigw-oas/apigw-oas/model"
)

var ConvertToBinaryWithTemplate = &lint.Rule{
	ID:       "convert-to-binary-with-template",
	Category: lint.Requests,
	Severity: diag.Error,
	Summary:  "CONVERT_TO_BINARY together with mapping templates: every templated request or response is a 500",
	Fix:      "use CONVERT_TO_TEXT when a template must see the payload (unless it reads the body of a type that is binary), or remove the templates",
	Autofix:  diag.Unsafe,
	Check: func(p *lint.Pass) {
		for _, op := range restOperations(p.API) {
			in := op.Integration
			if in.ContentHandling.Value == model.ConvertToBinary && len(in.RequestTemplates) > 0 && !in.Type.Value.IsProxy() {
				fix := convertToTextFix(p.API, op)
				advice := "use CONVERT_TO_TEXT or remove the templates"
				if fix == nil {
					advice = "remove the templates; CONVERT_TO_TEXT would give base64 to a template that reads the body as text, whose type is binary"
				}
				reportFixable(p, in.ContentHandling, op, fix, "CONVERT_TO_BINARY with request templates (%s): a binary payload cannot go through a mapping template, so matching requests get 500; %s",
					templateNames(in.RequestTemplates), advice)
			}
			for _, r := range in.Responses {
				if r.ContentHandling.Value == model.ConvertToBinary && len(r.ResponseTemplates) > 0 {
					reportFixable(p, r.ContentHandling, op, removeTemplatesFix(r), "CONVERT_TO_BINARY with response templates (%s) on the %s integration response: a binary payload cannot go through a mapping template, so clients get 500; remove the templates",
						templateNames(r.ResponseTemplates), quoted(r.Pattern.Raw))
				}
			}
		}
	},
}

// convertToTextFix replaces CONVERT_TO_BINARY by CONVERT_TO_TEXT, unless a
// template that reads the body as text would then be given base64 (its
// type is binary: template-reads-base64).
func convertToTextFix(api *model.API, op *model.Operation) *diag.Fix {
	for _, t := range op.Integration.RequestTemplates {
		if lint.ReadsBodyAsText(t) && simulateRequest(api, op, t.Name.Raw, sampleText).Binary {
			return nil
		}
	}
	ch := op.Integration.ContentHandling
	return fixOf(replaceEdit(ch.Pointer, "CONVERT_TO_TEXT"))
}

// removeTemplatesFix removes response templates that only pass the body
// through ($input.body, or nothing): they add nothing but the 500.
func removeTemplatesFix(r *model.IntegrationResponse) *diag.Fix {
	var edits []diag.Edit
	for _, t := range r.ResponseTemplates {
		if body := strings.TrimSpace(t.Value.Raw); !t.Value.IsString() || (body != "" && body != "$input.body" && body != "${input.body}") {
			return nil
		}
		edits = append(edits, removeEdit(t.Name.Pointer))
	}
	return fixOf(edits...)
}
