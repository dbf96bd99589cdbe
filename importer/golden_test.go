package importer

import (
	"encoding/json"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigw-oas/apigw-oas/internal/golden"
	"github.com/apigw-oas/apigw-oas/model"
)

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
		if !res.IsDefinition() && len(res.Diagnostics) == 0 {
			return nil // a fragment other fixtures $ref, not a definition
		}
		seen++
		t.Run(path, func(t *testing.T) {
			if len(res.Diagnostics) > 0 {
				t.Errorf("fixture does not import cleanly: %v", res.Diagnostics)
			}
			got, err := json.MarshalIndent(struct {
				Format    model.Format    `json:"format,omitempty"`
				Container model.Container `json:"container,omitempty"`
				APIs      any             `json:"apis"`
			}{res.Format, res.Container, res.APIs}, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden.Compare(t, filepath.Join(goldenDir, path+".model.json"), append(got, '\n'))
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
