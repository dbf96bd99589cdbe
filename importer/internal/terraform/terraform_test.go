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
		// a module for the API its caller passes in as var.api_id
		"tf-squidfunk-enable-cors-main.tf": {apis: 1, types: "?", ops: "OPTIONS {var.api_resource_id}"},
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
