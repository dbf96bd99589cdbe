package rules

import (
	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/lint"
	"github.com/apigw-oas/apigw-oas/matrix"
)

var PassthroughRejectsBinary = &lint.Rule{
	ID:       "passthrough-rejects-binary",
	Category: lint.Requests,
	Severity: diag.Warning,
	Summary:  "passthroughBehavior rejects an accepted binary type that has no template: 415",
	Doc: "With `passthroughBehavior: never`, or `when_no_templates` while templates exist, a request " +
		"whose Content-Type has no request template is rejected with 415 Unsupported Media Type. " +
		"Binary uploads rarely have a template, so an operation that accepts them this way rejects " +
		"every upload.\n\n" +
		"Bad:\n\n```yaml\nrequestBody:\n  content:\n    application/pdf: {}\nx-amazon-apigateway-integration:\n  passthroughBehavior: when_no_templates\n  requestTemplates:\n    application/json: '{}'\n```\n\n" +
		"Good:\n\n```yaml\nx-amazon-apigateway-integration:\n  passthroughBehavior: when_no_match\n  requestTemplates:\n    application/json: '{}'\n```",
	Fix: "use passthroughBehavior: when_no_match, or add a request template for the binary type",
	Check: func(p *lint.Pass) {
		for _, op := range restOperations(p.API) {
			for _, mt := range op.Accepts {
				if !mt.IsString() || !isBinaryContent(mt.Value) {
					continue
				}
				if res := simulateRequest(p.API, op, mt.Value, nil); res.Behavior == matrix.RejectNoMatch {
					lint.Reportf(p, op.Integration.PassthroughBehavior, op, "%s accepts %s, which has no request template, and passthroughBehavior %s rejects it: every such upload gets 415; use when_no_match or add a template for %s",
						op.Name(), mt.Value, op.Integration.PassthroughBehavior.Raw, mt.Value)
				}
			}
		}
	},
}
