package rules

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/importer"
	"github.com/apigw-oas/apigw-oas/lint"
)

// TestOpenAPIInvalidLeavesImportProblemsAlone: a $ref the importer could
// not follow is reported once, by the importer, not again by
// openapi-invalid.
func TestOpenAPIInvalidLeavesImportProblemsAlone(t *testing.T) {
	path := filepath.Join(t.TempDir(), "api.yaml")
	doc := "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    delete:\n      responses:\n        '204':\n          $ref: '#/components/responses/Deleted'\n"
	if err := os.WriteFile(path, []byte(doc), 0o600); err != nil {
		t.Fatal(err)
	}
	ds := lint.File(importer.File(path, importer.Options{}), All, lint.Defaults{})
	if len(ds) != 1 || ds[0].Rule != diag.RuleSyntax || ds[0].Span.Start.Line != 8 {
		t.Errorf("want the importer's one syntax diagnostic on line 8, got\n%s", render(ds))
	}
}

// TestOpenAPIInvalidInAReferencedFile: a definition a container reads from
// another file (SAM's DefinitionUri) is reported in that file.
func TestOpenAPIInvalidInAReferencedFile(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"api.yaml":      "openapi: 3.0.1\ninfo: {title: t}\npaths: {}\n",
		"template.yaml": "Transform: AWS::Serverless-2016-10-31\nResources:\n  Api:\n    Type: AWS::Serverless::Api\n    Properties: {DefinitionUri: api.yaml}\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	ds := lint.File(importer.File(filepath.Join(dir, "template.yaml"), importer.Options{}), []*lint.Rule{OpenAPIInvalid}, lint.Defaults{})
	if len(ds) != 1 || ds[0].Span.File != filepath.Join(dir, "api.yaml") || ds[0].Span.Start.Line != 2 {
		t.Errorf("want one finding on api.yaml:2, got\n%s", render(ds))
	}
}
