package importer_test

import (
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigw-oas/apigw-oas/importer"
	"github.com/apigw-oas/apigw-oas/importer/internal/importtest"
	"github.com/apigw-oas/apigw-oas/internal/golden"
)

// TestFixtureModels imports every definition in fixtures/ and compares the
// model, rendered as the format cases render it (importtest.Render), with
// testdata/golden/<fixture>.model.txt.
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
		res := importer.File(path, importer.Options{})
		if !res.IsDefinition() && len(res.Diagnostics) == 0 {
			return nil // a fragment other fixtures $ref, not a definition
		}
		seen++
		t.Run(path, func(t *testing.T) {
			if len(res.Diagnostics) > 0 {
				t.Errorf("fixture does not import cleanly: %v", res.Diagnostics)
			}
			golden.Compare(t, filepath.Join(goldenDir, path+".model.txt"), []byte(importtest.Render(res)))
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
	case ".yaml", ".yml", ".json", ".tf":
		return true
	}
	return false
}
