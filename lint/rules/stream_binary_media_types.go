package rules

import (
	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/lint"
	"github.com/apigw-oas/apigw-oas/model"
)

var StreamBinaryMediaTypes = &lint.Rule{
	ID:       "stream-binary-media-types",
	Category: lint.Integration,
	Severity: diag.Info,
	Summary:  "responseTransferMode STREAM: responses do not need binary media types; the listed ones still affect requests",
	Doc: "A streamed response (`responseTransferMode: STREAM`) reaches the client as binary without " +
		"binary media types. If the list exists only for such responses it can go; it still decides " +
		"whether request bodies are binary, for every operation of the API.\n\n" +
		"Example:\n\n```yaml\nx-amazon-apigateway-binary-media-types: [video/mp4]\npaths:\n  /videos/{id}:\n    get:\n      x-amazon-apigateway-integration:\n        type: http_proxy\n        responseTransferMode: STREAM\n```",
	Fix: "keep the list only for what requests send",
	Check: func(p *lint.Pass) {
		if !p.API.BinaryMediaTypes.Declared.Set {
			return
		}
		for _, op := range p.API.Operations {
			// STREAM applies to proxy integrations only
			if in := op.Integration; in != nil && in.ResponseTransferMode.Value == model.Stream && in.Type.Value.IsProxy() {
				lint.Reportf(p, in.ResponseTransferMode, op, "%s streams its responses, which reach clients as binary without binary media types; the list still decides which request bodies are binary",
					op.Name())
			}
		}
	},
}
