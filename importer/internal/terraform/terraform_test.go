package terraform_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/importer"
	"github.com/apigw-oas/apigw-oas/importer/internal/importtest"
	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

// importFile imports Terraform source that must read without diagnostics.
func importFile(t *testing.T, src string) []*model.API {
	t.Helper()
	res := importer.Bytes("main.tf", []byte(src), "", importer.Options{})
	if len(res.Diagnostics) > 0 {
		t.Fatalf("diagnostics: %v", res.Diagnostics)
	}
	return res.APIs
}

// importModule writes files into a new folder and imports the one named main.
func importModule(t *testing.T, main string, files map[string]string) *importer.Result {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return importer.File(filepath.Join(dir, main), importer.Options{})
}

// entryTexts renders binary media types as "value@line:col", "?" for an
// unknown value, with "(file)" when they are written in another file.
func entryTexts(api *model.API, file string) string {
	var parts []string
	for _, e := range api.BinaryMediaTypes.Entries {
		v := e.Value
		if e.Unknown {
			v = "?"
		}
		part := fmt.Sprintf("%s@%s", v, e.Span.Start)
		if file != "" && !strings.HasSuffix(e.Span.File, file) {
			part += "(" + filepath.Base(e.Span.File) + ")"
		}
		parts = append(parts, part)
	}
	return strings.Join(parts, " ")
}

// corpusDir holds the real-world files of ../shared/corpus (SOURCES.md).
const corpusDir = "../../../../shared/corpus"

const restAPISource = `resource "aws_api_gateway_rest_api" "main" {
  name               = "photos"
  binary_media_types = ["image/png", "application/octet-stream"]
}

resource "aws_api_gateway_resource" "photos" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  parent_id   = aws_api_gateway_rest_api.main.root_resource_id
  path_part   = "photos"
}

resource "aws_api_gateway_resource" "photo" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  parent_id   = aws_api_gateway_resource.photos.id
  path_part   = "{id}"
}

# The integration comes before its method: order in the file does not matter.
resource "aws_api_gateway_integration" "get" {
  rest_api_id             = aws_api_gateway_rest_api.main.id
  resource_id             = aws_api_gateway_resource.photo.id
  http_method             = aws_api_gateway_method.get.http_method
  type                    = "AWS"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.thumbs.invoke_arn
  content_handling        = "CONVERT_TO_TEXT"
  passthrough_behavior    = "WHEN_NO_TEMPLATES"
  timeout_milliseconds    = 10000
  request_templates = {
    "application/json" = jsonencode({ id = "$input.params('id')" })
  }
  tls_config {
    insecure_skip_verification = true
  }
}

resource "aws_api_gateway_method" "get" {
  rest_api_id   = aws_api_gateway_rest_api.main.id
  resource_id   = aws_api_gateway_resource.photo.id
  http_method   = "get"
  authorization = "NONE"
  request_models = {
    "application/json" = "Empty"
  }
}

resource "aws_api_gateway_method" "list" {
  rest_api_id   = aws_api_gateway_rest_api.main.id
  resource_id   = aws_api_gateway_resource.photos.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_method" "root" {
  rest_api_id   = aws_api_gateway_rest_api.main.id
  resource_id   = aws_api_gateway_rest_api.main.root_resource_id
  http_method   = "ANY"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "ok" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  resource_id = aws_api_gateway_resource.photo.id
  http_method = "GET"
  status_code = 200
  response_models = {
    "image/png" = "Empty"
  }
}

resource "aws_api_gateway_integration_response" "ok" {
  rest_api_id      = aws_api_gateway_rest_api.main.id
  resource_id      = aws_api_gateway_resource.photo.id
  http_method      = aws_api_gateway_method.get.http_method
  status_code      = aws_api_gateway_method_response.ok.status_code
  content_handling = "CONVERT_TO_BINARY"
}

resource "aws_api_gateway_integration_response" "missing" {
  rest_api_id       = aws_api_gateway_rest_api.main.id
  resource_id       = aws_api_gateway_resource.photo.id
  http_method       = "GET"
  status_code       = "404"
  selection_pattern = ".*NoSuchKey.*"
  response_templates = {
    "application/json" = "{\"message\": \"not found\"}"
  }
}

# For an API this file does not declare: left out.
resource "aws_api_gateway_integration" "elsewhere" {
  rest_api_id = var.api_id
  resource_id = var.resource_id
  http_method = "OPTIONS"
  type        = "MOCK"
}
`

