package rules

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/importer"
	"github.com/apigw-oas/apigw-oas/internal/golden"
	"github.com/apigw-oas/apigw-oas/lint"
	"github.com/apigw-oas/apigw-oas/model"
)

var kebab = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// TestRegistry: IDs are unique, sorted and kebab-case; every rule is
// documented and has test cases.
func TestRegistry(t *testing.T) {
	ids := make([]string, len(All))
	for i, r := range All {
		ids[i] = r.ID
		if !kebab.MatchString(r.ID) || r.Category == "" || r.Summary == "" || r.Fix == "" || (r.Check == nil) == (r.CheckFile == nil) {
			t.Errorf("%s: ID, category, summary, fix and one check (Check or CheckFile) are all required", r.ID)
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

// onlyRule is a configuration that runs one rule, at its default severity
// and with no options.
type onlyRule string

func (o onlyRule) Severity(r *lint.Rule) diag.Severity {
	if r.ID == string(o) {
		return r.Severity
	}
	return diag.Off
}

func (onlyRule) Options(*lint.Rule) map[string]any { return nil }

// caseConfig runs one rule with the severity and options a case folder's
// .apigw-oas.yaml gives it.
type caseConfig struct {
	id   string
	file *lint.FileConfig
}

func (c caseConfig) Severity(r *lint.Rule) diag.Severity {
	if r.ID != c.id {
		return diag.Off
	}
	return c.file.Severity(r)
}

func (c caseConfig) Options(r *lint.Rule) map[string]any { return c.file.Options(r) }

func loadCaseConfig(t *testing.T, r *lint.Rule, path string) caseConfig {
	t.Helper()
	file, ds := lint.LoadConfig(path, All)
	if len(ds) > 0 {
		t.Fatalf("%s: %v", path, ds)
	}
	return caseConfig{r.ID, file}
}

// TestRules lints each case in testdata/<rule-id> with that rule alone. A
// case is a definition (bad_*.yaml, good_*.json, bad_*.tf, …) or a folder
// (bad_*/, good_*/) holding definitions and, optionally, the
// .apigw-oas.yaml that configures the rule for them. A bad case's findings
// must equal <case>.out (APIGW_OAS_UPDATE=1 rewrites it); a good case must
// yield nothing. Every rule has a bad case in a container (CloudFormation,
// SAM, Serverless or Terraform), so its positions there are pinned too.
func TestRules(t *testing.T) {
	for _, r := range All {
		t.Run(r.ID, func(t *testing.T) {
			t.Chdir(filepath.Join("testdata", r.ID))
			entries, _ := os.ReadDir(".")
			cases := map[string]bool{}
			inContainer := false
			for _, e := range entries {
				name := e.Name()
				if strings.HasSuffix(name, ".out") || !strings.HasPrefix(name, "bad_") && !strings.HasPrefix(name, "good_") {
					continue
				}
				c := strings.TrimSuffix(name, filepath.Ext(name))
				cases[c] = true
				got, container := lintCase(t, r, name, e.IsDir())
				if strings.HasPrefix(name, "good_") {
					if got != "" {
						t.Errorf("%s: want no findings, got\n%s", name, got)
					}
					continue
				}
				compareOut(t, c+".out", got)
				inContainer = inContainer || container
			}
			if !inContainer {
				t.Errorf("testdata/%s needs a bad case in a CloudFormation, SAM, Serverless or Terraform file", r.ID)
			}
			outs, _ := filepath.Glob("*.out")
			for _, out := range outs {
				if !cases[strings.TrimSuffix(out, ".out")] {
					t.Errorf("%s belongs to no case", out)
				}
			}
		})
	}
}

// lintCase lints a case file, or every definition in a case folder, and
// renders the findings; container says whether an API was declared in a
// container.
func lintCase(t *testing.T, r *lint.Rule, name string, folder bool) (findings string, container bool) {
	var cfg lint.Config = onlyRule(r.ID)
	files := []string{name}
	if folder {
		files = nil
		if config := filepath.Join(name, lint.ConfigFileName); fileExists(config) {
			cfg = loadCaseConfig(t, r, config)
		}
		files = caseDefinitions(name)
	}
	var b strings.Builder
	for _, f := range files {
		res := importer.File(f, importer.Options{})
		if len(res.Diagnostics) > 0 {
			t.Errorf("%s does not import cleanly: %v", f, res.Diagnostics)
			continue
		}
		for _, api := range res.APIs {
			container = container || api.Container != "" && api.Container != model.ContainerAPIGateway
		}
		b.WriteString(render(lint.File(res, All, cfg)))
	}
	return b.String(), container
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
