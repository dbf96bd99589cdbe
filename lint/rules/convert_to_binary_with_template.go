package rules

import (
	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/lint"
	"github.com/apigw-oas/apigw-oas/model"
)

var ConvertToBinaryWithTemplate = &lint.Rule{
	ID:       "convert-to-binary-with-template",
	Category: lint.Requests,
	Severity: diag.Error,
	Summary:  "CONVERT_TO_BINARY together with mapping templates: every templated request or response is a 500",
	Fix:      "use CONVERT_TO_TEXT when a template must see the payload, or remove the templates",
	Check: func(p *lint.Pass) {
		for _, op := range restOperations(p.API) {
			in := op.Integration
			if in.ContentHandling.Value == model.ConvertToBinary && len(in.RequestTemplates) > 0 && !in.Type.Value.IsProxy() {
				lint.Reportf(p, in.ContentHandling, op, "CONVERT_TO_BINARY with request templates (%s): a binary payload cannot go through a mapping template, so matching requests get 500; use CONVERT_TO_TEXT or remove the templates",
					templateNames(in.RequestTemplates))
			}
			for _, r := range in.Responses {
				if r.ContentHandling.Value == model.ConvertToBinary && len(r.ResponseTemplates) > 0 {
					lint.Reportf(p, r.ContentHandling, op, "CONVERT_TO_BINARY with response templates (%s) on the %s integration response: a binary payload cannot go through a mapping template, so clients get 500; remove the templates or the conversion",
						templateNames(r.ResponseTemplates), quoted(r.Pattern.Raw))
				}
			}
		}
	},
}

func templateNames(ts []model.Named) string {
	names := make([]string, len(ts))
	for i, t := range ts {
		names[i] = t.Name.Raw
	}
	return listText(names)
}