func TestTerraformRESTResources(t *testing.T) {
	apis := importFile(t, restAPISource)
	if len(apis) != 1 {
		t.Fatalf("%d APIs, want 1", len(apis))
	}
	api := apis[0]
	if api.Name != "aws_api_gateway_rest_api.main" || api.Container != model.ContainerTerraform || api.Kind != model.RESTAPI || api.Format != "" {
		t.Errorf("API %q %q %v %q", api.Name, api.Container, api.Kind, api.Format)
	}
	if got, want := importtest.Operations(api), "GET /photos/{id}, GET /photos, ANY /"; got != want {
		t.Fatalf("operations %q, want %q", got, want)
	}
	op := api.Operations[0]
	if op.Pointer != "/resource/aws_api_gateway_method/get" || op.Span.Start.Line != 37 {
		t.Errorf("operation at %s %s", op.Pointer, op.Span.Start)
	}
	if len(op.Accepts) != 1 || op.Accepts[0].Value != "application/json" {
		t.Errorf("accepts %+v", op.Accepts)
	}
	in := op.Integration
	if in == nil {
		t.Fatal("GET /photos/{id} has no integration")
	}
	checks := []struct {
		name string
		got  any
		want any
	}{
		{"type", in.Type.Value, model.AWS},
		{"httpMethod", in.HTTPMethod.Value, "POST"},
		{"uri tag", in.URI.Tag, "!terraform"},
		{"uri text", in.URI.Raw, "aws_lambda_function.thumbs.invoke_arn"},
		{"contentHandling", in.ContentHandling.Value, model.ConvertToText},
		{"contentHandling position", in.ContentHandling.Span.Start.String(), "26:29"},
		{"passthroughBehavior", in.PassthroughBehavior.Value, model.WhenNoTemplates},
		{"timeout", in.TimeoutInMillis.Value, 10000},
		{"tls", in.TLSConfig.InsecureSkipVerification.Value, true},
		{"template count", len(in.RequestTemplates), 1},
		{"integration pointer", in.Pointer, "/resource/aws_api_gateway_integration/get"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: %v, want %v", c.name, c.got, c.want)
		}
	}
	// jsonencode of data is evaluated as Terraform does.
	if tmpl := in.RequestTemplates[0]; tmpl.Value.Raw != `{"id":"$input.params('id')"}` || tmpl.Value.Tag != source.TagStr {
		t.Errorf("request template %+v", tmpl.Value)
	}
	if len(in.Responses) != 2 {
		t.Fatalf("%d integration responses, want 2", len(in.Responses))
	}
	def, missing := in.Responses[0], in.Responses[1]
	// status_code refers to the method response's, which is the number
	// 200: Terraform hands API Gateway the string "200".
	if def.Pattern.Raw != "default" || def.StatusCode.Raw != "200" || def.StatusCode.Tag != source.TagStr || def.ContentHandling.Value != model.ConvertToBinary {
		t.Errorf("default response %+v %+v %+v", def.Pattern, def.StatusCode, def.ContentHandling)
	}
	if missing.Pattern.Raw != ".*NoSuchKey.*" || missing.StatusCode.Raw != "404" || len(missing.ResponseTemplates) != 1 {
		t.Errorf("404 response %+v", missing)
	}
	if len(op.Responses) != 1 || op.Responses[0].Status.Raw != "200" || op.Responses[0].Status.Tag != source.TagStr || op.Responses[0].Produces[0].Value != "image/png" {
		t.Errorf("method responses %+v", op.Responses)
	}
	if got, want := entryTexts(api, ""), "image/png@3:25 application/octet-stream@3:38"; got != want {
		t.Errorf("binary media types %q, want %q", got, want)
	}
	if p := api.BinaryMediaTypes.Property; !p.Set || p.Tag != source.TagSeq || p.Span.Start.String() != "3:24" {
		t.Errorf("property %+v", p)
	}
	if ev := api.KindEvidence; ev.Span.Start.String() != "1:1" || ev.Reason == "" {
		t.Errorf("kind evidence %+v", ev)
	}
}

// An integration whose method is declared in another file still makes
// an operation: it is where payloads are converted.
func TestTerraformIntegrationWithoutMethod(t *testing.T) {
	api := importFile(t, `
resource "aws_api_gateway_rest_api" "api" { name = "a" }
resource "aws_api_gateway_integration" "upload" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  resource_id = aws_api_gateway_rest_api.api.root_resource_id
  http_method = "PUT"
  type        = "AWS"
}
resource "aws_api_gateway_integration_response" "upload" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  resource_id = aws_api_gateway_rest_api.api.root_resource_id
  http_method = "PUT"
  status_code = "200"
}
`)[0]
	if got := importtest.Operations(api); got != "PUT /" {
		t.Fatalf("operations %q", got)
	}
	if in := api.Operations[0].Integration; in == nil || len(in.Responses) != 1 {
		t.Errorf("integration %+v", in)
	}
}

