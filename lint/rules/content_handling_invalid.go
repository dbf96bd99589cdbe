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
	Doc: "`contentHandling` (on an integration, or on one of its responses) accepts exactly " +
		"`CONVERT_TO_TEXT` or `CONVERT_TO_BINARY`; leave it out for the default pass-through. AWS " +
		"documents only the upper-case values; other spellings are rejected or ignored.\n\n" +
		"Bad:\n\n```yaml\nx-amazon-apigateway-integration:\n  contentHandling: convert_to_binary\n```\n\n" +
		"Good:\n\n```yaml\nx-amazon-apigateway-integration:\n  contentHandling: CONVERT_TO_BINARY\n```",
	Fix: "write CONVERT_TO_TEXT or CONVERT_TO_BINARY in upper case, or remove the setting",
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
