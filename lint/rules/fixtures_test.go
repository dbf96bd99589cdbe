package rules

import (
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigw-oas/apigw-oas/importer"
	"github.com/apigw-oas/apigw-oas/internal/golden"
	"github.com/apigw-oas/apigw-oas/lint"
)

// TestFixtureFindings lints every fixture with every rule and compares the
// findings, with their file, line and column, with
// testdata/fixtures/<fixture>.out (APIGW_OAS_UPDATE=1 rewrites them). For
// the container fixtures this pins down that each finding points at the
// file and line where the setting is written: a CloudFormation property,
// the inline body, SAM's Globals.
func TestFixtureFindings(t *testing.T) {
	goldenDir, err := filepath.Abs("testdata/fixtures")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir("../..")
	err = filepath.WalkDir("fixtures", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(path, ".md") {
			return err
		}
		res := importer.File(path, importer.Options{})
		if !res.IsDefinition() && len(res.Diagnostics) == 0 {
			return nil // a fragment other fixtures $ref
		}
		t.Run(path, func(t *testing.T) {
			out := render(lint.File(res, All, lint.Defaults{}))
			golden.Compare(t, filepath.Join(goldenDir, filepath.Base(path)+".out"), []byte(out))
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