// The binary media types API Gateway deploys are the union of the
// attribute and the body's extension, each with its own origin.
func TestTerraformBinaryMediaTypesUnion(t *testing.T) {
	api := importFile(t, `resource "aws_api_gateway_rest_api" "api" {
  name               = "docs"
  binary_media_types = ["application/pdf"]
  body = jsonencode({
    openapi = "3.0.1"
    info    = { title = "docs", version = "1" }
    paths   = {}
    "x-amazon-apigateway-binary-media-types" = ["image/png", var.extra]
  })
}
`)[0]
	if got, want := entryTexts(api, ""), "image/png@8:49 ?@8:62 application/pdf@3:25"; got != want {
		t.Errorf("entries %q, want %q", got, want)
	}
	origins := []model.Origin{model.FromBinaryMediaTypes, model.FromBinaryMediaTypes, model.FromTerraform}
	for i, e := range api.BinaryMediaTypes.Entries {
		if e.Origin != origins[i] {
			t.Errorf("entry %d origin %q, want %q", i, e.Origin, origins[i])
		}
	}
	bmt := api.BinaryMediaTypes
	if !bmt.Declared.Set || !bmt.Property.Set || !bmt.HasUnknown() {
		t.Errorf("declared %v, property %v, unknown %v", bmt.Declared.Set, bmt.Property.Set, bmt.HasUnknown())
	}
	if api.Format != model.FormatOpenAPI30 || api.DefinitionPointer != "/resource/aws_api_gateway_rest_api/api/body" {
		t.Errorf("format %q, definition at %q", api.Format, api.DefinitionPointer)
	}
}

// References are opaque: never a guess, never an invalid value.
func TestTerraformUnknownReferences(t *testing.T) {
	apis := importFile(t, `
resource "aws_api_gateway_rest_api" "whole" {
  name               = "a"
  binary_media_types = var.binary_types
}
resource "aws_api_gateway_rest_api" "mixed" {
  name               = "b"
  binary_media_types = concat(["image/png"], var.more)
  body               = data.template_file.api.rendered
}
resource "aws_api_gateway_rest_api" "items" {
  name               = "c"
  binary_media_types = ["image/png", local.pdf, "${var.kind}/zip"]
}
resource "aws_api_gateway_integration" "get" {
  rest_api_id          = aws_api_gateway_rest_api.items.id
  resource_id          = aws_api_gateway_rest_api.items.root_resource_id
  http_method          = "GET"
  type                 = var.integration_type
  content_handling     = lookup(var.handling, "get", null)
  passthrough_behavior = var.passthrough
}
resource "aws_api_gateway_method" "computed" {
  for_each    = toset(["GET", "POST"])
  rest_api_id = aws_api_gateway_rest_api.items.id
  resource_id = aws_api_gateway_rest_api.items.root_resource_id
  http_method = each.value
}
`)
	if len(apis) != 3 {
		t.Fatalf("%d APIs, want 3", len(apis))
	}
	for i, want := range []string{"?@4:24", "?@8:24", "image/png@13:25 ?@13:38 ?@13:49"} {
		if got := entryTexts(apis[i], ""); got != want {
			t.Errorf("%s: entries %q, want %q", apis[i].Name, got, want)
		}
	}
	if e := apis[0].BinaryMediaTypes.Entries[0]; e.Raw != "var.binary_types" || e.Tag != "!terraform" {
		t.Errorf("unknown entry %+v", e)
	}
	if apis[1].Definition != nil || apis[1].Format != "" {
		t.Error("a body computed from a data source was read")
	}
	// The integration is read; the method with a computed verb is not.
	if got := importtest.Operations(apis[2]); got != "GET /" {
		t.Fatalf("operations %q", got)
	}
	in := apis[2].Operations[0].Integration
	if in.Type.Value != model.IntegrationUnset || in.ContentHandling.Value != model.Passthrough || in.PassthroughBehavior.Value != model.WhenNoMatch {
		t.Errorf("unknown enums read as %v %v %v", in.Type.Value, in.ContentHandling.Value, in.PassthroughBehavior.Value)
	}
	if !in.ContentHandling.Set || in.ContentHandling.Tag != "!terraform" {
		t.Errorf("content_handling %+v", in.ContentHandling)
	}
}

