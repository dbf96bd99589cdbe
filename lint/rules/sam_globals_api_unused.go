package rules

import (
	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/lint"
)

// SAMGlobalsAPIUnused is a lint rule, not an import error: the template is
// read and deploys; the setting just does nothing, which is a finding to
// configure, ignore or baseline like any other, at warning strength.
var SAMGlobalsAPIUnused = &lint.Rule{
	ID:       "sam-globals-api-unused",
	Category: lint.Shape,
	Severity: diag.Warning,
	Summary:  "SAM Globals.Api settings in a template with no REST API they apply to, so they configure nothing",
	Fix:      "set it on the API it was meant for (an AWS::Serverless::Api's Properties, an AWS::ApiGateway::RestApi's own BinaryMediaTypes), or remove it; HTTP APIs take Globals.HttpApi and have no binary media types",
	Autofix:  diag.Safe,
	// a file rule: the template may hold no API at all
	CheckFile: func(p *lint.Pass) {
		for _, u := range p.Import.Unapplied {
			p.Report(lint.Finding{Span: u.Span, Pointer: u.Pointer, Fix: fixOf(removeEdit(u.Pointer)),
				Message: u.Setting + " reaches no API: " + u.Why + " (HTTP APIs take Globals.HttpApi; an AWS::ApiGateway::RestApi takes only its own properties); set it on the API it was meant for, or remove it"})
		}
	},
}
