package report

import (
	"strings"
	"testing"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/source"
)

func span(line, col, endLine, endCol int32) source.Span {
	return source.Span{File: "f.yaml", Start: source.Pos{Line: line, Col: col}, End: source.Pos{Line: endLine, Col: endCol}}
}

func TestCaretLine(t *testing.T) {
	const line = "\tkey: ü宠\tvalue rest" // "value" is at code point 10
	for _, c := range []struct {
		name string
		sp   source.Span
		want string
	}{
		{"tab and non-ASCII before", span(1, 10, 1, 15), "\t       \t^~~~~"},
		{"multi-line to end of line", span(1, 10, 3, 2), "\t       \t^~~~~~~~~~"},
		{"empty span", span(1, 10, 1, 10), "\t       \t^"},
		{"unknown end", span(1, 2, 0, 0), "\t^"},
		{"end past the line", span(1, 16, 1, 99), "\t       \t      ^~~~"},
		{"just after the line", span(1, 20, 1, 20), "\t       \t          ^"},
		{"unknown column", span(1, 0, 1, 0), ""},
		{"column past the line", span(1, 30, 1, 31), ""},
	} {
		if got := caretLine(line, c.sp); got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

func TestTextSnippet(t *testing.T) {
	src := "\xef\xbb\xbfa: 1\r\n\tb: ü宠 bad\rc: 3\n"
	r := Findings{
		Files: []string{"f.yaml"},
		Diagnostics: []diag.Diagnostic{
			{Rule: "r", Severity: diag.Error, Message: "bad\nvalue", Span: span(2, 8, 2, 11)},
			{Rule: "r", Severity: diag.Info, Message: "end of file", Span: span(4, 1, 4, 1)},
		},
		Source: func(string) []byte { return []byte(src) },
	}
	want := "f.yaml:2:8: error: bad value [r]\n" +
		"  | \tb: ü宠 bad\n" +
		"  | \t      ^~~\n" +
		"f.yaml:4:1: info: end of file [r]\n" +
		"  | \n" +
		"  | ^\n" +
		"1 error, 0 warnings, 1 info in 1 file\n"
	if got := string(render(t, "text", r, Options{Snippets: true})); got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

func TestTextColor(t *testing.T) {
	r := Findings{Diagnostics: []diag.Diagnostic{
		{Rule: "e", Severity: diag.Error, Span: span(1, 1, 1, 2)},
		{Rule: "w", Severity: diag.Warning, Span: span(1, 1, 1, 2)},
		{Rule: "i", Severity: diag.Info, Span: span(1, 1, 1, 2)},
	}}
	got := string(render(t, "text", r, Options{Color: true}))
	for _, want := range []string{"\x1b[31merror\x1b[0m", "\x1b[33mwarning\x1b[0m", "\x1b[34minfo\x1b[0m"} {
		if !strings.Contains(got, want) {
			t.Errorf("%q lacks %q", got, want)
		}
	}
}

func TestSummaryLine(t *testing.T) {
	for _, c := range []struct {
		s    Summary
		want string
	}{
		{Summary{Files: 2, Errors: 3, Warnings: 1, Suppressed: 1}, "3 errors, 1 warning, 0 infos in 2 files (1 suppressed)"},
		{Summary{Files: 1, Errors: 1, Infos: 1}, "1 error, 0 warnings, 1 info in 1 file"},
		{Summary{Files: 3}, "no problems in 3 files"},
		{Summary{Files: 1, Suppressed: 2}, "no problems in 1 file (2 suppressed)"},
	} {
		if got := summaryLine(c.s); got != c.want {
			t.Errorf("got %q, want %q", got, c.want)
		}
	}
}
