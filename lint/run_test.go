package lint_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/lint"
	"github.com/apigw-oas/apigw-oas/lint/rules"
)

// A Go program lints a definition as the lint command does and decides
// what fails its build.
func ExampleRun() {
	found := lint.Run([]lint.Input{{Path: "../fixtures/sam-thumbnails.yaml", Explicit: true}},
		lint.Options{Rules: rules.All})
	errors := 0
	for _, d := range found.Diagnostics {
		fmt.Printf("line %d: %s [%s]\n", d.Span.Start.Line, d.Severity, d.Rule)
		if d.Severity == diag.Error && !d.Suppressed() {
			errors++
		}
	}
	fmt.Printf("files linted: %d, errors: %d\n", len(found.Files), errors)
	// Output:
	// line 10: warning [media-type-duplicate]
	// line 12: error [template-receives-binary]
	// files linted: 1, errors: 1
}

// A walked file without a definition is dropped, a named one is reported;
// standard input is read under the name given; files keep the inputs' order
// whatever the scheduling.
func TestRunInputs(t *testing.T) {
	dir := t.TempDir()
	notAPI := writeFile(t, filepath.Join(dir, "chart.yaml"), "replicas: 3\n")
	named := writeFile(t, filepath.Join(dir, "named.yaml"), "replicas: 3\n")
	var apis []lint.Input
	for i := range 20 {
		path := writeFile(t, filepath.Join(dir, fmt.Sprintf("api%02d.yaml", i)), "openapi: 3.0.1\ninfo: {title: t, version: '1'}\npaths: {}\n")
		apis = append(apis, lint.Input{Path: path})
	}
	inputs := append([]lint.Input{{Path: notAPI}, {Path: named, Explicit: true}, {Path: lint.Stdin, Explicit: true}}, apis...)
	found := lint.Run(inputs, lint.Options{Rules: rules.All, StdinName: "piped.yaml",
		Stdin: strings.NewReader("openapi: 3.0.1\ninfo: {title: t, version: '1'}\npaths: {}\nx-amazon-apigateway-binary-media-types: [image/jpg]\n")})

	want := []string{named, "piped.yaml"}
	for _, in := range apis {
		want = append(want, in.Path)
	}
	if !slices.Equal(found.Files, want) {
		t.Errorf("files %q, want %q", found.Files, want)
	}
	got := lines(found.Diagnostics)
	for _, w := range []string{named + ": error: not an API definition", "piped.yaml:4:42: warning: binary media type \"image/jpg\""} {
		if !strings.Contains(got, w) {
			t.Errorf("missing %q in\n%s", w, got)
		}
	}
	if !strings.HasPrefix(string(found.Sources["piped.yaml"]), "openapi") {
		t.Errorf("the source of standard input is not kept: %q", found.Sources["piped.yaml"])
	}
}

// DropSources keeps only standard input's text, which cannot be read
// again; the findings are the same.
func TestRunDropSources(t *testing.T) {
	const api = "openapi: 3.0.1\ninfo: {title: t, version: '1'}\npaths: {}\nx-amazon-apigateway-binary-media-types: [image/jpg]\n"
	path := writeFile(t, filepath.Join(t.TempDir(), "api.yaml"), api)
	run := func(drop bool) *lint.Findings {
		return lint.Run([]lint.Input{{Path: path}, {Path: lint.Stdin, Explicit: true}},
			lint.Options{Rules: rules.All, Stdin: strings.NewReader(api), StdinName: "piped.yaml", DropSources: drop})
	}
	kept, dropped := run(false), run(true)
	if string(kept.Sources[path]) != api || string(kept.Sources["piped.yaml"]) != api {
		t.Fatalf("without DropSources, sources %q", kept.Sources)
	}
	if len(dropped.Sources) != 1 || string(dropped.Sources["piped.yaml"]) != api {
		t.Errorf("with DropSources, sources %q; want standard input's alone", dropped.Sources)
	}
	if got, want := lines(dropped.Diagnostics), lines(kept.Diagnostics); got != want || got == "" {
		t.Errorf("findings with DropSources:\n%s\nwithout:\n%s", got, want)
	}
}

// The configuration's ignore entries span the whole run: one that matched a
// finding in any file is used, one that matched none is reported once.
func TestRunConfig(t *testing.T) {
	dir := t.TempDir()
	cfgPath := writeFile(t, filepath.Join(dir, ".apigw-oas.yaml"), `ignore:
  - {rule: media-type-nonstandard, files: "b.yaml", reason: "our client sends image/jpg"}
  - {rule: media-type-duplicate, files: "*.yaml", reason: "nothing is duplicated"}
`)
	cfg, problems := lint.LoadConfig(cfgPath, rules.All)
	if problems != nil {
		t.Fatal(problems)
	}
	body := "openapi: 3.0.1\ninfo: {title: t, version: '1'}\npaths: {}\nx-amazon-apigateway-binary-media-types: [image/jpg]\n"
	a := writeFile(t, filepath.Join(dir, "a.yaml"), body)
	b := writeFile(t, filepath.Join(dir, "b.yaml"), body)
	found := lint.Run([]lint.Input{{Path: a}, {Path: b}}, lint.Options{Rules: rules.All, Config: cfg})
	got := lines(found.Diagnostics)
	for _, w := range []string{
		"a.yaml:4:42: warning: binary media type \"image/jpg\" is not what clients send; they send \"image/jpeg\", which this entry does not match; list \"image/jpeg\" [media-type-nonstandard]\n",
		"b.yaml:4:42: warning: binary media type \"image/jpg\" is not what clients send; they send \"image/jpeg\", which this entry does not match; list \"image/jpeg\" [media-type-nonstandard] (suppressed: config, our client sends image/jpg)",
		":3:5: warning: ignore entry for media-type-duplicate on \"*.yaml\" matched no finding; remove it [config]",
	} {
		if !strings.Contains(got, w) {
			t.Errorf("missing %q in\n%s", w, got)
		}
	}
	if n := strings.Count(got, "\n"); n != 3 {
		t.Errorf("%d findings, want 3:\n%s", n, got)
	}
}

