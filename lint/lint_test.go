package lint_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/importer"
	"github.com/apigw-oas/apigw-oas/lint"
	"github.com/apigw-oas/apigw-oas/lint/rules"
)

func writeFile(t *testing.T, path, content string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func lines(ds []diag.Diagnostic) string {
	var b strings.Builder
	for _, d := range ds {
		b.WriteString(d.String())
		if d.Suppressed() {
			b.WriteString(" (suppressed: " + d.Suppression.Kind + ", " + d.Suppression.Reason + ")")
		}
		b.WriteString("\n")
	}
	return b.String()
}

// A configuration is decoded strictly; each problem is a config
// diagnostic at its line and column.
func TestConfigProblems(t *testing.T) {
	path := writeFile(t, filepath.Join(t.TempDir(), ".apigw-oas.yaml"), `fail-on: sometimes
rules:
  media-type-nonstandard: loud
  no-such-rule: off
  browser-accept-unmatched:
    severity: error
    options: {browsers: [Chrome, Netscape], colour: red}
  media-type-escaped: {options: {strict: true}}
categories:
  shape: warning
  payloads: off
ignore:
  - rule: proxy-content-handling
    files: "legacy/**"
  - {rule: media-type-escaped, reason: exported, pointer: "no-slash"}
extra: 1
`)
	_, problems := lint.LoadConfig(path, rules.All)
	want := []string{
		":1:10: error: fail-on must be one of error, warning, info, never [config]",
		":3:27: error: the severity of media-type-nonstandard must be one of error, warning, info, off [config]",
		":4:3: error: unknown rule \"no-such-rule\" (run 'apigw-oas rules' for the list) [config]",
		":7:34: error: option browsers of browser-accept-unmatched: unknown browser \"Netscape\" (known: Chrome, Edge, Firefox, Safari) [config]",
		":7:45: error: unknown key \"colour\" in the options of browser-accept-unmatched (known: browsers) [config]",
		":8:34: error: unknown option \"strict\": media-type-escaped has no options [config]",
		":11:3: error: unknown category \"payloads\" (known: shape, requests, responses, integration, openapi) [config]",
		":13:5: error: an ignore entry needs a reason: say why the finding does not apply [config]",
		":15:59: error: JSON pointer \"no-slash\" must start with '/' [config]",
		":16:1: error: unknown key \"extra\" in the configuration (known: fail-on, rules, categories, ignore) [config]",
	}
	got := lines(problems)
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("missing %q in\n%s", w, got)
		}
	}
	if n := strings.Count(got, "\n"); n != len(want) {
		t.Errorf("%d problems, want %d:\n%s", n, len(want), got)
	}
}

const spec = `openapi: 3.0.1
info: {title: t, version: "1"}
x-amazon-apigateway-binary-media-types:
  # apigw-oas:ignore media-type-nonstandard our own client sends image/jpg
  - image/jpg
  - image/x-png # apigw-oas:ignore media-type-nonstandard legacy Android app
  - audio/mp3
  - application~1pdf # apigw-oas:ignore media-type-nonstandard wrong rule, so unused
  # apigw-oas:ignore no-such-rule because
paths: {}
`

