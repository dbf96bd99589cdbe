package rules

import (
	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/lint"
	"github.com/apigw-oas/apigw-oas/model"
)

var ProxyContentHandling = &lint.Rule{
	ID:       "proxy-content-handling",
	Category: lint.Integration,
	Severity: diag.Warning,
	Summary:  "contentHandling on an aws_proxy or http_proxy integration, where it has no effect",
	Fix:      "remove contentHandling; control binary with the binary media types and isBase64Encoded",
	Autofix:  diag.Safe,
	Check: func(p *lint.Pass) {
		for _, op := range p.API.Operations {
			in := op.Integration
			if in == nil || !in.Type.Value.IsProxy() {
				continue
			}
			fields := []model.Field[model.ContentHandling]{in.ContentHandling}
			for _, r := range in.Responses {
				fields = append(fields, r.ContentHandling)
			}
			for _, f := range fields {
				if f.Set {
					reportFixable(p, f, op, fixOf(removeEdit(f.Pointer)), "contentHandling %s has no effect on this %s integration (%s); binary there is decided by %s; remove it",
						f.Raw, in.Type.Value, proxyEvidence(in.Type.Value), proxyControls(in.Type.Value))
				}
			}
		}
	},
}

// proxyControls names what decides binary for a proxy integration.
func proxyControls(t model.IntegrationType) string {
	if t == model.AWSProxy {
		return "the binary media types, the first Accept media range and the Lambda's isBase64Encoded"
	}
	return "the binary media types (for the request's Content-Type and the client's first Accept media range)"
}

// proxyEvidence says how sure "no effect" is, as explain's steps do.
func proxyEvidence(t model.IntegrationType) string {
	if t == model.AWSProxy {
		return "recorded against AWS: nothing is converted, twice or at all"
	}
	return "unrecorded for http_proxy; the simulator assumes the same"
}
