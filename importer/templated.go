package importer

import (
	"bytes"
	"regexp"
	"strconv"
	"unicode/utf8"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/source"
)

// templatePlaceholders are the placeholders of the template tools teams
// render definitions with before a deploy, each as written on one line:
// Jinja and Go templates ({% %}, {{ }}, {# #}), GitHub Actions and Azure
// expressions (${{ }}), ERB and EJS (<% %>), and the token-replacement
// steps of CI systems (%%VAR%%, @@VAR@@). Terraform's ${…} is left out:
// it is valid inside YAML strings and is read as an opaque value.
var templatePlaceholders = regexp.MustCompile(`\$?\{\{[^\n]*?\}\}|\{%[^\n]*?%\}|\{#[^\n]*?#\}|<%[^\n]*?%>|%%[A-Za-z_][\w.-]*%%|@@[A-Za-z_][\w.-]*@@`)

// templateOpenings are the opening tags alone, for a placeholder whose
// closing tag is on another line ({% for p in paths
// %}), or missing.
var templateOpenings = regexp.MustCompile(`\{%-?\s|\{\{-?\s*[\w.$(|"'-]|\{#|<%[=-]?\s`)

// maxPlaceholderRunes bounds how much of a placeholder a message quotes.
const maxPlaceholderRunes = 60

// templated reports a file that could not be parsed and contains template
// placeholders: the parse error would only confuse, so it is replaced by
// one that names the first placeholder, where it is, and what to do.
func templated(name string, data []byte) (diag.Diagnostic, bool) {
	loc := templatePlaceholders.FindIndex(data)
	if open := templateOpenings.FindIndex(data); open != nil && (loc == nil || open[0] < loc[0]) {
		end := bytes.IndexByte(data[open[0]:], '\n')
		if end < 0 {
			end = len(data) - open[0]
		}
		loc = []int{open[0], open[0] + end}
	}
	if loc == nil {
		return diag.Diagnostic{}, false
	}
	placeholder := string(bytes.TrimSpace(data[loc[0]:loc[1]]))
	if utf8.RuneCountInString(placeholder) > maxPlaceholderRunes {
		placeholder = string([]rune(placeholder)[:maxPlaceholderRunes]) + "…"
	}
	start, end := position(data, loc[0]), position(data, loc[1])
	return diag.Diagnostic{
		Rule: diag.RuleSyntax, Severity: diag.Error,
		Span:    source.Span{File: name, Start: start, End: end},
		Message: "the file looks templated (" + placeholder + " on line " + strconv.Itoa(start.Line) + "), not YAML or JSON yet: render it first with the tool that fills it in, and lint the result",
	}, true
}

// position is the line and column (in code points) of a byte offset.
func position(data []byte, offset int) source.Pos {
	lineStart := bytes.LastIndexByte(data[:offset], '\n') + 1
	return source.Pos{Line: 1 + bytes.Count(data[:offset], []byte("\n")), Col: 1 + utf8.RuneCount(data[lineStart:offset]), Offset: offset}
}