// Diagnostics about an inline body point into the .tf file, at the HCL
// that wrote the value; columns count code points.
func TestTerraformJSONEncodeBodyPositions(t *testing.T) {
	api := importFile(t, `resource "aws_api_gateway_rest_api" "api" {
  name = "ünïcode"
  body = jsonencode({
    swagger = "2.0"
    info    = { title = "Bücher ✓", version = "1" }
    paths = {
      "/books" = {
        get = {
          responses = { 200 = { description = "ok" } }
          "x-amazon-apigateway-integration" = { type = "mock" /* ✓ */, contentHandling = "CONVERT_TO_TEXT" }
        }
      }
    }
  })
}
`)[0]
	if api.Format != model.FormatOpenAPI2 || api.Version.Span.Start.String() != "4:15" {
		t.Errorf("format %q, version at %s", api.Format, api.Version.Span.Start)
	}
	op := api.Operations[0]
	if op.Name() != "GET /books" || op.Span.Start.String() != "8:9" {
		t.Errorf("%s at %s", op.Name(), op.Span.Start)
	}
	ch := op.Integration.ContentHandling
	if ch.Value != model.ConvertToText || ch.Span.Start.String() != "10:90" || ch.Span.End.String() != "10:107" {
		t.Errorf("contentHandling %v at %s-%s", ch.Value, ch.Span.Start, ch.Span.End)
	}
	if want := "/resource/aws_api_gateway_rest_api/api/body/paths/~1books/get/x-amazon-apigateway-integration/contentHandling"; ch.Pointer != want {
		t.Errorf("pointer %q, want %q", ch.Pointer, want)
	}
	// 200 = {…} is a key jsonencode writes as "200".
	if r := op.Responses[0]; r.Status.Raw != "200" || r.Status.Tag != source.TagStr {
		t.Errorf("response %+v", r.Status)
	}
	if ch.Span.File != "main.tf" {
		t.Errorf("span names %q", ch.Span.File)
	}
}

const openAPIFile = `openapi: 3.0.1
info: {title: files, version: "1"}
x-amazon-apigateway-binary-media-types: [image/png]
paths:
  /files:
    get:
      x-amazon-apigateway-integration: {type: aws_proxy, httpMethod: POST, uri: "${lambda_arn}"}
`

func TestTerraformFileBodies(t *testing.T) {
	for name, body := range map[string]string{
		"file":             `file("${path.module}/openapi.yaml")`,
		"templatefile":     `templatefile("${path.module}/openapi.yaml", { lambda_arn = aws_lambda_function.f.arn })`,
		"literal path":     `file("openapi.yaml")`,
		"subfolder":        `file("${path.module}/specs/../openapi.yaml")`,
		"0.11 interpolate": `"${file("${path.module}/openapi.yaml")}"`,
		"through a local":  `local.spec`,
	} {
		t.Run(name, func(t *testing.T) {
			res := importModule(t, "main.tf", map[string]string{
				"main.tf": `resource "aws_api_gateway_rest_api" "api" {
  name               = "files"
  body               = ` + body + `
  binary_media_types = ["application/pdf"]
}
locals {
  spec = templatefile("${path.module}/openapi.yaml", {})
}
`,
				"openapi.yaml": openAPIFile,
			})
			if len(res.Diagnostics) > 0 || len(res.APIs) != 1 {
				t.Fatalf("%d APIs, diagnostics %v", len(res.APIs), res.Diagnostics)
			}
			api := res.APIs[0]
			if api.Format != model.FormatOpenAPI30 || importtest.Operations(api) != "GET /files" {
				t.Errorf("format %q, operations %q", api.Format, importtest.Operations(api))
			}
			if got, want := entryTexts(api, "main.tf"), "image/png@3:42(openapi.yaml) application/pdf@4:25"; got != want {
				t.Errorf("entries %q, want %q", got, want)
			}
		})
	}
}

