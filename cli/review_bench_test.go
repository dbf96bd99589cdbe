package cli

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchDefinition is GitHub's REST API description with API Gateway
// settings on each of its 873 operations (../shared/bench/SOURCES.md).
const benchDefinition = "../../shared/bench/api.github.com.apigw.json"

// The review of a one-setting change to that file should cost no more than
// twice a lint of it (issue 14): compare BenchmarkReviewOneChange with
// BenchmarkLintBenchDefinition.
func BenchmarkReviewOneChange(b *testing.B) {
	changed := changedCopy(b, `"contentHandling": "CONVERT_TO_TEXT"`, `"contentHandling": "CONVERT_TO_BINARY"`)
	benchMain(b, "review", benchDefinition, changed, "--fail-on", "never")
}

// BenchmarkReviewWildcardRemoved drops */* from the binary media types,
// which changes outcomes in most operations: the review's worst case.
func BenchmarkReviewWildcardRemoved(b *testing.B) {
	changed := changedCopy(b, `"application/zip",`+"\n"+`    "*/*"`, `"application/zip"`)
	benchMain(b, "review", benchDefinition, changed, "--fail-on", "never")
}

func BenchmarkLintBenchDefinition(b *testing.B) {
	benchMain(b, "lint", benchDefinition, "--fail-on", "never")
}

// changedCopy writes the bench definition with the first occurrence of
// old replaced.
func changedCopy(b *testing.B, old, new string) string {
	data, err := os.ReadFile(benchDefinition)
	if err != nil {
		b.Skipf("%s is not present: %v", benchDefinition, err)
	}
	if !bytes.Contains(data, []byte(old)) {
		b.Fatalf("%s no longer contains %q", benchDefinition, old)
	}
	path := filepath.Join(b.TempDir(), "api.github.com.apigw.json")
	if err := os.WriteFile(path, bytes.Replace(data, []byte(old), []byte(new), 1), 0o644); err != nil {
		b.Fatal(err)
	}
	return path
}

func benchMain(b *testing.B, args ...string) {
	if _, err := os.Stat(benchDefinition); err != nil {
		b.Skipf("%s is not present", benchDefinition)
	}
	for b.Loop() {
		var stderr strings.Builder
		if code := Main(context.Background(), append([]string{"apigw-oas"}, args...), nil, io.Discard, &stderr); code != ExitOK {
			b.Fatalf("exit %d: %s", code, stderr.String())
		}
	}
}
