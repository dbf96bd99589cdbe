package rules

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/apigw-oas/apigw-oas/internal/golden"
	"github.com/apigw-oas/apigw-oas/lint"
)

// TestFixGolden pins what --unsafe-fixes writes for each bad case of each
// rule with fixes, that rule alone: testdata/<rule-id>/fixed/<case> is the
// case after its fixes (for a case folder, fixed/<folder>/<file>), so a
// reviewer reads every edit as a before/after pair. (A folder of their own:
// Terraform reads every .tf file of a folder as one module.)
// APIGW_OAS_UPDATE=1 rewrites them.
func TestFixGolden(t *testing.T) {
	for _, r := range All {
		if r.Autofix == "" {
			continue
		}
		t.Run(r.ID, func(t *testing.T) {
			pinned := map[string]bool{}
			for _, path := range badDefinitions(r.ID) {
				file, opts := copyCase(t, path)
				opts.Rules = []*lint.Rule{r}
				fixed := lint.Fix(lint.Run([]lint.Input{{Path: file, Explicit: true}}, opts), opts, lint.FixOptions{Unsafe: true})
				if len(fixed) == 0 {
					continue
				}
				rel, _ := filepath.Rel(filepath.Join("testdata", r.ID), path)
				want := filepath.Join("testdata", r.ID, "fixed", rel)
				if golden.Updating() {
					if err := os.MkdirAll(filepath.Dir(want), 0o755); err != nil {
						t.Fatal(err)
					}
				}
				golden.Compare(t, want, fixed[0].After)
				pinned[want] = true
			}
			if len(pinned) == 0 {
				t.Errorf("no bad case of the rule is fixed")
			}
			_ = filepath.WalkDir(filepath.Join("testdata", r.ID, "fixed"), func(f string, e os.DirEntry, err error) error {
				if err == nil && !e.IsDir() && !pinned[f] {
					t.Errorf("%s belongs to no fixed case", f)
				}
				return nil
			})
		})
	}
}
