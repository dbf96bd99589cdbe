package cli

import (
	"path/filepath"
	"testing"

	"github.com/apigw-oas/apigw-oas/importer"
)

// TestCorpusNeverCrashes runs every command that reads definitions on every
// file of ../shared/corpus, and explain on every operation's API: none may
// exit 3 (an internal error). Bad files may exit 2.
func TestCorpusNeverCrashes(t *testing.T) {
	files, _ := filepath.Glob("../../shared/corpus/*")
	if len(files) == 0 {
		t.Skip("corpus not available")
	}
	for _, f := range files {
		if filepath.Ext(f) == ".md" {
			continue
		}
		t.Run(filepath.Base(f), func(t *testing.T) {
			runs := [][]string{{"inspect", f}, {"lint", f}, {"inspect", "--format", "json", f}}
			for _, api := range importer.File(f, importer.Options{}).APIs {
				runs = append(runs, []string{"convert", f, "--api", api.Name, "--lossy"})
				if len(api.Operations) > 0 {
					op := api.Operations[0]
					runs = append(runs, []string{"explain", f, "--api", api.Name, "--path", op.Path, "--method", op.Method})
				}
			}
			for _, args := range runs {
				if code, _, stderr := run(t, "", args...); code == ExitInternal {
					t.Errorf("%v exits 3: %s", args, stderr)
				}
			}
		})
	}
}
