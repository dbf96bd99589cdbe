package rules

import (
	"fmt"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/lint"
	"github.com/apigw-oas/apigw-oas/matrix"
	"github.com/apigw-oas/apigw-oas/mediatype"
	"github.com/apigw-oas/apigw-oas/model"
)

var TemplateReceivesBinary = &lint.Rule{
	ID:       "template-receives-binary",
	Category: lint.Requests,
	Severity: diag.Error,
	Summary:  "a binary media type entry makes requests binary that a mapping template must process, and the integration lacks CONVERT_TO_TEXT",
	Fix:      "add contentHandling: CONVERT_TO_TEXT to the integration when the template does not read the body; when it does, list only the binary types the API serves",
	Autofix:  diag.Safe,
	Check: func(p *lint.Pass) {
		for _, op := range restOperations(p.API) {
			in := op.Integration
			if in.ContentHandling.Value == model.ConvertToBinary || in.Type.Value.IsProxy() {
				continue // convert-to-binary-with-template covers CONVERT_TO_BINARY
			}
			for _, t := range in.RequestTemplates {
				res := simulateRequest(p.API, op, t.Name.Raw, sampleText)
				if res.Behavior != matrix.BinaryIntoVTL || res.Matched == nil {
					continue
				}
				advice, fix := convertToTextAdvice(in, t)
				if op.Generated != nil {
					// the tool writes the integration: what the user can
					// change is the list that makes the template's type binary
					advice, fix = generatedAdvice(p.API, op, *res.Matched, t)
				} else if lint.ReadsBodyAsText(t) {
					// CONVERT_TO_TEXT would hand this template base64 instead
					// of the text it parses (template-reads-base64).
					advice, fix = narrowAdvice(p.API, *res.Matched, t)
				}
				p.Report(lint.Finding{Span: t.Name.Span, Pointer: t.Name.Pointer, Operation: op, Fix: fix,
					Message: fmt.Sprintf("the binary media type %s matches %s, so %s requests are binary and cannot go through this request template: every one gets 500%s; %s",
						quoted(*res.Matched), t.Name.Raw, t.Name.Raw, preflightHint(op, t.Name.Raw), advice)})
			}
		}
	},
}

// convertToTextAdvice is the fix for a template that does not read the
// body as text: CONVERT_TO_TEXT keeps binary out of it.
func convertToTextAdvice(in *model.Integration, t model.Named) (string, *diag.Fix) {
	advice := "add contentHandling: CONVERT_TO_TEXT to the integration"
	if in.Pointer == "" || in.Span.File != t.Name.Span.File {
		return advice, nil
	}
	return advice, fixOf(contentHandlingEdit(in.Pointer, integrationKeys(in)...))
}

// generatedAdvice is the fix for a template of a method the deployment
// tool writes (SAM's or the Serverless Framework's CORS preflight): its
// integration cannot take contentHandling, but the binary media types can
// stop matching the template's type.
func generatedAdvice(api *model.API, op *model.Operation, matched string, t model.Named) (string, *diag.Fix) {
	advice := op.Generated.By + " writes this method without contentHandling, so "
	if n, ok := narrowEntry(api, matched); ok {
		if len(n.by) == 0 {
			// The methods the tool writes for function events declare no
			// media types, so "no operation declares one" says little about
			// what the API serves: removing the entry is advice, not a fix.
			return advice + n.describe(binaryList(api)), nil
		}
		return advice + n.describe(binaryList(api)), n.fix(t.Name.Span)
	}
	return advice + "list only the binary types the API serves, or declare " + op.Name() + " yourself with contentHandling: CONVERT_TO_TEXT", nil
}

// narrowAdvice is the fix for a template that reads the body as text: the
// entry that makes its type binary must stop matching it.
func narrowAdvice(api *model.API, matched string, t model.Named) (string, *diag.Fix) {
	n, ok := narrowEntry(api, matched)
	if !ok {
		return "the template reads the body, so CONVERT_TO_TEXT would give it base64; list only the binary types the API serves", nil
	}
	return "the template reads the body, so CONVERT_TO_TEXT would give it base64 instead; " + n.describe(binaryList(api)), n.fix(t.Name.Span)
}

// preflightHint names the CORS consequence for OPTIONS mocks, whose
// preflights have no Content-Type and so use the application/json template.
func preflightHint(op *model.Operation, templateType string) string {
	if op.Method == "OPTIONS" && mediatype.EssenceOf(templateType) == "application/json" {
		return " (including every CORS preflight, which has no Content-Type and is taken as application/json)"
	}
	return ""
}
