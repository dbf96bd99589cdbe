package rules

import (
	"strings"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/lint"
	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
	"github.com/apigw-oas/apigw-oas/validate"
)

var OpenAPIInvalid = &lint.Rule{
	ID:       "openapi-invalid",
	Category: lint.OpenAPI,
	Severity: diag.Error, // the most a finding has: see weights
	Summary:  "the document is not valid OpenAPI",
	Fix:      "change the document as the message says; the OpenAPI specification defines each field",
	Check: func(p *lint.Pass) {
		def := p.API.Definition
		if def == nil || def.Kind != source.Mapping {
			return
		}
		switch p.API.Container {
		case model.ContainerCloudFormation, model.ContainerSAM, model.ContainerServerless, model.ContainerTerraform:
			def = validate.WithoutIntrinsics(def)
		}
		var problems []validate.Problem
		if p.API.Format == model.FormatOpenAPI2 {
			problems = validate.Swagger2(def)
		} else {
			problems = validate.OpenAPI3(def, p.Import.Location(), p.Import.Referenced)
		}
		reported := map[string]bool{} // $refs the importer could not follow
		for _, d := range p.Import.Diagnostics {
			reported[d.Pointer] = true
		}
		var finder source.Finder // thousands of problems may be among thousands of paths
		for _, pr := range problems {
			if !reported[p.API.DefinitionPointer+pr.Pointer] {
				reportProblem(p, &finder, pr)
			}
		}
	},
}

// weight is how much a class of problem matters to API Gateway.
type weight struct {
	severity diag.Severity
	// anyway is what a warning adds to its message: API Gateway imports
	// the document all the same.
	anyway string
}

// weights calibrates each class of problem to API Gateway's documented
// import behaviour (lint/rules/docs/openapi-invalid.md gives the sources):
// an error when the import fails or the document is not OpenAPI at all, a
// warning when only the OpenAPI specification forbids it.
var weights = map[validate.Class]weight{
	validate.Structure:     {severity: diag.Error},
	validate.ValueType:     {diag.Warning, "API Gateway imports it anyway"},
	validate.Missing:       {diag.Warning, "API Gateway imports it anyway"},
	validate.Specification: {diag.Warning, "API Gateway imports it anyway"},
	validate.BrokenRef:     {diag.Warning, "API Gateway imports it anyway, with an import warning (an import with failOnWarnings fails)"},
}

// reportProblem reports a validation problem on the nearest node its
// pointer reaches, in the file the definition was read from, on the key
// when there is one (the line a reader looks for). A problem on a value
// computed at deploy time is not reported: the value is unknown here.
func reportProblem(p *lint.Pass, finder *source.Finder, pr validate.Problem) {
	doc := p.API.DefinitionDoc
	if doc == nil {
		doc = p.Doc
	}
	pointer := p.API.DefinitionPointer + pr.Pointer
	entry := nearest(finder, doc.Root, pointer)
	if source.IsUnknown(entry.Value) {
		return
	}
	at := entry.Value
	if entry.Key != nil {
		at = entry.Key
	}
	msg := pr.Message
	w := weights[pr.Class]
	if w.anyway != "" {
		msg += "; " + w.anyway
	}
	p.Report(lint.Finding{Span: doc.Span(at), Pointer: pointer, Message: msg, Severity: w.severity})
}

// nearest finds the node a pointer names, or its closest ancestor that
// exists.
func nearest(finder *source.Finder, root *source.Node, pointer string) source.Entry {
	for {
		if e, err := finder.Lookup(root, pointer); err == nil {
			return e
		}
		i := strings.LastIndexByte(pointer, '/')
		if i < 0 {
			return source.Entry{Value: root}
		}
		pointer = pointer[:i]
	}
}
