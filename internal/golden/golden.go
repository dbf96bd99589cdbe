// Package golden compares test output with golden files, and rewrites them
// when APIGW_OAS_UPDATE is set: APIGW_OAS_UPDATE=1 go test ./... , then
// review the diff before committing.
package golden

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Updating reports whether golden files are being rewritten.
func Updating() bool { return os.Getenv("APIGW_OAS_UPDATE") != "" }

// Compare fails t when got differs from the file at path, showing the first
// differing line; with APIGW_OAS_UPDATE set it writes got to path instead.
func Compare(t testing.TB, path string, got []byte) {
	t.Helper()
	if Updating() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (APIGW_OAS_UPDATE=1 creates it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (APIGW_OAS_UPDATE=1 rewrites it):\n%s", path, FirstDifference(string(want), string(got)))
	}
}

// FirstDifference shows the lines around the first difference, quoted so
// that invisible differences (a tab, a trailing space, CR) show.
func FirstDifference(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	first := 0
	for first < len(w) && first < len(g) && w[first] == g[first] {
		first++
	}
	var b strings.Builder
	fmt.Fprintf(&b, "first difference at line %d (want %d lines, got %d)\n", first+1, len(w), len(g))
	for i := max(0, first-2); i < first; i++ {
		fmt.Fprintf(&b, " %4d %q\n", i+1, w[i])
	}
	for i := first; i < first+3; i++ {
		if i < len(w) {
			fmt.Fprintf(&b, "-%4d %q\n", i+1, w[i])
		}
		if i < len(g) {
			fmt.Fprintf(&b, "+%4d %q\n", i+1, g[i])
		}
	}
	return b.String()
}
