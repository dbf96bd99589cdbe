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
	Fix:      "use when_no_match, when_no_templates or never",
	Autofix:  diag.Safe,
	Check: func(p *lint.Pass) {
		for _, op := range p.API.Operations {
			if in := op.Integration; in != nil {
				checkEnum(p, in.PassthroughBehavior, op, model.PassthroughBehaviorInvalid, "passthroughBehavior",
					[]string{"when_no_match", "when_no_templates", "never"})
			}
		}
	},
}
