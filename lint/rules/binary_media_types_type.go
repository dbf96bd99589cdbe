package rules

import (
	"fmt"
	"strings"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/lint"
	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

var BinaryMediaTypesType = &lint.Rule{
	ID:       "binary-media-types-type",
	Category: lint.Shape,
	Severity: diag.Error,
	Summary:  "the binary-media-types extension is not a list of strings",
	Fix:      "write the extension as a list of media types, one string per entry",
	Autofix:  diag.Safe,
	Check: func(p *lint.Pass) {
		bmt := p.API.BinaryMediaTypes
		if !bmt.Declared.Set || p.API.Kind == model.HTTPAPI {
			return // an HTTP API's list is to be removed: http-api-binary-media-types
		}
		if bmt.Declared.Tag != source.TagSeq {
			var fix *diag.Fix
			if bmt.Declared.Tag == source.TagStr && placeholderHint(bmt.Declared.Raw) == "" {
				fix = fixOf(replaceEdit(bmt.Declared.Pointer, []string{bmt.Declared.Raw}))
			}
			p.Report(lint.Finding{Span: bmt.Declared.Span, Pointer: bmt.Declared.Pointer, Fix: fix,
				Message: fmt.Sprintf("x-amazon-apigateway-binary-media-types is %s, not a list; API Gateway expects an array of media types such as [image/png]%s",
					source.Describe(bmt.Declared.Tag, bmt.Declared.Raw), placeholderHint(bmt.Declared.Raw))})
			return
		}
		for _, e := range bmt.Entries {
			if !e.IsString() && !e.Unknown {
				lint.Reportf(p, e.Field, nil, "binary media type entry is %s, not a string; API Gateway matches only strings such as \"image/png\"", source.Describe(e.Tag, e.Raw))
			}
		}
	},
}

func placeholderHint(raw string) string {
	if strings.Contains(raw, "${") {
		return " (the value is a template placeholder: lint the rendered definition)"
	}
	return ""
}
