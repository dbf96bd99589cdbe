package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigw-oas/apigw-oas/internal/golden"
	"github.com/apigw-oas/apigw-oas/lint"
)

// TestFixGolden pins what --unsafe-fixes writes for each bad case of each
// rule with fixes, that rule alone: testdata/<rule-id>/fixed/<case> is the
// case after its fixes, so a reviewer reads every edit as a before/after
// pair. A case folder is linted as a folder walk lints it, every
// definition in it together, and fixed/<folder>/<file> is each file its
// fixes change — a definition, or a body or .tf file of a module it reads
// (in a folder of its own: Terraform reads every .tf file of a folder as
// one module). APIGW_OAS_UPDATE=1 rewrites them.
func TestFixGolden(t *testing.T) {
	for _, r := range All {
		if r.Autofix == "" {
			continue
		}
		t.Run(r.ID, func(t *testing.T) {
			pinned := map[string]bool{}
			cases, _ := filepath.Glob(filepath.Join("testdata", r.ID, "bad_*"))
			for _, path := range cases {
				if strings.HasSuffix(path, ".out") {
					continue
				}
				for rel, after := range fixCase(t, r, path) {
					want := filepath.Join("testdata", r.ID, "fixed", rel)
					if golden.Updating() {
						if err := os.MkdirAll(filepath.Dir(want), 0o755); err != nil {
							t.Fatal(err)
						}
					}
					golden.Compare(t, want, after)
					pinned[want] = true
				}
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

// fixCase applies the rule's fixes to a copy of a case (a file, or a
// folder) and returns the text of each file they change, by its path
// under the rule's fixed/.
func fixCase(t *testing.T, r *lint.Rule, path string) map[string][]byte {
	t.Helper()
	var inputs []lint.Input
	var opts lint.Options
	prefix := "" // of a changed file's path in the copy, under fixed/
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		var file string
		definitions := caseDefinitions(path)
		file, opts = copyCase(t, definitions[0])
		root, _ := filepath.EvalSymlinks(filepath.Dir(file))
		for _, d := range definitions { // as a walk of the case's folder
			inputs = append(inputs, lint.Input{Path: filepath.Join(root, filepath.Base(d)), Root: root})
		}
		prefix = filepath.Base(path)
	} else {
		var file string
		file, opts = copyCase(t, path) // the copy holds the rule's folder
		inputs = []lint.Input{{Path: file, Explicit: true}}
	}
	opts.Rules = []*lint.Rule{r}
	fixed, refused := lint.Fix(lint.Run(inputs, opts), opts, lint.FixOptions{Unsafe: true})
	if len(refused) > 0 {
		t.Errorf("%s: fixes refused: %v", path, refused)
	}
	out := map[string][]byte{}
	for _, f := range fixed {
		rel, err := filepath.Rel(filepath.Dir(inputs[0].Path), f.File)
		if err != nil || strings.HasPrefix(rel, "..") {
			t.Fatalf("%s: a fix edits %s, outside the case", path, f.File)
		}
		out[filepath.Join(prefix, rel)] = f.After
	}
	return out
}