// file() follows the rules $refs do: nothing outside the module's folder,
// nothing remote, and the diagnostic is on the path.
func TestTerraformFileBodiesRefused(t *testing.T) {
	for name, c := range map[string]struct{ path, why string }{
		"parent folder": {`"${path.module}/../secret.yaml"`, "points outside the document's folder"},
		"absolute":      {`"/etc/secret.yaml"`, "absolute path"},
		"URL":           {`"https://example.com/openapi.yaml"`, "remote"},
		"missing":       {`"${path.module}/nope.yaml"`, "no such file"},
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			module := filepath.Join(dir, "module")
			if err := os.MkdirAll(module, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "secret.yaml"), []byte(openAPIFile), 0o644); err != nil {
				t.Fatal(err)
			}
			src := "resource \"aws_api_gateway_rest_api\" \"api\" {\n  body = file(" + c.path + ")\n}\n"
			if err := os.WriteFile(filepath.Join(module, "main.tf"), []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
			res := importer.File(filepath.Join(module, "main.tf"), importer.Options{})
			if len(res.Diagnostics) != 1 || !strings.Contains(res.Diagnostics[0].Message, c.why) || res.Diagnostics[0].Span.Start.String() != "2:15" {
				t.Fatalf("diagnostics %v, want one at 2:15 saying %q", res.Diagnostics, c.why)
			}
			if len(res.APIs) != 1 || res.APIs[0].Definition != nil || len(res.APIs[0].Operations) > 0 {
				t.Error("the refused file was read")
			}
		})
	}
}

func TestTerraformSyntaxErrors(t *testing.T) {
	for name, c := range map[string]struct{ src, at string }{
		"missing value":  {"resource \"aws_api_gateway_rest_api\" \"api\" {\n  name = \n}\n", "2:10"},
		"unclosed block": {"resource \"aws_api_gateway_rest_api\" \"api\" {\n  name = \"x\"\n", "1:43"},
		"after unicode":  {"locals {\n  ü = \"ö\" ]\n}\n", "2:11"},
		"too deep":       {"locals {\n  x = " + strings.Repeat("[", 2000) + strings.Repeat("]", 2000) + "\n}\n", "2:"},
	} {
		t.Run(name, func(t *testing.T) {
			res := importer.Bytes("main.tf", []byte(c.src), "", importer.Options{})
			if len(res.APIs) > 0 || res.IsDefinition() {
				t.Errorf("APIs %d, container %q", len(res.APIs), res.Container)
			}
			if len(res.Diagnostics) == 0 {
				t.Fatal("no diagnostic")
			}
			d := res.Diagnostics[0]
			if d.Rule != diag.RuleSyntax || d.Severity != diag.Error || !strings.HasPrefix(d.Span.Start.String(), c.at) || d.Span.File != "main.tf" {
				t.Errorf("diagnostic %v, want a syntax error at %s", d, c.at)
			}
		})
	}
}

func TestTerraformHTTPAPIs(t *testing.T) {
	apis := importFile(t, `
resource "aws_apigatewayv2_api" "http" {
  name          = "h"
  protocol_type = "HTTP"
  body = jsonencode({
    openapi = "3.0.1"
    info    = { title = "h", version = "1" }
    paths   = {}
    "x-amazon-apigateway-binary-media-types" = ["image/png"]
  })
}
resource "aws_apigatewayv2_api" "ws" {
  name                       = "w"
  protocol_type              = "WEBSOCKET"
  route_selection_expression = "$request.body.action"
}
resource "aws_apigatewayv2_api" "unknown" {
  name          = "u"
  protocol_type = var.protocol
}
`)
	if len(apis) != 1 {
		t.Fatalf("%d APIs, want only the HTTP one", len(apis))
	}
	api := apis[0]
	if api.Kind != model.HTTPAPI || api.Name != "aws_apigatewayv2_api.http" || api.KindEvidence.Span.Start.String() != "4:19" {
		t.Errorf("%s: kind %v, evidence %+v", api.Name, api.Kind, api.KindEvidence)
	}
	if got := entryTexts(api, ""); got != "image/png@9:49" {
		t.Errorf("entries %q", got)
	}
}

