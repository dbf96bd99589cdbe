package rules

import (
	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/lint"
	"github.com/apigw-oas/apigw-oas/model"
)

var ContentHandlingInvalid = &lint.Rule{
	ID:       "content-handling-invalid",
	Category: lint.Shape,
	Severity: diag.Error,
	Summary:  "contentHandling is not exactly CONVERT_TO_TEXT or CONVERT_TO_BINARY",
	Fix:      "write CONVERT_TO_TEXT or CONVERT_TO_BINARY in upper case, or remove the setting",
	Autofix:  diag.Safe,
	Check: func(p *lint.Pass) {
		allowed := []string{"CONVERT_TO_TEXT", "CONVERT_TO_BINARY"}
		for _, op := range p.API.Operations {
			if in := op.Integration; in != nil {
				checkEnum(p, in.ContentHandling, op, model.ContentHandlingInvalid, "contentHandling", allowed)
				for _, r := range in.Responses {
					checkEnum(p, r.ContentHandling, op, model.ContentHandlingInvalid, "contentHandling", allowed)
				}
			}
		}
	},
}
