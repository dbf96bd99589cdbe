package importer

import (
	"os"
	"testing"
)

// BenchmarkImportGitHubAPIGW parses and imports the 4.9 MB GitHub REST API
// description with an API Gateway integration on each of its 873
// operations. The target on a 2-core machine: under 0.5 s and 200 MiB.
func BenchmarkImportGitHubAPIGW(b *testing.B) {
	const path = "../../shared/bench/api.github.com.apigw.json"
	data, err := os.ReadFile(path)
	if err != nil {
		b.Skipf("benchmark input not available: %v", err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		res := Bytes(path, data, "../../shared/bench", Options{})
		if len(res.Diagnostics) > 0 || len(res.APIs) != 1 || len(res.APIs[0].Operations) != 873 {
			b.Fatalf("unexpected import: %d diagnostics, %d APIs", len(res.Diagnostics), len(res.APIs))
		}
	}
}
