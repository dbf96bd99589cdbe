package rules

import (
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/importer"
	"github.com/apigw-oas/apigw-oas/internal/golden"
	"github.com/apigw-oas/apigw-oas/lint"
)

var kebab = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// TestRegistry: IDs are unique, sorted and kebab-case; every rule is
// documented and has test cases.
func TestRegistry(t *testing.T) {
	ids := make([]string, len(All))
	for i, r := range All {
		ids[i] = r.ID
		if !kebab.MatchString(r.ID) || r.Category == "" || r.Summary == "" || r.Fix == "" || r.Check == nil {
			t.Errorf("%s: ID, category, summary, fix and check are all required", r.ID)
		}
		if !strings.Contains(r.Help, "```") || !(strings.Contains(r.Help, "Bad") && strings.Contains(r.Help, "Good") || strings.Contains(r.Help, "Example")) {
			t.Errorf("%s: the doc needs a bad and a good example", r.ID)
		}
		if r.Severity == diag.Off {
			t.Errorf("%s: a rule is on by default", r.ID)
		}
		bad, _ := filepath.Glob(filepath.Join("testdata", r.ID, "bad_*"))
		good, _ := filepath.Glob(filepath.Join("testdata", r.ID, "good_*"))
		if len(bad) < 2 || len(good) < 1 { // a bad case is a definition and its .out
			t.Errorf("%s: testdata/%s needs a bad case with its .out and a good case", r.ID, r.ID)
		}
	}
	if !sort.StringsAreSorted(ids) {
		t.Errorf("All is not sorted: %v", ids)
	}
	for i := 1; i < len(ids); i++ {
		if ids[i] == ids[i-1] {
			t.Errorf("duplicate rule ID %s", ids[i])
		}
	}
	for _, reserved := range []string{diag.RuleSyntax, "config"} {
		if ByID(reserved) != nil {
			t.Errorf("%s is reserved", reserved)
		}
	}
}

// only runs one rule.
type only struct{ id string }

func (o only) Severity(r *lint.Rule) diag.Severity {
	if r.ID == o.id {
		return r.Severity
	}
	return diag.Off
}
func (only) Options(*lint.Rule) map[string]any { return nil }

// TestRules lints testdata/<rule-id>/bad_*.{yaml,json} with that rule alone
// and compares the findings with bad_*.out (APIGW_OAS_UPDATE=1 rewrites
// them); good_* files must yield nothing.
func TestRules(t *testing.T) {
	for _, r := range All {
		t.Run(r.ID, func(t *testing.T) {
			t.Chdir(filepath.Join("testdata", r.ID))
			files, _ := filepath.Glob("*_*.*")
			for _, f := range files {
				if strings.HasSuffix(f, ".out") {
					continue
				}
				res := importer.File(f, importer.Options{})
				if len(res.Diagnostics) > 0 {
					t.Errorf("%s does not import cleanly: %v", f, res.Diagnostics)
					continue
				}
				got := render(lint.File(res, All, only{r.ID}))
				if strings.HasPrefix(f, "good_") {
					if got != "" {
						t.Errorf("%s: want no findings, got\n%s", f, got)
					}
					continue
				}
				compareOut(t, strings.TrimSuffix(f, filepath.Ext(f))+".out", got)
			}
		})
	}
}

func render(ds []diag.Diagnostic) string {
	var b strings.Builder
	for _, d := range ds {
		b.WriteString(d.String() + "\n")
	}
	return b.String()
}

func compareOut(t *testing.T, path, got string) {
	t.Helper()
	if got == "" {
		t.Errorf("%s: the bad case yields no finding", path)
	}
	golden.Compare(t, path, []byte(got))
}
