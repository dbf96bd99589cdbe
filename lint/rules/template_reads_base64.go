package rules

import (
	"fmt"

	"github.com/apigw-oas/apigw-oas/clients"
	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/lint"
	"github.com/apigw-oas/apigw-oas/matrix"
	"github.com/apigw-oas/apigw-oas/mediatype"
	"github.com/apigw-oas/apigw-oas/model"
)

var TemplateReadsBase64 = &lint.Rule{
	ID:       "template-reads-base64",
	Category: lint.Requests,
	Severity: diag.Error,
	Summary:  "a mapping template reads a text body that CONVERT_TO_TEXT has base64-encoded, because a binary media type matches its text type",
	Fix:      "list only the binary types the API serves in the binary media types, so the template's text type is not binary",
	Autofix:  diag.Safe,
	Check: func(p *lint.Pass) {
		for _, op := range restOperations(p.API) {
			in := op.Integration
			if in.Type.Value.IsProxy() {
				continue
			}
			for _, t := range in.RequestTemplates {
				if !lint.ReadsBodyAsText(t) {
					continue
				}
				res := simulateRequest(p.API, op, t.Name.Raw, sampleText)
				if res.Behavior == matrix.TemplateApplied && res.Action == matrix.Base64Encode && res.Matched != nil {
					reportBase64Template(p, op, t, *res.Matched, "CONVERT_TO_TEXT base64-encodes "+t.Name.Raw+" requests")
				}
			}
			for i, r := range in.Responses {
				for _, t := range r.ResponseTemplates {
					if !lint.ReadsBodyAsText(t) {
						continue
					}
					if res, accept := responseTemplateSeesBase64(p.API, op, i, t); res != nil {
						reportBase64Template(p, op, t, *res.Matched, fmt.Sprintf("the %s integration response base64-encodes the backend's %s body for clients whose first Accept range is %s", quoted(r.Pattern.Raw), t.Name.Raw, accept))
					}
				}
			}
		}
	},
}

func reportBase64Template(p *lint.Pass, op *model.Operation, t model.Named, matched, how string) {
	n, ok := narrowEntry(p.API, matched)
	advice, fix := "list only the binary types the API serves", (*diag.Fix)(nil)
	if ok {
		advice, fix = n.describe(binaryList(p.API)), n.fix(t.Name.Span)
	}
	if fix == nil {
		advice += "; or decode it in the template: $util.base64Decode($input.body) is the text"
	}
	p.Report(lint.Finding{Span: t.Name.Span, Pointer: t.Name.Pointer, Operation: op, Fix: fix,
		Message: fmt.Sprintf("the binary media type %s matches %s, so %s: this template reads base64 text, not the %s it expects, and passes garbage on without an error; %s",
			quoted(matched), t.Name.Raw, how, t.Name.Raw, advice)})
}

// responseTemplateSeesBase64 simulates the i-th integration response alone
// (as if selected), answering with the template's own media type, for a
// client asking for that type and for each known client; it returns the
// first outcome where this template renders base64, and that client's
// first Accept range.
func responseTemplateSeesBase64(api *model.API, op *model.Operation, i int, t model.Named) (*matrix.Outcome, string) {
	cfg := matrix.ConfigFor(api, op)
	ir := cfg.Responses[i]
	ir.Pattern = "default"
	cfg.Responses = []matrix.IntegrationResponse{ir}
	accepts := []string{t.Name.Raw}
	for _, prof := range clients.Profiles {
		accepts = append(accepts, prof.Accept)
	}
	for _, accept := range accepts {
		res := matrix.SimulateResponse(cfg, matrix.Response{Accept: accept, HasAccept: true, ContentType: t.Name.Raw, HasContentType: true, Body: sampleText})
		if res.Status < 400 && res.Template != nil && *res.Template == t.Name.Raw && res.Action == matrix.Base64Encode && res.Matched != nil {
			first, _ := mediatype.FirstRange(accept)
			return res, first
		}
	}
	return nil, ""
}
