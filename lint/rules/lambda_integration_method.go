package rules

import (
	"strings"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/lint"
	"github.com/apigw-oas/apigw-oas/matrix"
	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

var LambdaIntegrationMethod = &lint.Rule{
	ID:       "lambda-integration-method",
	Category: lint.Integration,
	Severity: diag.Error,
	Summary:  "a Lambda integration's httpMethod is not POST, so every call fails with 500",
	Fix:      "set the integration's httpMethod to POST",
	Autofix:  diag.Safe,
	Check: func(p *lint.Pass) {
		for _, op := range restOperations(p.API) {
			in := op.Integration
			m := in.HTTPMethod
			if !m.Set || source.IsCustomTag(m.Tag) || strings.EqualFold(m.Raw, "POST") {
				continue
			}
			if in.Type.Value == model.AWSProxy || matrix.InvokesLambda(in) {
				reportFixable(p, m, op, methodFix(m), "the integration invokes a Lambda function with httpMethod %s, but Lambda is invoked with POST only: every call to %s fails with 500; set httpMethod to POST", m.Raw, op.Name())
			}
		}
	},
}

// methodFix replaces the written httpMethod by POST, when the model knows
// where it is written.
func methodFix(m model.Field[string]) *diag.Fix {
	if m.Pointer == "" {
		return nil
	}
	return fixOf(replaceEdit(m.Pointer, "POST"))
}
