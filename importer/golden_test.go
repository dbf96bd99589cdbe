package importer

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// update rewrites golden files instead of comparing with them:
// APIGW_OAS_UPDATE=1 go test ./importer. Review the diff before committing.
var update = os.Getenv("APIGW_OAS_UPDATE") != ""

// TestFixtureModels imports every definition in fixtures/ and compares the
// model with testdata/golden/<fixture>.model.json.
func TestFixtureModels(t *testing.T) {
	goldenDir, err := filepath.Abs("testdata/golden")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir("..") // so the model names files as users type them: fixtures/…
	var seen int
	err = filepath.WalkDir("fixtures", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !isDefinitionName(path) {
			return err
		}
		res := File(path, Options{})
		if res.Format == "" && len(res.Diagnostics) == 0 {
			return nil // a fragment other fixtures $ref, not a definition
		}
		seen++
		t.Run(path, func(t *testing.T) {
			if len(res.Diagnostics) > 0 {
				t.Errorf("fixture does not import cleanly: %v", res.Diagnostics)
			}
			got, err := json.MarshalIndent(struct {
				Format string `json:"format"`
				APIs   any    `json:"apis"`
			}{res.Format, res.APIs}, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			compareGolden(t, filepath.Join(goldenDir, path+".model.json"), append(got, '\n'))
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if seen < 8 {
		t.Errorf("only %d fixture definitions; the foundation promises at least 8", seen)
	}
}

func isDefinitionName(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".yaml", ".yml", ".json":
		return true
	}
	return false
}

func compareGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if update {
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
		t.Fatalf("%v (run with APIGW_OAS_UPDATE=1 to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("model differs from %s (APIGW_OAS_UPDATE=1 rewrites it):\n%s", path, firstDifference(want, got))
	}
}

// firstDifference shows the first differing line with a little context.
func firstDifference(want, got []byte) string {
	w, g := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return "line " + strconv.Itoa(i+1) + ":\n  want: " + wl + "\n  got:  " + gl
		}
	}
	return ""
}
