package rules

import (
	"strings"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/lint"
	"github.com/apigw-oas/apigw-oas/source"
)

var BinaryMediaTypesType = &lint.Rule{
	ID:       "binary-media-types-type",
	Category: lint.Shape,
	Severity: diag.Error,
	Summary:  "the binary-media-types extension is not a list of strings",
	Doc: "`x-amazon-apigateway-binary-media-types` must be a JSON array of media-type strings. " +
		"A single string, a map or a number is not read as a list; an unrendered template placeholder " +
		"means the definition was imported before rendering.\n\n" +
		"Bad:\n\n```yaml\nx-amazon-apigateway-binary-media-types: image/png\n```\n\n" +
		"Good:\n\n```yaml\nx-amazon-apigateway-binary-media-types:\n  - image/png\n```",
	Fix: "write the extension as a list of media types, one string per entry",
	Check: func(p *lint.Pass) {
		bmt := p.API.BinaryMediaTypes
		if !bmt.Declared.Set {
			return
		}
		if bmt.Declared.Tag != source.TagSeq {
			lint.Reportf(p, bmt.Declared, nil, "x-amazon-apigateway-binary-media-types is %s, not a list; API Gateway expects an array of media types such as [image/png]%s",
				source.Describe(bmt.Declared.Tag, bmt.Declared.Raw), placeholderHint(bmt.Declared.Raw))
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
