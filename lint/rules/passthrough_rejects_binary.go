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
	Fix:      "use passthroughBehavior: when_no_match, or add a request template for the binary type",
	Autofix:  diag.Safe,
	Check: func(p *lint.Pass) {
		for _, op := range restOperations(p.API) {
			for _, mt := range op.Accepts {
				if !mt.IsString() || !isBinaryContent(mt.Value) {
					continue
				}
				if res := simulateRequest(p.API, op, mt.Value, nil); res.Behavior == matrix.RejectNoMatch {
					pb := op.Integration.PassthroughBehavior
					reportFixable(p, pb, op, fixOf(replaceEdit(pb.Pointer, inCaseOf(pb.Raw, "when_no_match"))), "%s accepts %s, which has no request template, and passthroughBehavior %s rejects it: every such upload gets 415; use when_no_match or add a template for %s",
						op.Name(), mt.Value, op.Integration.PassthroughBehavior.Raw, mt.Value)
				}
			}
		}
	},
}
