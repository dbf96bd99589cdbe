package importer

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/internal/lazyregexp"
	"github.com/apigw-oas/apigw-oas/source"
)

// templatePlaceholders are the placeholders of the template tools teams
// render definitions with before a deploy, each as written on one line:
// Jinja and Go templates ({% %}, {{ }}, {# #}), GitHub Actions and Azure
// expressions (${{ }}), ERB and EJS (<% %>), and the token-replacement
// steps of CI systems (%%VAR%%, @@VAR@@). Terraform's ${…} is left out:
// it is valid inside YAML strings and is read as an opaque value.
var templatePlaceholders = lazyregexp.New(`\$?\{\{[^\n]*?\}\}|\{%[^\n]*?%\}|\{#[^\n]*?#\}|<%[^\n]*?%>|%%[A-Za-z_][\w.-]*%%|@@[A-Za-z_][\w.-]*@@`)

// templateOpenings are the opening tags alone, for a placeholder whose
// closing tag is on another line ({% for p in paths
// %}), or missing.
var templateOpenings = lazyregexp.New(`\{%-?\s|\{\{-?\s*[\w.$(|"'-]|\{#|<%[=-]?\s`)

// placeholderTags are the two characters that begin every alternative of
// templatePlaceholders, so a scalar without any of them cannot match it.
// Checking them first keeps the expression (and the 36 KiB its first
// backtracking run allocates) away from the {path} parameters of URIs,
// the only braces most definitions have.
var placeholderTags = [...]string{"{{", "{%", "{#", "<%", "%%", "@@"}

// mayHoldPlaceholder reports whether s holds one of placeholderTags.
func mayHoldPlaceholder(s string) bool {
	for _, tag := range placeholderTags {
		if strings.Contains(s, tag) {
			return true
		}
	}
	return false
}

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
		Message: "the file looks templated (" + placeholder + " on line " + strconv.Itoa(int(start.Line)) + "), not YAML or JSON yet: render it first with the tool that fills it in, and lint the result",
	}, true
}

// position is the line and column (in code points) of a byte offset.
func position(data []byte, offset int) source.Pos {
	lineStart := bytes.LastIndexByte(data[:offset], '\n') + 1
	line, col := 1+bytes.Count(data[:offset], []byte("\n")), 1+utf8.RuneCount(data[lineStart:offset])
	return source.Pos{Line: int32(line), Col: int32(col), Offset: int32(offset)}
}

// settingKeys are the keys (lower-cased, "_" dropped) whose values the
// model reads as settings; a placeholder anywhere in one, or in an item of
// its list, means the file is not rendered yet.
var settingKeys = map[string]bool{
	"uri": true, "type": true, "contenthandling": true, "contenthandlingstrategy": true,
	"passthroughbehavior": true, "httpmethod": true, "integrationhttpmethod": true, "statuscode": true,
	"binarymediatypes": true, "x-amazon-apigateway-binary-media-types": true,
}

// textKeys hold prose and mapping templates, where {{ }} and <% %> are
// Markdown, VTL or examples a client sees, never placeholders.
var textKeys = map[string]bool{
	"description": true, "summary": true, "example": true, "examples": true,
	"requesttemplates": true, "responsetemplates": true,
}

// keyKind looks a key up in textKeys and settingKeys, lower-cased and
// without "_", without allocating for an ASCII key: the walk asks for every
// key of the document.
func keyKind(key string) (text, setting bool) {
	var buf [40]byte // longer than any key of the two maps
	n := 0
	for i := 0; i < len(key); i++ {
		switch c := key[i]; {
		case c >= utf8.RuneSelf: // Unicode lower-casing, as rare as it is slow
			key = strings.ToLower(strings.ReplaceAll(key, "_", ""))
			return textKeys[key], settingKeys[key]
		case c == '_':
		case n == len(buf):
			return false, false
		default:
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[n] = c
			n++
		}
	}
	return textKeys[string(buf[:n])], settingKeys[string(buf[:n])]
}

// templatedScalar finds a placeholder that parsed as text in a setting the
// model reads (settingKeys, or anything inside one: a list item, an
// intrinsic's argument), outside prose and mapping templates (textKeys),
// where {{ }} and <% %> are Markdown, VTL or examples. Placeholders
// elsewhere (a CodeUri bucket, a Mappings value) do not change what the
// API does, and published templates ship with them. ${…} alone is a
// deploy-time variable (Fn::Sub, Terraform, Serverless), not a placeholder.
func templatedScalar(doc *source.Document) (diag.Diagnostic, bool) {
	seen := map[*source.Node]bool{}
	var found *source.Node
	var placeholder string
	var walk func(n *source.Node, setting bool)
	walk = func(n *source.Node, setting bool) {
		if found != nil || (doc.Shared(n) && seen[n]) {
			return
		}
		if doc.Shared(n) {
			seen[n] = true
		}
		switch n.Kind {
		case source.Scalar:
			if !setting || !mayHoldPlaceholder(n.Value) {
				return
			}
			if loc := templatePlaceholders.FindStringIndex(n.Value); loc != nil {
				found, placeholder = n, n.Value[loc[0]:loc[1]]
			}
		case source.Mapping:
			for i := 0; i < n.Len() && found == nil; i++ {
				k, v := n.Pair(i)
				if text, isSetting := keyKind(k.Value); !text {
					walk(v, setting || isSetting)
				}
			}
		case source.Sequence:
			for _, item := range n.Content {
				walk(item, setting)
			}
		}
	}
	walk(doc.Root, false)
	if found == nil {
		return diag.Diagnostic{}, false
	}
	if utf8.RuneCountInString(placeholder) > maxPlaceholderRunes {
		placeholder = string([]rune(placeholder)[:maxPlaceholderRunes]) + "…"
	}
	return diag.Diagnostic{
		Rule: diag.RuleSyntax, Severity: diag.Error, Span: doc.Span(found),
		Message: "the file looks templated (" + placeholder + " on line " + strconv.Itoa(int(found.Start.Line)) + "): the placeholder would be read as text; render the file first with the tool that fills it in, and lint the result",
	}, true
}