// The text of a file is kept for the findings that name it, also when they
// are another file's (read through a $ref); a file no finding names needs
// none.
func TestRunSources(t *testing.T) {
	dir := t.TempDir()
	const shared = `openapi: 3.0.1
info: {title: b, version: '1'}
paths: {}
x-shared:
  get:
    responses:
      '200': {description: ok}
    x-amazon-apigateway-integration:
      type: aws
      httpMethod: POST
      uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn/invocations
      contentHandling: CONVERT_TO_TEXTT
`
	a := writeFile(t, filepath.Join(dir, "a.yaml"), "openapi: 3.0.1\ninfo: {title: a, version: '1'}\npaths:\n  /x:\n    $ref: 'b.yaml#/x-shared'\n")
	b := writeFile(t, filepath.Join(dir, "b.yaml"), shared)
	clean := writeFile(t, filepath.Join(dir, "c.yaml"), "openapi: 3.0.1\ninfo: {title: c, version: '1'}\npaths: {}\n")
	found := lint.Run([]lint.Input{{Path: a}, {Path: b}, {Path: clean}}, lint.Options{Rules: rules.All})

	if got := lines(found.Diagnostics); !strings.Contains(got, b+":12:24: error: contentHandling") {
		t.Fatalf("the finding in b.yaml through a.yaml's $ref is missing:\n%s", got)
	}
	if string(found.Sources[b]) != shared {
		t.Errorf("the text of b.yaml, which a finding names, is %q", found.Sources[b])
	}
	if src, ok := found.Sources[clean]; ok {
		t.Errorf("the text of c.yaml, which no finding names, is kept: %q", src)
	}
}

// A file a template includes is met twice when a walk meets both: the
// template's reading, which holds what the template adds, is the one
// linted, so its findings are reported once.
func TestRunReportsAnIncludedFileOnce(t *testing.T) {
	found := lint.Run([]lint.Input{
		{Path: "../fixtures/sam-include/sam-include-openapi.yaml"},
		{Path: "../fixtures/sam-include/sam-include.yaml"},
	}, lint.Options{Rules: rules.All})
	if !slices.Equal(found.Files, []string{"../fixtures/sam-include/sam-include.yaml"}) || len(found.Diagnostics) == 0 {
		t.Fatalf("want the template linted with findings, got files %v and %v", found.Files, found.Diagnostics)
	}
	seen := map[string]bool{}
	for _, d := range found.Diagnostics {
		if seen[d.String()] {
			t.Errorf("reported twice: %s", d)
		}
		seen[d.String()] = true
	}
}

// A body read on its own lacks what its template adds: here SAM's
// BinaryMediaTypes, which list the type the body accepts. Linted with the
// template, it is not reported as unlisted.
func TestRunReadsAnIncludedBodyWithItsTemplate(t *testing.T) {
	dir := t.TempDir()
	body := writeFile(t, filepath.Join(dir, "api", "pics.yaml"), `openapi: 3.0.1
info: {title: pics, version: '1'}
paths:
  /pics:
    put:
      requestBody:
        content:
          image/png: {}
      responses:
        '200': {description: ok}
      x-amazon-apigateway-integration:
        type: aws
        httpMethod: PUT
        uri: arn:aws:apigateway:eu-west-1:s3:path/pics/x
`)
	alone := lint.Run([]lint.Input{{Path: body}}, lint.Options{Rules: rules.All})
	if !strings.Contains(lines(alone.Diagnostics), "[request-binary-unlisted]") {
		t.Fatalf("the body alone lists no binary media type, yet: %s", lines(alone.Diagnostics))
	}
	template := writeFile(t, filepath.Join(dir, "template.yaml"), `Transform: AWS::Serverless-2016-10-31
Resources:
  PicsApi:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      BinaryMediaTypes: [image~1png]
      DefinitionBody:
        Fn::Transform: {Name: AWS::Include, Parameters: {Location: ./api/pics.yaml}}
`)
	found := lint.Run([]lint.Input{{Path: body}, {Path: template}}, lint.Options{Rules: rules.All})
	if !slices.Equal(found.Files, []string{template}) || len(found.Diagnostics) != 0 {
		t.Errorf("want the template alone linted, clean; got files %v and %s", found.Files, lines(found.Diagnostics))
	}
}