// An ignore comment alone on a line suppresses findings on the next line; one
// after a value, findings on its own line. Suppressed findings are kept;
// useless comments are reported.
func TestInlineSuppression(t *testing.T) {
	path := writeFile(t, filepath.Join(t.TempDir(), "api.yaml"), spec)
	res := importer.File(path, importer.Options{})
	got := lines(lint.File(res, rules.All, lint.Defaults{}))
	for _, want := range []string{
		":5:5: warning: binary media type \"image/jpg\" is not what clients send",
		"(suppressed: inline, our own client sends image/jpg)",
		":6:5: warning: binary media type \"image/x-png\"",
		"(suppressed: inline, legacy Android app)",
		":7:5: warning: binary media type \"audio/mp3\" is not what clients send; they send \"audio/mpeg\", which this entry does not match; list \"audio/mpeg\" [media-type-nonstandard]\n",
		":8:22: warning: ignore comment for media-type-nonstandard matched no finding on the line it covers; remove it [config]",
		":9:3: warning: ignore comment names unknown rule \"no-such-rule\" [config]",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
}

// Terraform files take ignore comments with # and with //.
func TestInlineSuppressionInTerraform(t *testing.T) {
	path := writeFile(t, filepath.Join(t.TempDir(), "api.tf"), `resource "aws_api_gateway_rest_api" "images" {
  name = "images"
  binary_media_types = [
    // apigw-oas:ignore media-type-nonstandard our uploader sends image/jpg
    "image/jpg",
    "audio/mp3", # apigw-oas:ignore media-type-nonstandard a legacy player
  ]
}
`)
	got := lines(lint.File(importer.File(path, importer.Options{}), rules.All, lint.Defaults{}))
	for _, want := range []string{"(suppressed: inline, our uploader sends image/jpg)", "(suppressed: inline, a legacy player)"} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
}

// Configuration severities, categories, options and ignores apply.
func TestConfigApplies(t *testing.T) {
	dir := t.TempDir()
	cfgPath := writeFile(t, filepath.Join(dir, ".apigw-oas.yaml"), `rules:
  media-type-nonstandard: error
categories:
  shape: info
ignore:
  - {rule: media-type-escaped, files: "legacy/*.yaml", reason: "generated by an old exporter"}
  - {rule: media-type-duplicate, files: "**/*.json", reason: "no such file, so unused"}
`)
	cfg, problems := lint.LoadConfig(cfgPath, rules.All)
	if problems != nil {
		t.Fatal(problems)
	}
	file := writeFile(t, filepath.Join(dir, "legacy", "api.yaml"), "openapi: 3.0.1\ninfo: {title: t, version: '1'}\npaths: {}\nx-amazon-apigateway-binary-media-types: [image/jpg, image~1png, '*/zip']\n")
	ds := lint.File(importer.File(file, importer.Options{}), rules.All, cfg)
	cfg.Suppress(file, ds)
	got := lines(append(ds, cfg.Unused()...))
	for _, want := range []string{
		"error: binary media type \"image/jpg\"",             // the rule's own severity wins
		"info: binary media type \"*/zip\" never matches",    // the category's
		"(suppressed: config, generated by an old exporter)", // the ignore entry
		":7:5: warning: ignore entry for media-type-duplicate on \"**/*.json\" matched no finding; remove it [config]",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
}

// A baseline hides the findings it recorded, one for one, and only those.
func TestBaseline(t *testing.T) {
	mk := func(rule, file, ptr, msg string) diag.Diagnostic {
		d := diag.Diagnostic{Rule: rule, Severity: diag.Warning, Pointer: ptr, Message: msg}
		d.Span.File = file
		return d
	}
	old := []diag.Diagnostic{mk("a", "x.yaml", "/p/0", "m"), mk("b", "x.yaml", "", "no pointer"), mk(diag.RuleSyntax, "y.yaml", "", "broken")}
	var buf bytes.Buffer
	if err := lint.WriteBaseline(&buf, old); err != nil {
		t.Fatal(err)
	}
	path := writeFile(t, filepath.Join(t.TempDir(), "baseline.json"), buf.String())
	b, err := lint.ReadBaseline(path, 0)
	if err != nil || len(b.Findings) != 2 {
		t.Fatalf("baseline %+v, %v (syntax problems are never recorded)", b, err)
	}
	now := []diag.Diagnostic{
		mk("a", "x.yaml", "/p/0", "m (the line moved)"), // recorded: same rule, file and pointer
		mk("a", "x.yaml", "/p/0", "m"),                  // a second one: new
		mk("b", "x.yaml", "", "no pointer"),             // recorded by message
		mk("b", "z.yaml", "", "no pointer"),             // another file: new
	}
	kept, hidden := b.Filter(now)
	if hidden != 2 || len(kept) != 2 || kept[0].Message != "m" || kept[1].Span.File != "z.yaml" {
		t.Errorf("kept %v, hid %d", kept, hidden)
	}
	if _, err := lint.ReadBaseline(writeFile(t, filepath.Join(t.TempDir(), "b.json"), `{"version": 9}`), 0); err == nil {
		t.Error("an unknown baseline version was accepted")
	}
}

// No rule's behaviour is recorded for WebSocket APIs, so none reports on
// one, even on a setting a REST rule would flag (a lower-case strategy on
// a Lambda proxy: content-handling-invalid and proxy-content-handling).
func TestWebSocketAPIsAreNotLinted(t *testing.T) {
	path := writeFile(t, filepath.Join(t.TempDir(), "ws.tf"), `resource "aws_apigatewayv2_api" "chat" {
  name          = "chat"
  protocol_type = "WEBSOCKET"
}

resource "aws_apigatewayv2_integration" "lambda" {
  api_id                    = aws_apigatewayv2_api.chat.id
  integration_type          = "AWS_PROXY"
  content_handling_strategy = "convert_to_text"
}

resource "aws_apigatewayv2_route" "connect" {
  api_id    = aws_apigatewayv2_api.chat.id
  route_key = "$connect"
  target    = "integrations/${aws_apigatewayv2_integration.lambda.id}"
}
`)
	res := importer.File(path, importer.Options{})
	if len(res.APIs) != 1 || len(res.APIs[0].Operations) != 1 || res.APIs[0].Operations[0].Integration == nil {
		t.Fatalf("the WebSocket route was not imported: %+v", res.APIs)
	}
	if got := lines(lint.File(res, rules.All, lint.Defaults{})); got != "" {
		t.Errorf("rules reported on a WebSocket API:\n%s", got)
	}
}