// A heredoc body is JSON or YAML written in the .tf file: it is parsed in
// place, so positions are the .tf file's lines and columns.
func TestTerraformHeredocBodies(t *testing.T) {
	src := "resource \"aws_api_gateway_rest_api\" \"json\" {\n" +
		"  body = <<-EOT\n" +
		"    {\"swagger\": \"2.0\", \"info\": {\"title\": \"j\", \"version\": \"1\"},\n" +
		"     \"x-amazon-apigateway-binary-media-types\": [\"image/png\"],\n" +
		"     \"paths\": {\"/\": {\"get\": {\"x-amazon-apigateway-integration\": {\"type\": \"mock\", \"uri\": \"${var.x}\"}}}}}\n" +
		"  EOT\n" +
		"}\n" +
		"resource \"aws_api_gateway_rest_api\" \"yaml\" {\n" +
		"  body = <<EOF\n" +
		"openapi: 3.0.1\n" +
		"info: {title: y, version: \"1\"}\n" +
		"paths: {/a: {get: {x-amazon-apigateway-integration: {type: mock, contentHandling: CONVERT_TO_TEXT}}}}\n" +
		"EOF\n" +
		"}\n" +
		"resource \"aws_api_gateway_rest_api\" \"computed\" {\n" +
		"  body = <<EOF\n" +
		"{\"swagger\": \"2.0\", \"paths\": ${jsonencode(local.paths)}}\n" +
		"EOF\n" +
		"}\n"
	apis := importFile(t, src)
	if len(apis) != 3 {
		t.Fatalf("%d APIs", len(apis))
	}
	if got := entryTexts(apis[0], ""); got != "image/png@4:49" {
		t.Errorf("entries %q", got)
	}
	if op := apis[0].Operations[0]; op.Name() != "GET /" || op.Integration.Type.Span.Start.String() != "5:74" {
		t.Errorf("%s, type at %s", op.Name(), op.Integration.Type.Span.Start)
	}
	if ch := apis[1].Operations[0].Integration.ContentHandling; ch.Value != model.ConvertToText || ch.Span.Start.String() != "12:83" {
		t.Errorf("contentHandling %v at %s", ch.Value, ch.Span.Start)
	}
	// Interpolation outside strings: computed text, not a definition.
	if apis[2].Definition != nil {
		t.Error("a heredoc with computed JSON was read")
	}
	// A literal heredoc that is not JSON is an error in the .tf file.
	res := importer.Bytes("main.tf", []byte("resource \"aws_api_gateway_rest_api\" \"api\" {\n  body = <<EOF\n{\"swagger\": \n\nEOF\n}\n"), "", importer.Options{})
	if len(res.Diagnostics) != 1 || res.Diagnostics[0].Span.Start.Line < 3 || res.Diagnostics[0].Span.File != "main.tf" {
		t.Errorf("diagnostics %v", res.Diagnostics)
	}
}

// A module's files are one namespace: var.x and local.x are looked up in
// the folder's other .tf files, but only the imported file's APIs are
// reported.
func TestTerraformModuleFiles(t *testing.T) {
	files := map[string]string{
		"main.tf": `resource "aws_api_gateway_rest_api" "api" {
  name               = "m"
  binary_media_types = var.binary_types
  body               = jsonencode(local.spec)
}
`,
		"variables.tf": `variable "binary_types" {
  type    = list(string)
  default = ["image/png", "application/pdf"]
}
`,
		"spec.tf": `locals {
  spec = {
    swagger = "2.0"
    info    = { title = "m", version = "1" }
    paths = {
      "/" = { get = { "x-amazon-apigateway-integration" = { type = "mock" } } }
    }
    "x-amazon-apigateway-binary-media-types" = ["image/gif"]
  }
}
resource "aws_api_gateway_rest_api" "other" { name = "o" }
`,
		"broken.tf": "this is { not HCL",
	}
	res := importModule(t, "main.tf", files)
	if len(res.Diagnostics) > 0 || len(res.APIs) != 1 {
		t.Fatalf("%d APIs, diagnostics %v", len(res.APIs), res.Diagnostics)
	}
	api := res.APIs[0]
	if got, want := entryTexts(api, "main.tf"), "image/gif@8:49(spec.tf) image/png@3:14(variables.tf) application/pdf@3:27(variables.tf)"; got != want {
		t.Errorf("entries %q, want %q", got, want)
	}
	if p := api.BinaryMediaTypes.Property; p.Raw != "var.binary_types" || !strings.HasSuffix(p.Span.File, "main.tf") {
		t.Errorf("property %+v", p)
	}
	if importtest.Operations(api) != "GET /" || api.DefinitionPointer != "/locals/spec" {
		t.Errorf("operations %q, definition at %q", importtest.Operations(api), api.DefinitionPointer)
	}
	// The other files have their own turn.
	if res := importModule(t, "variables.tf", files); len(res.APIs) != 0 || len(res.Diagnostics) != 0 {
		t.Errorf("variables.tf: %d APIs, %v", len(res.APIs), res.Diagnostics)
	}
}

// Methods and paths may be split over a module's files: a resource chain
// declared beside the file still names the path.
func TestTerraformResourcesInOtherFiles(t *testing.T) {
	res := importModule(t, "methods.tf", map[string]string{
		"api.tf": `resource "aws_api_gateway_resource" "v1" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  parent_id   = aws_api_gateway_rest_api.api.root_resource_id
  path_part   = var.version
}
variable "version" { default = "v1" }
`,
		"methods.tf": `resource "aws_api_gateway_rest_api" "api" { name = "a" }
resource "aws_api_gateway_method" "get" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  resource_id = aws_api_gateway_resource.v1.id
  http_method = "GET"
}
`,
	})
	if len(res.APIs) != 1 || importtest.Operations(res.APIs[0]) != "GET /v1" {
		t.Fatalf("APIs %d, diagnostics %v", len(res.APIs), res.Diagnostics)
	}
}

