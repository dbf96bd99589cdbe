package report

import (
	"bytes"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/internal/golden"
	"github.com/apigw-oas/apigw-oas/source"
)

const (
	fileA     = "api/宠物-ü.yaml"
	fileB     = "b.json"
	fileClean = "clean.yaml"
)

var sampleSources = map[string]string{
	fileA: "openapi: 3.0.1\n" +
		"info:\n" +
		"  title: 宠物 API ü\n" +
		"  version: \"1\"\n" +
		"paths:\n" +
		"  /pets:\n" +
		"    get:\n" +
		"      responses: {}\n" +
		"      x-amazon-apigateway-binary-media-types: [image/png]\n" +
		"      x-amazon-apigateway-integration:\n" +
		"        type: lambda\n" +
		"        requestTemplates: {\"text/plain\": \"宠物 ü\",\tpassthroughBehavior: sometimes}\n",
	fileB: "{\r\n" +
		"  \"swagger\": \"2.0\",\r\n" +
		"  \"x-amazon-apigateway-binary-media-types\": [\r\n" +
		"    \"image~1png\", \"*/*\"\r\n" +
		"  ]\r\n" +
		"}\r\n",
	fileClean: "openapi: 3.0.1\n",
}

// spanOf finds the nth occurrence (from 1) of text on a line of a sample
// file, so the fixture's columns are computed, not counted by hand.
func spanOf(t testing.TB, file string, line int, text string) source.Span {
	t.Helper()
	lineText, _ := indexLines([]byte(sampleSources[file])).line(line)
	i := strings.Index(lineText, text)
	if i < 0 {
		t.Fatalf("%q not on %s:%d", text, file, line)
	}
	col := utf8.RuneCountInString(lineText[:i]) + 1
	end := col + utf8.RuneCountInString(text)
	return source.Span{File: file, Start: source.Pos{Line: int32(line), Col: int32(col)}, End: source.Pos{Line: int32(line), Col: int32(end)}}
}

// replacementOf replaces the first occurrence of old in a sample file.
func replacementOf(t testing.TB, file, old, text string) source.Replacement {
	at := strings.Index(sampleSources[file], old)
	if at < 0 {
		t.Fatalf("%q is not in %s", old, file)
	}
	return source.Replacement{Start: at, End: at + len(old), Text: text}
}

// sampleFindings is the one set of findings every format's golden file shows.
func sampleFindings(t testing.TB) Findings {
	multi := spanOf(t, fileB, 3, `"x-amazon`)
	multi.End = spanOf(t, fileB, 5, "]").End
	ds := []diag.Diagnostic{
		{Rule: "info-title-non-ascii", Severity: diag.Info, Span: spanOf(t, fileA, 3, "宠物 API ü"),
			Message: "the title „宠物 API ü“ is not ASCII; the console shows it as written"},
		{Rule: "integration-type-invalid", Severity: diag.Error, Span: spanOf(t, fileA, 11, "lambda"),
			Message:   `integration type "lambda" is not aws, aws_proxy, http, http_proxy or mock`,
			Pointer:   "/paths/~1pets/get/x-amazon-apigateway-integration/type",
			Operation: "GET /pets",
			Related:   []diag.Related{{Message: "the operation is declared here", Span: spanOf(t, fileA, 7, "get")}}},
		{Rule: "binary-media-types-misplaced", Severity: diag.Warning,
			Span:    source.Span{File: fileA, Start: source.Pos{Line: 9}, End: source.Pos{Line: 9}},
			Message: "x-amazon-apigateway-binary-media-types at /paths/~1pets/get is ignored: API Gateway reads it only at the document root"},
		{Rule: "passthrough-behavior-invalid", Severity: diag.Warning, Span: spanOf(t, fileA, 12, "sometimes"),
			Message: "passthroughBehavior \"sometimes\" is not one of: when_no_match, when_no_templates, never\nthe import fails 100% of the time"},
		{Rule: "request-binary-unlisted", Severity: diag.Error, Span: spanOf(t, fileA, 12, `"text/plain"`),
			Message:     "the operation accepts text/plain, which no binary media type entry matches",
			Suppression: &diag.Suppression{Kind: diag.SuppressedInline, Reason: "text/plain bodies are never binary here (ADR-7)"}},
		{Rule: diag.RuleSyntax, Severity: diag.Error, Span: source.Span{File: fileB},
			Message: `not an API definition: "info" & "paths" are missing (<object> expected)`},
		{Rule: "openapi-version-old", Severity: diag.Warning, Span: spanOf(t, fileB, 2, `"2.0"`),
			Message:     "swagger 2.0 is read, but API Gateway exports openapi 3.0",
			Suppression: &diag.Suppression{Kind: diag.SuppressedByConfig, Reason: `legacy <swagger> & "2.0" kept until Q3`}},
		{Rule: "media-type-escaped", Severity: diag.Error, Span: spanOf(t, fileB, 4, `"image~1png"`),
			Message: `binary media type "image~1png" is written with JSON-Pointer escaping; write "image/png"`,
			Fix:     &diag.Fix{Safety: diag.Safe, Replacements: []source.Replacement{replacementOf(t, fileB, `image~1png`, "image/png")}}},
		{Rule: "media-type-nonstandard", Severity: diag.Warning, Span: multi,
			Message: "the list [image~1png, */*] has a *catch-all* entry | the others never match",
			Fix: &diag.Fix{Safety: diag.Unsafe, Changes: []string{"GET /pets 200 image/png to chrome-img"},
				Replacements: []source.Replacement{replacementOf(t, fileB, `, "*/*"`, "")}}},
	}
	diag.Sort(ds)
	return Findings{
		Tool: "apigw-oas", Version: "1.2.3",
		Files:       []string{fileA, fileB, fileClean},
		Diagnostics: ds,
		Rules:       func() []Rule { return sampleRules },
		Source:      func(file string) []byte { return []byte(sampleSources[file]) },
		// linted from a subfolder of a repository
		Root: "/repo", WorkDir: "/repo/services",
	}
}

