package rules

import (
	"os"
	"path/filepath"
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

// BenchmarkLintGitHubAPIGWFixes is BenchmarkLintGitHubAPIGW with fixes
// written and judged (lint.Options.Fixes), as `apigw-oas lint --format
// json` and sarif run: an import per fix.
func BenchmarkLintGitHubAPIGWFixes(b *testing.B) {
	const path = "../../../shared/bench/api.github.com.apigw.json"
	if _, err := os.Stat(path); err != nil {
		b.Skipf("benchmark input not available: %v", err)
	}
	benchmarkRun(b, []lint.Input{{Path: path, Explicit: true}}, true)
}

// BenchmarkLintTerraformFolder lints the corpus' .tf files as a folder
// walk does (each read with its siblings), the cost the run's parse cache
// (importer.Cache) cuts.
func BenchmarkLintTerraformFolder(b *testing.B) {
	files, _ := filepath.Glob("../../../shared/corpus/*.tf")
	if len(files) == 0 {
		b.Skip("benchmark input not available: ../shared/corpus")
	}
	var inputs []lint.Input
	for _, f := range files {
		inputs = append(inputs, lint.Input{Path: f, Root: filepath.Dir(f)})
	}
	benchmarkRun(b, inputs, false)
}

func benchmarkRun(b *testing.B, inputs []lint.Input, fixes bool) {
	opts := lint.Options{Rules: All, Fixes: fixes}
	if len(lint.Run(inputs, opts).Diagnostics) == 0 {
		b.Fatal("no diagnostics: the rules found nothing")
	}
	b.ReportAllocs()
	for b.Loop() {
		lint.Run(inputs, opts)
	}
}
