package rules

import (
	"strings"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/lint"
	"github.com/apigw-oas/apigw-oas/matrix"
	"github.com/apigw-oas/apigw-oas/model"
)

var HTTPAcceptNotForwarded = &lint.Rule{
	ID:       "http-accept-not-forwarded",
	Category: lint.Integration,
	Severity: diag.Warning,
	Summary:  "an operation negotiates binary content by Accept through a non-proxy http integration that does not forward Accept",
	Fix:      "declare the Accept header on the method and map integration.request.header.Accept to method.request.header.Accept (or use http_proxy)",
	Check: func(p *lint.Pass) {
		for _, op := range restOperations(p.API) {
			if op.Integration.Type.Value != model.HTTP {
				continue
			}
			binary, others := negotiated(op)
			if binary == nil || len(others) == 0 {
				continue
			}
			sent := simulateRequest(p.API, op, matrix.BackendAccept, nil).IntegrationAccept
			if sent == nil || *sent != matrix.BackendAccept {
				continue // the backend gets the client's Accept, or another type the author chose
			}
			lint.Reportf(p, binary.Field, op, "%s answers %s or %s by the client's Accept, but this http integration sends the backend Accept: %s whatever the client asks, so a client asking for %s gets what the backend answers to %s; declare the Accept header among the method's request parameters and map integration.request.header.Accept to method.request.header.Accept",
				op.Name(), binary.Value, listText(others), matrix.BackendAccept, binary.Value, matrix.BackendAccept)
		}
	},
}

// negotiated finds the first binary media type among an operation's 2xx
// responses and the other types it answers beside it.
func negotiated(op *model.Operation) (binary *model.MediaType, others []string) {
	for _, r := range op.Responses {
		if !strings.HasPrefix(r.Status.Raw, "2") {
			continue
		}
		for i, m := range r.Produces {
			switch {
			case !m.IsString():
			case binary == nil && isBinaryContent(m.Value):
				binary = &r.Produces[i]
			default:
				others = append(others, m.Value)
			}
		}
	}
	return binary, others
}
