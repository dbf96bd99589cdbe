package importer_test

import (
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/apigw-oas/apigw-oas/importer"
	"github.com/apigw-oas/apigw-oas/importer/internal/importtest"
	"github.com/apigw-oas/apigw-oas/internal/golden"
)

// modelSection is the section of a case that holds what the import found.
const modelSection = "model"

// TestFormats runs the cases in testdata/<format>/*.txtar: the files of
// each archive are written to a folder, the first is imported, and what
// came out (importtest.Render) must equal the archive's model section.
func TestFormats(t *testing.T) {
	cases, err := filepath.Glob("testdata/*/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) == 0 {
		t.Fatal("no cases in testdata/<format>/")
	}
	for _, path := range cases {
		abs, err := filepath.Abs(path)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(path, func(t *testing.T) {
			archive, err := txtar.ParseFile(abs)
			if err != nil {
				t.Fatal(err)
			}
			if len(archive.Files) == 0 || archive.Files[0].Name == modelSection {
				t.Fatal("the first file of a case is the one imported")
			}
			dir := t.TempDir()
			for _, f := range archive.Files {
				if f.Name != modelSection {
					importtest.WriteFile(t, filepath.Join(dir, filepath.FromSlash(f.Name)), string(f.Data))
				}
			}
			t.Chdir(dir) // so spans name files as the archive does
			res := importer.File(archive.Files[0].Name, importer.Options{})
			golden.CompareSection(t, abs, modelSection, []byte(importtest.Render(res)))
		})
	}
}
