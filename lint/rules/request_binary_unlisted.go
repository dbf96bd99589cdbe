package rules

import (
	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/lint"
	"github.com/apigw-oas/apigw-oas/matrix"
	"github.com/apigw-oas/apigw-oas/model"
)

var RequestBinaryUnlisted = &lint.Rule{
	ID:       "request-binary-unlisted",
	Category: lint.Requests,
	Severity: diag.Error,
	Summary:  "the operation accepts a binary media type that no binary media type entry matches",
	Fix:      "add the media type (or its type/*) to x-amazon-apigateway-binary-media-types",
	Autofix:  diag.Safe,
	Check: func(p *lint.Pass) {
		if p.API.BinaryMediaTypes.HasUnknown() {
			return // an entry computed at deploy time may match
		}
		for _, op := range restOperations(p.API) {
			for _, mt := range op.Accepts {
				if !mt.IsString() || !isBinaryContent(mt.Value) {
					continue
				}
				if res := simulateRequest(p.API, op, mt.Value, sampleBinary); res.Action == matrix.AsText {
					advice, fix := addBinaryTypeAdvice(p.API, op, mt.Value)
					reportFixable(p, mt.Field, op, fix, "%s accepts %s, which matches no binary media type: API Gateway treats the body as text and replaces invalid UTF-8 with U+FFFD (200 OK, corrupted upload); %s",
						op.Name(), mt.Value, advice)
				}
			}
		}
	},
}

// addBinaryTypeAdvice adds the media type to the list. When the matrix
// says the upload would then be binary in a request template (500), the
// integration also needs CONVERT_TO_TEXT, which gives the template base64:
// the documented way to put binary into a template.
func addBinaryTypeAdvice(api *model.API, op *model.Operation, mediaType string) (string, *diag.Fix) {
	advice := "add " + mediaType + " to " + binaryList(api)
	fix := addBinaryTypesFix(api, op.Span.File, mediaType)
	cfg := matrix.ConfigFor(api, op)
	cfg.BinaryMediaTypes = append(cfg.BinaryMediaTypes, mediaType)
	if matrix.SimulateRequest(cfg, matrix.Request{ContentType: mediaType, HasContentType: true}).Behavior != matrix.BinaryIntoVTL {
		return advice, fix
	}
	advice += ", and contentHandling: CONVERT_TO_TEXT to the integration, so that its request template for " + mediaType + " gets the upload as base64 text instead of failing with 500"
	in := op.Integration
	if fix == nil || in.Pointer == "" || in.ContentHandling.Set {
		return advice, nil
	}
	return advice, fixOf(append(fix.Edits, contentHandlingEdit(in.Pointer, integrationKeys(in)...))...)
}
