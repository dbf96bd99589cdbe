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
	Fix:      "keep the list only for what requests send",
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
