package rules

import (
	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/lint"
	"github.com/apigw-oas/apigw-oas/model"
)

var IntegrationTypeInvalid = &lint.Rule{
	ID:       "integration-type-invalid",
	Category: lint.Shape,
	Severity: diag.Error,
	Summary:  "the integration type is not aws, aws_proxy, http, http_proxy or mock",
	Fix:      "use aws_proxy for a Lambda proxy, aws for a Lambda or AWS service with templates, http/http_proxy for URLs, mock for canned answers",
	Autofix:  diag.Safe,
	Check: func(p *lint.Pass) {
		for _, op := range p.API.Operations {
			if in := op.Integration; in != nil {
				checkEnum(p, in.Type, op, model.IntegrationTypeInvalid, "integration type",
					[]string{"aws", "aws_proxy", "http", "http_proxy", "mock"})
			}
		}
	},
}
