package rules

import (
	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/lint"
	"github.com/apigw-oas/apigw-oas/matrix"
	"github.com/apigw-oas/apigw-oas/mediatype"
	"github.com/apigw-oas/apigw-oas/model"
)

// formType is the media type HTML forms post, text that an HTTP API hands
// to Lambda as base64.
const formType = "application/x-www-form-urlencoded"

var HTTPAPIFormBase64 = &lint.Rule{
	ID:       "http-api-form-base64",
	Category: lint.Requests,
	Severity: diag.Info,
	Summary:  "an HTTP API Lambda accepts form posts, which reach it base64-encoded",
	Fix:      "decode event.body from base64 when event.isBase64Encoded is true before parsing the form",
	Check: func(p *lint.Pass) {
		if p.API.Kind != model.HTTPAPI {
			return
		}
		for _, op := range p.API.Operations {
			if op.Integration == nil || op.Integration.Type.Value != model.AWSProxy {
				continue
			}
			cfg := matrix.ConfigFor(p.API, op)
			for _, m := range op.Accepts {
				if !m.IsString() || mediatype.EssenceOf(m.Value) != formType {
					continue
				}
				res := matrix.SimulateRequest(cfg, matrix.Request{ContentType: m.Value, HasContentType: true, Body: []byte("a=1")})
				if res.IsBase64Encoded != nil && *res.IsBase64Encoded {
					lint.Reportf(p, m.Field, op, "form posts to %s reach the Lambda base64-encoded, with isBase64Encoded: true (an HTTP API passes only text/*, JSON, XML and JavaScript as text); decode event.body before parsing the form", op.Name())
				}
			}
		}
	},
}