// The API's file reads the integrations other files of the module attach
// to it; those files, which declare no API, report nothing themselves.
func TestTerraformMethodsInOtherFiles(t *testing.T) {
	files := map[string]string{
		"api.tf": `resource "aws_api_gateway_rest_api" "api" {
  name               = "a"
  binary_media_types = ["*/*"]
}
`,
		"options.tf": `resource "aws_api_gateway_method" "options" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  resource_id = aws_api_gateway_rest_api.api.root_resource_id
  http_method = "OPTIONS"
}
resource "aws_api_gateway_integration" "options" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  resource_id = aws_api_gateway_rest_api.api.root_resource_id
  http_method = aws_api_gateway_method.options.http_method
  type        = "MOCK"
  request_templates = { "application/json" = "{\"statusCode\": 200}" }
}
`,
	}
	res := importModule(t, "api.tf", files)
	if len(res.APIs) != 1 || importtest.Operations(res.APIs[0]) != "OPTIONS /" {
		t.Fatalf("APIs %d, diagnostics %v", len(res.APIs), res.Diagnostics)
	}
	in := res.APIs[0].Operations[0].Integration
	if in == nil || in.Type.Value != model.Mock || !strings.HasSuffix(in.Type.Span.File, "options.tf") || in.Type.Span.Start.Line != 10 {
		t.Errorf("integration %+v", in)
	}
	other := importModule(t, "options.tf", files)
	if len(other.APIs) != 0 || other.IsDefinition() || len(other.Diagnostics) != 0 {
		t.Errorf("options.tf: %d APIs, container %q, %v", len(other.APIs), other.Container, other.Diagnostics)
	}
}

// A file that declares an API is a Terraform definition even when the API
// is not read (a WebSocket API); one that declares none is not.
func TestTerraformFormat(t *testing.T) {
	for src, want := range map[string]model.Container{
		`resource "aws_apigatewayv2_api" "ws" { protocol_type = "WEBSOCKET" }`: model.ContainerTerraform,
		`variable "x" { default = 1 }`:                                         "",
		`resource "aws_api_gateway_rest_api" "a" {}`:                           model.ContainerTerraform,
	} {
		if res := importer.Bytes("main.tf", []byte(src), "", importer.Options{}); res.Container != want || res.Format != "" || len(res.Diagnostics) > 0 {
			t.Errorf("%s: container %q, format %q, want %q (%v)", src, res.Container, res.Format, want, res.Diagnostics)
		}
	}
}

