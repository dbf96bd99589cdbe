package lint

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/internal/lazyregexp"
	"github.com/apigw-oas/apigw-oas/source"
)

// ignoreComment is "# apigw-oas:ignore RULE-ID reason" in a YAML file;
// hclIgnoreComment also takes Terraform's "//" comments.
var (
	ignoreComment    = lazyregexp.New(`(?:^|\s)(#)\s*apigw-oas:ignore(?:\s+(\S+))?(?:\s+(.*?))?\s*$`)
	hclIgnoreComment = lazyregexp.New(`(?:^|\s)(#|//)\s*apigw-oas:ignore(?:\s+(\S+))?(?:\s+(.*?))?\s*$`)
)

// inlineIgnore is one ignore comment. A comment alone on its line covers
// the next line; a comment after a value covers its own line.
type inlineIgnore struct {
	line   int // the line whose findings it covers
	rule   string
	reason string
	span   source.Span
	used   bool
}

// findIgnoreComments lists the ignore comments of a YAML or HCL document.
// Only the lines that hold the marker are read: matching the pattern on
// every line copied and scanned the whole file (a 50 MB YAML string took
// longer here than its parse).
func findIgnoreComments(doc *source.Document) []*inlineIgnore {
	if doc == nil || doc.Syntax == source.JSON {
		return nil // JSON has no comments
	}
	pattern := ignoreComment
	if doc.Syntax == source.HCL {
		pattern = hclIgnoreComment
	}
	var out []*inlineIgnore
	for at, last := 0, 0; ; {
		i := bytes.Index(doc.Src[at:], ignoreMarker)
		if i < 0 {
			return out
		}
		line := int(doc.PosAt(at + i).Line)
		at += i + len(ignoreMarker)
		if line != last {
			if ig := ignoreOn(doc, line, pattern); ig != nil {
				out = append(out, ig)
			}
		}
		last = line
	}
}

// ignoreMarker is what every ignore comment holds.
var ignoreMarker = []byte("apigw-oas:ignore")

// ignoreOn reads the ignore comment on a line, nil when there is none.
func ignoreOn(doc *source.Document, line int, pattern *lazyregexp.Regexp) *inlineIgnore {
	text := doc.Line(line)
	m := pattern.FindStringSubmatchIndex(text)
	if m == nil {
		return nil
	}
	hash := m[2] // where the comment marker starts
	col := utf8.RuneCountInString(text[:hash]) + 1
	ig := &inlineIgnore{line: line, span: source.Span{File: doc.File, Start: source.Pos{Line: int32(line), Col: int32(col)}, End: source.Pos{Line: int32(line), Col: int32(utf8.RuneCountInString(text) + 1)}}}
	if strings.TrimSpace(text[:hash]) == "" {
		ig.line = line + 1
	}
	if m[4] >= 0 {
		ig.rule = text[m[4]:m[5]]
	}
	if m[6] >= 0 {
		ig.reason = text[m[6]:m[7]]
	}
	return ig
}

// suppressInline marks the findings an ignore comment covers. It returns
// config diagnostics for
// comments that name no known rule, give no reason, or matched nothing.
func suppressInline(doc *source.Document, ds []diag.Diagnostic, ran map[string]bool) []diag.Diagnostic {
	var problems []diag.Diagnostic
	report := func(ig *inlineIgnore, format string, args ...any) {
		problems = append(problems, diag.Diagnostic{Rule: diag.RuleConfig, Severity: diag.Warning, Span: ig.span, Message: fmt.Sprintf(format, args...)})
	}
	for _, ig := range findIgnoreComments(doc) {
		switch {
		case ig.rule == "":
			report(ig, "ignore comment names no rule; write # apigw-oas:ignore RULE-ID reason")
			continue
		case !ran[ig.rule]:
			if _, known := ran[ig.rule]; !known {
				report(ig, "ignore comment names unknown rule %q", ig.rule)
			}
			continue // a rule turned off cannot match
		case ig.reason == "":
			report(ig, "ignore comment for %s gives no reason; say why the finding does not apply", ig.rule)
		}
		for i := range ds {
			d := &ds[i]
			if d.Rule == ig.rule && d.Span.File == doc.File && !d.Suppressed() && int(d.Span.Start.Line) == ig.line {
				d.Suppression = &diag.Suppression{Kind: diag.SuppressedInline, Reason: ig.reason}
				ig.used = true
			}
		}
		if !ig.used {
			report(ig, "ignore comment for %s matched no finding on the line it covers; remove it", ig.rule)
		}
	}
	return problems
}
