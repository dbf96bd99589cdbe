package importer_test

import (
	"path/filepath"
	"testing"

	"github.com/apigw-oas/apigw-oas/importer"
	"github.com/apigw-oas/apigw-oas/importer/internal/importtest"
)

// TestTerraformOwns checks that each .tf file of a module owns the findings
// written in it and in the bodies its own APIs read, and no other file's,
// whichever of them is imported.
func TestTerraformOwns(t *testing.T) {
	dir := t.TempDir()
	importtest.WriteFile(t, filepath.Join(dir, "api.tf"), `resource "aws_api_gateway_rest_api" "api" {
  name = "a"
  body = file("openapi.json")
}
`)
	importtest.WriteFile(t, filepath.Join(dir, "openapi.json"), `{"openapi": "3.0.1", "info": {"title": "t", "version": "1"}, "paths": {}}`)
	importtest.WriteFile(t, filepath.Join(dir, "options.tf"), `resource "aws_api_gateway_method" "options" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  resource_id = aws_api_gateway_rest_api.api.root_resource_id
  http_method = "OPTIONS"
}
`)
	t.Chdir(dir)
	for _, tc := range []struct {
		file       string
		owns, not  []string
		operations int
	}{
		{file: "api.tf", owns: []string{"api.tf", "openapi.json"}, not: []string{"options.tf"}, operations: 1},
		{file: "options.tf", owns: []string{"options.tf"}, not: []string{"api.tf", "openapi.json"}, operations: 1},
	} {
		res := importer.File(tc.file, importer.Options{})
		if !res.IsDefinition() || len(res.APIs) != 1 || len(res.APIs[0].Operations) != tc.operations {
			t.Fatalf("%s: want the module's API with its OPTIONS method, got %s", tc.file, importtest.Render(res))
		}
		for _, f := range tc.owns {
			if !res.Owns(f) {
				t.Errorf("%s does not own findings in %s", tc.file, f)
			}
		}
		for _, f := range tc.not {
			if res.Owns(f) {
				t.Errorf("%s owns findings in %s, which another file reports", tc.file, f)
			}
		}
	}
}
