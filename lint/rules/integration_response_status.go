package rules

import (
	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/lint"
	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

var IntegrationResponseStatus = &lint.Rule{
	ID:       "integration-response-status",
	Category: lint.Shape,
	Severity: diag.Warning,
	Summary:  "an integration response's statusCode is not a string, or not declared among the operation's responses",
	Fix:      "quote the status code, and declare the response under the operation's responses",
	Autofix:  diag.Safe,
	Check: func(p *lint.Pass) {
		for _, op := range p.API.Operations {
			if op.Integration == nil {
				continue
			}
			for _, r := range op.Integration.Responses {
				checkStatus(p, op, r.StatusCode)
			}
		}
	},
}

func checkStatus(p *lint.Pass, op *model.Operation, status model.Field[string]) {
	switch {
	case !status.Set, source.IsCustomTag(status.Tag):
		// absent, or known only at deploy time (!Ref, a Terraform reference)
	case status.Tag != source.TagStr:
		reportFixable(p, status, op, fixOf(replaceEdit(status.Pointer, status.Raw)), "integration response statusCode %s is written as %s; write it as a string, %q", status.Raw, source.Describe(status.Tag, status.Raw), status.Raw)
	case !declares(op, status.Raw):
		lint.Reportf(p, status, op, "integration response statusCode %q is not declared among the responses of %s; declare it, or map to a declared status", status.Raw, op.Name())
	}
}

// declares reports whether an operation lists a status (or a default
// response, which covers every status).
func declares(op *model.Operation, status string) bool {
	if len(op.Responses) == 0 {
		return true // nothing declared: nothing to compare with
	}
	for _, r := range op.Responses {
		if r.Status.Raw == status || r.Status.Raw == "default" {
			return true
		}
	}
	return false
}
