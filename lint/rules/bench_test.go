package rules

import (
	"os"
	"testing"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/importer"
	"github.com/apigw-oas/apigw-oas/lint"
)

// BenchmarkLintGitHubAPIGW imports the 4.9 MB GitHub REST API description
// with an API Gateway integration on each of its operations and runs every
// rule over it with the default configuration: the cost of `apigw-oas lint`
// on one large file, without the report.
func BenchmarkLintGitHubAPIGW(b *testing.B) {
	const (
		folder = "../../../shared/bench"
		path   = folder + "/api.github.com.apigw.json"
	)
	data, err := os.ReadFile(path)
	if err != nil {
		b.Skipf("benchmark input not available: %v", err)
	}

	// Check once, outside the timed loop, that the run lints something.
	ds := lint.File(importer.Bytes(path, data, folder, importer.Options{}), All, lint.Defaults{})
	if len(ds) == 0 {
		b.Fatal("no diagnostics: the rules found nothing in the GitHub API")
	}
	for _, d := range ds {
		if d.Rule == diag.RuleSyntax {
			b.Fatalf("syntax diagnostic: %s", d)
		}
	}

	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		res := importer.Bytes(path, data, folder, importer.Options{})
		if len(lint.File(res, All, lint.Defaults{})) == 0 {
			b.Fatal("no diagnostics")
		}
	}
}
