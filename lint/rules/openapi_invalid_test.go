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
