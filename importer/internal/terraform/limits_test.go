package terraform_test

import (
	"strings"
	"testing"

	"github.com/apigw-oas/apigw-oas/importer"
)

// manyValues is HCL that may hold n values: a list of n numbers, one a line.
func manyValues(n int) string {
	return "locals {\n  xs = [\n" + strings.Repeat("1,\n", n) + "]\n}\n"
}

const smallAPI = `resource "aws_api_gateway_rest_api" "api" {
  name = "a"
}
`

// TestValueCap checks that a .tf file that may hold more than a million
// values is refused before it is parsed, as JSON and YAML are.
func TestValueCap(t *testing.T) {
	res := importer.Bytes("main.tf", []byte(smallAPI+manyValues(1_000_001)), "", importer.Options{})
	if len(res.Diagnostics) != 1 || !strings.Contains(res.Diagnostics[0].Message, "too large") || res.Doc != nil {
		t.Fatalf("want one too-large error and no document, got %v", res.Diagnostics)
	}
}

// TestModuleBudget checks that the files of a module count against one
// budget: two siblings that each fit but not together are not both read,
// and the import says so instead of taking their memory. The siblings'
// lines are blank, which the estimate counts but parsing skips quickly.
func TestModuleBudget(t *testing.T) {
	blank := strings.Repeat("\n", 600_000)
	res := importModule(t, "main.tf", map[string]string{
		"main.tf": smallAPI,
		"a.tf":    blank,
		"b.tf":    blank,
	})
	if len(res.APIs) != 1 {
		t.Fatalf("want the API of main.tf, got %d APIs", len(res.APIs))
	}
	if len(res.Diagnostics) != 1 || !strings.Contains(res.Diagnostics[0].Message, "b.tf and 0 more file(s) were not read") {
		t.Fatalf("want one module-too-large error naming b.tf, got %v", res.Diagnostics)
	}
}
