package rules

import (
	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/lint"
	"github.com/apigw-oas/apigw-oas/matrix"
	"github.com/apigw-oas/apigw-oas/model"
)

var RequestConvertToBinaryText = &lint.Rule{
	ID:       "request-convert-to-binary-text",
	Category: lint.Requests,
	Severity: diag.Warning,
	Summary:  "CONVERT_TO_BINARY on an integration whose accepted text types are not listed: clients must send base64 or get a 500",
	Fix:      "remove CONVERT_TO_BINARY, or make sure the operation only accepts types that are listed as binary",
	Autofix:  diag.Safe,
	Check: func(p *lint.Pass) {
		for _, op := range restOperations(p.API) {
			if op.Integration.ContentHandling.Value != model.ConvertToBinary || op.Integration.Type.Value.IsProxy() {
				continue
			}
			for _, mt := range op.Accepts {
				if !mt.IsString() || !isTextContent(mt.Value) {
					continue
				}
				if res := simulateRequest(p.API, op, mt.Value, sampleText); res.Behavior == matrix.InvalidBase64 {
					ch := op.Integration.ContentHandling
					reportFixable(p, ch, op, fixOf(removeEdit(ch.Pointer)), "%s accepts %s, a text type, but its integration has CONVERT_TO_BINARY: API Gateway base64-decodes the body and answers 500 when it is not base64; remove CONVERT_TO_BINARY or accept only binary types",
						op.Name(), mt.Value)
					break
				}
			}
		}
	},
}
