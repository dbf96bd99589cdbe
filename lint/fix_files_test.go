package lint_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/lint"
	"github.com/apigw-oas/apigw-oas/lint/rules"
	"github.com/apigw-oas/apigw-oas/source"
)

// writeFiles writes files (name → text) into a new folder and returns it,
// links resolved, as a walk names its root.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const samTemplate = `Transform: AWS::Serverless-2016-10-31
Resources:
  Files:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      DefinitionUri: api.yaml
`

const sharedBody = `openapi: 3.0.1
info: {title: files, version: '1.0'}
paths:
  /files:
    put:
      requestBody:
        content:
          application/json: {}
      responses:
        '200': {description: stored}
      x-amazon-apigateway-integration:
        type: aws
        httpMethod: PUT
        uri: arn:aws:apigateway:us-east-1:s3:path/files-bucket/upload
        contentHandling: convert_to_text
`

// Two templates reading one body that ask for different edits of it for
// the same finding: neither edit is applied, and Fix says why.
func TestFixRefusesDifferentEditsOfSharedFile(t *testing.T) {
	dir := writeFiles(t, map[string]string{"one.yaml": samTemplate, "two.yaml": samTemplate, "api.yaml": sharedBody})
	opts := lint.Options{Rules: rules.All, Fixes: true}
	one, two := filepath.Join(dir, "one.yaml"), filepath.Join(dir, "two.yaml")
	found := lint.Run([]lint.Input{{Path: one, Explicit: true}, {Path: two, Explicit: true}}, opts)
	i := slices.IndexFunc(found.Diagnostics, func(d diag.Diagnostic) bool { return d.Rule == "content-handling-invalid" })
	if i < 0 || found.Diagnostics[i].Fix == nil || found.Diagnostics[i].Fix.File != filepath.Join(dir, "api.yaml") {
		t.Fatalf("the body's finding has no fix in the body: %v", found.Diagnostics)
	}
	// what two.yaml would ask if its view of the body differed
	other := found.Diagnostics[i]
	fix := *other.Fix
	fix.Origin = two
	fix.Replacements = []source.Replacement{{Start: fix.Replacements[0].Start, End: fix.Replacements[0].End, Text: "CONVERT_TO_BINARY"}}
	other.Fix = &fix
	found.Diagnostics = append(found.Diagnostics, other)

	fixed, refused := lint.Fix(found, opts, lint.FixOptions{Unsafe: true})
	if len(fixed) != 0 {
		t.Errorf("conflicting fixes were applied: %s", fixed[0].After)
	}
	if len(refused) != 1 || !strings.Contains(refused[0], "one.yaml and "+two+", which both read") {
		t.Errorf("refused = %q", refused)
	}
}

// Two templates reading one body find the same fix: it is applied once.
func TestFixAppliesSharedFixOnce(t *testing.T) {
	dir := writeFiles(t, map[string]string{"one.yaml": samTemplate, "two.yaml": samTemplate, "api.yaml": sharedBody})
	opts := lint.Options{Rules: rules.All, Fixes: true}
	found := lint.Run([]lint.Input{{Path: filepath.Join(dir, "one.yaml"), Explicit: true}, {Path: filepath.Join(dir, "two.yaml"), Explicit: true}}, opts)
	// both templates' findings, as if each had been reported
	for _, d := range slices.Clone(found.Diagnostics) {
		if d.Fix != nil {
			twin := *d.Fix
			twin.Origin = filepath.Join(dir, "two.yaml")
			d.Fix = &twin
			found.Diagnostics = append(found.Diagnostics, d)
		}
	}
	fixed, refused := lint.Fix(found, opts, lint.FixOptions{})
	if len(refused) > 0 || len(fixed) != 1 || fixed[0].Applied != 1 || fixed[0].File != filepath.Join(dir, "api.yaml") {
		t.Fatalf("fixed = %v, refused = %v", fixed, refused)
	}
	if want := strings.Replace(sharedBody, "convert_to_text", "CONVERT_TO_TEXT", 1); string(fixed[0].After) != want {
		t.Errorf("the body after its fix:\n%s", fixed[0].After)
	}
}

// A fix never edits a file outside the linted file's folder and the folder
// walked: a Terraform module called from "../shared" is edited only when
// the walk's root holds it.
func TestFixStaysInsideRoot(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"app/main.tf": `resource "aws_api_gateway_rest_api" "files" {
  name = "files"
}

resource "aws_api_gateway_resource" "files" {
  rest_api_id = aws_api_gateway_rest_api.files.id
  parent_id   = aws_api_gateway_rest_api.files.root_resource_id
  path_part   = "files"
}

module "upload" {
  source      = "../shared/upload"
  api_id      = aws_api_gateway_rest_api.files.id
  resource_id = aws_api_gateway_resource.files.id
}
`,
		"shared/upload/upload.tf": `variable "api_id" {}
variable "resource_id" {}

resource "aws_api_gateway_method" "upload" {
  rest_api_id   = var.api_id
  resource_id   = var.resource_id
  http_method   = "PUT"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "upload" {
  rest_api_id      = var.api_id
  resource_id      = var.resource_id
  http_method      = aws_api_gateway_method.upload.http_method
  type             = "AWS"
  uri              = "arn:aws:apigateway:us-east-1:s3:path/files-bucket/upload"
  content_handling = "convert_to_text"
}
`})
	opts := lint.Options{Rules: rules.All, Fixes: true}
	main := filepath.Join(dir, "app", "main.tf")
	fixOf := func(in lint.Input) *diag.Fix {
		for _, d := range lint.Run([]lint.Input{in}, opts).Diagnostics {
			if d.Rule == "content-handling-invalid" {
				return d.Fix
			}
		}
		t.Fatalf("no content-handling-invalid finding")
		return nil
	}
	if fix := fixOf(lint.Input{Path: main, Explicit: true}); fix != nil {
		t.Errorf("linting app/main.tf alone, a fix edits %s", fix.File)
	}
	fix := fixOf(lint.Input{Path: main, Root: dir})
	if fix == nil || fix.File != filepath.Join(dir, "shared", "upload", "upload.tf") || fix.Safety != diag.Safe {
		t.Errorf("walking the folder that holds both, the fix is %+v", fix)
	}
}
