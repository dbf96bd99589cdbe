package rules

import (
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
	Doc: "When an entry such as `*/*`, `application/*` or `application/json` matches the media type " +
		"of a request template, requests of that type are binary, and binary cannot go through a " +
		"template: 500. The classic case is a `mock` CORS `OPTIONS` method with a JSON request " +
		"template under `*/*`: a preflight has no Content-Type, which API Gateway takes as " +
		"application/json, so every preflight fails and the browser blocks the real request.\n\n" +
		"Bad:\n\n```yaml\nx-amazon-apigateway-binary-media-types: ['*/*']\npaths:\n  /items:\n    options:\n      x-amazon-apigateway-integration:\n        type: mock\n        requestTemplates:\n          application/json: '{\"statusCode\": 200}'\n```\n\n" +
		"Good:\n\n```yaml\n      x-amazon-apigateway-integration:\n        type: mock\n        contentHandling: CONVERT_TO_TEXT\n        requestTemplates:\n          application/json: '{\"statusCode\": 200}'\n```",
	Fix: "add contentHandling: CONVERT_TO_TEXT to the integration (or narrow the binary media types)",
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
				lint.Reportf(p, t.Name, op, "the binary media type %s matches %s, so %s requests are binary and cannot go through this request template: every one gets 500%s; add contentHandling: CONVERT_TO_TEXT to the integration",
					quoted(*res.Matched), t.Name.Raw, t.Name.Raw, preflightHint(op, t.Name.Raw))
			}
		}
	},
}

// preflightHint names the CORS consequence for OPTIONS mocks, whose
// preflights have no Content-Type and so use the application/json template.
func preflightHint(op *model.Operation, templateType string) string {
	if op.Method == "OPTIONS" && mediatype.EssenceOf(templateType) == "application/json" {
		return " (including every CORS preflight, which has no Content-Type and is taken as application/json)"
	}
	return ""
}
