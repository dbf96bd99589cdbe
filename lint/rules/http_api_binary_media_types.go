package rules

import (
	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/lint"
	"github.com/apigw-oas/apigw-oas/model"
)

var HTTPAPIBinaryMediaTypes = &lint.Rule{
	ID:       "http-api-binary-media-types",
	Category: lint.Integration,
	Severity: diag.Warning,
	Summary:  "binary media types configured for an HTTP API, which ignores them",
	Fix:      "remove the list; in the Lambda, read isBase64Encoded on requests and set it on binary responses",
	// Unsafe: HTTP APIs are not simulated, so nothing checks that the
	// removal serves the same (lint.Run judges each such fix so too).
	Autofix: diag.Unsafe,
	Check: func(p *lint.Pass) {
		if p.API.Kind != model.HTTPAPI || !p.API.BinaryMediaTypes.Declared.Set {
			return
		}
		reportFixable(p, p.API.BinaryMediaTypes.Declared, nil, fixOf(removeEdit(p.API.BinaryMediaTypes.Declared.Pointer)), "binary media types have no effect on an HTTP API (%s): it base64-encodes non-text request bodies and decodes Lambda responses with isBase64Encoded itself; remove the list",
			p.API.KindEvidence.Reason)
	},
}
