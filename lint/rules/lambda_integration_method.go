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
	Doc: "API Gateway invokes a Lambda function with `POST`, whatever the method clients use; the " +
		"integration's `httpMethod` is that call's method, not the operation's. Any other value is " +
		"accepted at deploy time, and then every request fails with 500 `{\"message\": \"Internal " +
		"server error\"}` (recorded against AWS for an `aws_proxy` integration with `httpMethod: GET`: " +
		"500, not the 504 of an integration failure).\n\n" +
		"Bad:\n\n```yaml\nget:\n  x-amazon-apigateway-integration:\n    type: aws_proxy\n    httpMethod: GET\n```\n\n" +
		"Good:\n\n```yaml\nget:\n  x-amazon-apigateway-integration:\n    type: aws_proxy\n    httpMethod: POST\n```",
	Fix: "set the integration's httpMethod to POST",
	Check: func(p *lint.Pass) {
		for _, op := range restOperations(p.API) {
			in := op.Integration
			m := in.HTTPMethod
			if !m.Set || source.IsCustomTag(m.Tag) || strings.EqualFold(m.Raw, "POST") {
				continue
			}
			if in.Type.Value == model.AWSProxy || matrix.InvokesLambda(in) {
				lint.Reportf(p, m, op, "the integration invokes a Lambda function with httpMethod %s, but Lambda is invoked with POST only: every call to %s fails with 500; set httpMethod to POST", m.Raw, op.Name())
			}
		}
	},
}