// The corpus's Terraform files, read by hand (see ../shared/corpus/
// SOURCES.md): how many APIs each declares and the binary media types API
// Gateway deploys for them ("?" for a value only Terraform knows).
func TestTerraformCorpus(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(corpusDir, "tf-*.tf"))
	if len(files) == 0 {
		t.Skip("corpus not available")
	}
	want := map[string]struct {
		apis  int
		types string
		diags []string // substrings of the expected diagnostics
		ops   string
	}{
		"tf-addresscloud-tile-integrations.tf": {}, // integrations of an API declared in main.tf
		"tf-addresscloud-tile-variables.tf":    {}, // variables only
		"tf-braintrust-hcl-openapi-spec.tf":    {}, // locals only
		"tf-squidfunk-enable-cors-main.tf":     {}, // a module for an API passed in as var.api_id
		"tf-braintrust-api-gateway.tf": {apis: 1, // the body is a local of the spec file beside it
			types: "*/* application/json application/octet-stream application/x-tar application/zip audio/basic audio/ogg audio/mp4 audio/mpeg audio/wav audio/webm image/png image/jpg image/jpeg image/gif video/ogg video/mpeg video/webm"},
		"tf-defense-finder-wildcard-mock-options.tf": {apis: 1, types: "*/*", ops: "OPTIONS /protein/{protein}, PUT /protein/{protein}"},
		"tf-gigaproxy-jsonencode-oas3.tf":            {apis: 1, types: "image/jpg image/gif image/png", ops: "ANY /gigaproxy-forwarder-function"},
		// templatefile("${path.module}/openapi.yaml"): the corpus keeps
		// that file under another name.
		"tf-jmap-service-apigateway.tf": {apis: 1, types: "application/octet-stream message/rfc822", diags: []string{`"openapi.yaml" cannot be read: no such file`}},
		// body = "${data.template_file...rendered}": unknown.
		"tf-nulterra-iiif.tf": {apis: 1, types: "*/*"},
	}
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			w, ok := want[name]
			if !ok {
				t.Fatalf("no expectation for %s; read it and add one", name)
			}
			res := importer.File(path, importer.Options{})
			if len(res.Diagnostics) != len(w.diags) {
				t.Fatalf("diagnostics %v, want %q", res.Diagnostics, w.diags)
			}
			for i, d := range res.Diagnostics {
				if !strings.Contains(d.Message, w.diags[i]) {
					t.Errorf("diagnostic %v, want %q", d, w.diags[i])
				}
			}
			if len(res.APIs) != w.apis {
				t.Fatalf("%d APIs, want %d", len(res.APIs), w.apis)
			}
			if w.apis == 0 {
				return
			}
			api := res.APIs[0]
			var types []string
			for _, e := range api.BinaryMediaTypes.Entries {
				if e.Unknown {
					types = append(types, "?")
				} else {
					types = append(types, e.Value)
				}
			}
			if got := strings.Join(types, " "); got != w.types {
				t.Errorf("binary media types %q, want %q", got, w.types)
			}
			if w.ops != "" && importtest.Operations(api) != w.ops {
				t.Errorf("operations %q, want %q", importtest.Operations(api), w.ops)
			}
		})
	}
	// defense-finder: "*/* plus an OPTIONS mock with no request template
	// and no contentHandling".
	res := importer.File(filepath.Join(corpusDir, "tf-defense-finder-wildcard-mock-options.tf"), importer.Options{})
	options := res.APIs[0].Operations[0].Integration
	if options.Type.Value != model.Mock || options.ContentHandling.Set || len(options.RequestTemplates) != 0 {
		t.Errorf("defense-finder OPTIONS integration %+v", options)
	}
}

// The corpus's addresscloud module sets binary_media_types =
// var.api_binary_media_types in a main.tf the corpus does not hold; with
// such a main.tf beside its variables file, the default is what deploys.
func TestTerraformCorpusVariableDefault(t *testing.T) {
	vars, err := os.ReadFile(filepath.Join(corpusDir, "tf-addresscloud-tile-variables.tf"))
	if err != nil {
		t.Skip("corpus not available")
	}
	res := importModule(t, "main.tf", map[string]string{
		"variables.tf": string(vars),
		"main.tf": `resource "aws_api_gateway_rest_api" "tile" {
  name               = var.api_name
  binary_media_types = var.api_binary_media_types
}
`,
	})
	if len(res.APIs) != 1 || len(res.Diagnostics) > 0 {
		t.Fatalf("%d APIs, diagnostics %v", len(res.APIs), res.Diagnostics)
	}
	if got, want := entryTexts(res.APIs[0], "main.tf"), "application/x-protobuf@30:18(variables.tf) application/x-www-form-urlencoded@30:44(variables.tf) image/*@30:81(variables.tf)"; got != want {
		t.Errorf("entries %q, want %q", got, want)
	}
}

// FuzzTerraform checks that no input panics the Terraform importer, and
// that operations have a method and a position.
func FuzzTerraform(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join(corpusDir, "tf-*.tf"))
	fixtures, _ := filepath.Glob("../fixtures/*.tf")
	for _, path := range append(seeds, fixtures...) {
		if data, err := os.ReadFile(path); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(restAPISource))
	f.Fuzz(func(t *testing.T, data []byte) {
		res := importer.Bytes("fuzz.tf", data, "", importer.Options{})
		for _, api := range res.APIs {
			for _, op := range api.Operations {
				if op.Method == "" || !op.Span.Start.IsValid() {
					t.Fatalf("operation %q without method or position", op.Name())
				}
			}
		}
	})
}

// CRLF line breaks and a byte order mark change offsets, not lines and
// columns.
func TestTerraformLineEndings(t *testing.T) {
	src := "resource \"aws_api_gateway_rest_api\" \"api\" {\n  binary_media_types = [\"image/png\"]\n}\n"
	for name, data := range map[string]string{
		"LF":   src,
		"CRLF": strings.ReplaceAll(src, "\n", "\r\n"),
		"BOM":  "\uFEFF" + src,
	} {
		api := importFile(t, data)[0]
		if got := entryTexts(api, ""); got != "image/png@2:25" {
			t.Errorf("%s: entries %q", name, got)
		}
	}
}
