package importer

import (
	"bytes"
	"regexp"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/source"
)

// templateMarkers are the tags of template languages that make a file
// invalid YAML or JSON until it is rendered: Jinja and Go templates ({%
// %}, {{ }}, {# #}) and ERB (<% %>). Terraform's ${…} is left out: it is
// valid inside YAML strings and is read as an opaque value.
var templateMarkers = regexp.MustCompile(`\{%-?\s|\{\{-?\s*[\w.$(|"'-]|\{#|<%=?\s`)

// templated reports a file that could not be parsed and contains template
// tags: the parse error would only confuse, so it is replaced by one that
// says what to do.
func templated(name string, data []byte) (diag.Diagnostic, bool) {
	loc := templateMarkers.FindIndex(data)
	if loc == nil {
		return diag.Diagnostic{}, false
	}
	line := 1 + bytes.Count(data[:loc[0]], []byte("\n"))
	col := 1 + len([]rune(string(data[bytes.LastIndexByte(data[:loc[0]], '\n')+1:loc[0]])))
	return diag.Diagnostic{
		Rule: diag.RuleSyntax, Severity: diag.Error,
		Span:    source.Span{File: name, Start: source.Pos{Line: line, Col: col, Offset: loc[0]}, End: source.Pos{Line: line, Col: col + len([]rune(string(data[loc[0]:loc[1]]))), Offset: loc[1]}},
		Message: "the file looks like a template (" + string(bytes.TrimSpace(data[loc[0]:loc[1]])) + "…), not YAML or JSON yet: render it first (e.g. with the tool that fills it in) and lint the result",
	}, true
}