var sampleRules = []Rule{
	{ID: diag.RuleSyntax, Severity: diag.Error, Summary: "the file is not a readable API definition"},
	{ID: "info-title-non-ascii", Category: "openapi", Severity: diag.Info,
		Summary: "the API title has characters outside ASCII"},
	{ID: "integration-type-invalid", Category: "shape", Severity: diag.Error,
		Summary: "the integration type is not aws, aws_proxy, http, http_proxy or mock",
		Help: "`x-amazon-apigateway-integration.type` is one of `aws`, `aws_proxy`, `http`, `http_proxy` and `mock`.\n\n" +
			"Bad:\n\n```yaml\nx-amazon-apigateway-integration:\n  type: lambda\n```",
		HelpURI: "https://github.com/apigw-oas/apigw-oas/blob/main/docs/rules/integration-type-invalid.md"},
	{ID: "binary-media-types-misplaced", Category: "shape", Severity: diag.Error,
		Summary: "the binary-media-types extension is somewhere other than the document root",
		Help:    "API Gateway reads `x-amazon-apigateway-binary-media-types` only at the root of the definition."},
	{ID: "passthrough-behavior-invalid", Category: "shape", Severity: diag.Error,
		Summary: "passthroughBehavior is not when_no_match, when_no_templates or never"},
	{ID: "request-binary-unlisted", Category: "requests", Severity: diag.Error,
		Summary: "the operation accepts a binary media type that no binary media type entry matches"},
	{ID: "openapi-version-old", Category: "openapi", Severity: diag.Warning,
		Summary: "the document is swagger 2.0"},
	{ID: "media-type-escaped", Category: "shape", Severity: diag.Error,
		Summary: "a binary media type is written with JSON-Pointer escaping (image~1png)"},
	{ID: "media-type-nonstandard", Category: "shape", Severity: diag.Warning,
		Summary: "a binary media type entry is not type/subtype"},
}

// cleanFindings has files but no findings.
func cleanFindings() Findings {
	return Findings{Tool: "apigw-oas", Version: "1.2.3", Files: []string{fileClean, fileB}, Rules: func() []Rule { return sampleRules }}
}

func render(t testing.TB, format Format, f Findings, opts Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(format, &buf, f, opts); err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	return buf.Bytes()
}

type goldenCase struct {
	name   string
	format Format
	clean  bool
	opts   Options
}

// goldenCases: every format over the sample and over a clean run; the text
// format also with snippets and with color.
func goldenCases() []goldenCase {
	var cases []goldenCase
	for _, f := range Formats() {
		cases = append(cases, goldenCase{name: string(f), format: f}, goldenCase{name: string(f) + "-clean", format: f, clean: true})
	}
	return append(cases,
		goldenCase{name: "text-snippets", format: "text", opts: Options{Snippets: true}},
		goldenCase{name: "text-color", format: "text", opts: Options{Snippets: true, Color: true}},
	)
}

func TestGolden(t *testing.T) {
	for _, c := range goldenCases() {
		t.Run(c.name, func(t *testing.T) {
			f := sampleFindings(t)
			if c.clean {
				f = cleanFindings()
			}
			golden.Compare(t, filepath.Join("testdata", "golden", c.name+".golden"), render(t, c.format, f, c.opts))
		})
	}
}

func TestAllFormatsRegistered(t *testing.T) {
	want := []Format{Checkstyle, CodeClimate, GitHub, JSON, JUnit, Markdown, SARIF, Text}
	if got := Formats(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("formats %v, want %v", got, want)
	}
	for _, f := range want {
		if got, err := ParseFormat(string(f)); got != f || err != nil {
			t.Errorf("ParseFormat(%q) = %q, %v", f, got, err)
		}
	}
	if got, err := ParseFormat("gitlab"); got != CodeClimate || err != nil {
		t.Errorf("ParseFormat(gitlab) = %q, %v; want codeclimate", got, err)
	}
	if _, err := ParseFormat("sraif"); err == nil || !strings.Contains(err.Error(), "sarif") {
		t.Errorf("ParseFormat of an unknown name: %v, want an error listing the formats", err)
	}
	if err := Write("nope", &bytes.Buffer{}, Findings{}, Options{}); err == nil {
		t.Error("an unknown format was accepted")
	}
}

// TestIndexLines: the lines a snippet shows are the ones source.Parse
// counts, whichever break ends them, and a final break leaves an empty last
// line.
func TestIndexLines(t *testing.T) {
	lines := indexLines([]byte("\xEF\xBB\xBFa\r\nb\rc\n\nd\n"))
	var got []string
	for n := 0; n <= 7; n++ {
		if line, ok := lines.line(n); ok {
			got = append(got, line)
		}
	}
	want := []string{"a", "b", "c", "", "d", ""}
	if !slices.Equal(got, want) {
		t.Errorf("lines %q, want %q", got, want)
	}
}
