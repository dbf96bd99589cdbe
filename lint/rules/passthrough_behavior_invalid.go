package rules

import (
	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/lint"
	"github.com/apigw-oas/apigw-oas/model"
)

var PassthroughBehaviorInvalid = &lint.Rule{
	ID:       "passthrough-behavior-invalid",
	Category: lint.Shape,
	Severity: diag.Error,
	Summary:  "passthroughBehavior is not when_no_match, when_no_templates or never",
	Doc: "`passthroughBehavior` decides what happens to a request whose Content-Type has no " +
		"mapping template. Its values are `when_no_match` (the default), `when_no_templates` and " +
		"`never`.\n\n" +
		"Bad:\n\n```yaml\nx-amazon-apigateway-integration:\n  passthroughBehavior: sometimes\n```\n\n" +
		"Good:\n\n```yaml\nx-amazon-apigateway-integration:\n  passthroughBehavior: when_no_templates\n```",
	Fix: "use when_no_match, when_no_templates or never",
	Check: func(p *lint.Pass) {
		for _, op := range p.API.Operations {
			if in := op.Integration; in != nil {
				checkEnum(p, in.PassthroughBehavior, op, model.PassthroughBehaviorInvalid, "passthroughBehavior",
					[]string{"when_no_match", "when_no_templates", "never"})
			}
		}
	},
}
