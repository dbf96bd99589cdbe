package rules

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigw-oas/apigw-oas/importer"
	"github.com/apigw-oas/apigw-oas/lint"
)

// example is a fenced block in a rule's help whose info string names its
// syntax and its mark:
//
//	```yaml bad
//	openapi: 3.0.3
//	…
//	```
//
// The syntax is yaml, json or hcl (Terraform). A bad example must yield
// the rule's finding; a good one must yield no finding of any rule, so it
// can be copied as it is. A config block (```yaml config) is an
// .apigw-oas.yaml that applies to the examples after it.
type example struct {
	syntax, mark, text string
	config             string // the config block before it, if any
	line               int    // of the opening fence in the help
}

// exampleFiles names the file an example is imported as, by its syntax;
// the importer tells Terraform from YAML by the name.
var exampleFiles = map[string]string{"yaml": "example.yaml", "json": "example.json", "hcl": "example.tf"}

// examples returns the blocks of a help text written in a syntax the
// importer reads, marked or not (TestHelp reports unmarked ones).
func examples(help string) []example {
	var out []example
	var open *example
	var text strings.Builder
	config := ""
	for i, line := range strings.SplitAfter(help, "\n") {
		fence, isFence := strings.CutPrefix(strings.TrimSpace(line), "```")
		switch {
		case !isFence:
			if open != nil {
				text.WriteString(line)
			}
		case open == nil:
			info := append(strings.Fields(fence), "", "")
			open = &example{syntax: info[0], mark: info[1], config: config, line: i + 1}
			text.Reset()
		default:
			open.text = text.String()
			if open.mark == "config" {
				config = open.text
			} else if exampleFiles[open.syntax] != "" {
				out = append(out, *open)
			}
			open = nil
		}
	}
	return out
}

// TestHelp: every rule has help in docs/<id>.md, every file there is a
// rule's, and the help's examples are right: each imports cleanly, each
// bad one yields the rule's finding, each good one no finding at all.
func TestHelp(t *testing.T) {
	files, _ := fs.Glob(docs, "docs/*")
	for _, f := range files {
		if id, ok := strings.CutSuffix(path.Base(f), ".md"); !ok || ByID(id) == nil {
			t.Errorf("%s is no rule's help", f)
		}
	}
	for _, r := range All {
		t.Run(r.ID, func(t *testing.T) {
			if r.Help() == "" {
				t.Fatalf("docs/%s.md is missing or empty", r.ID)
			}
			marks := map[string]int{}
			for _, ex := range examples(r.Help()) {
				marks[ex.mark]++
				checkExample(t, r, ex)
			}
			if marks["bad"] == 0 || marks["good"] == 0 {
				t.Errorf("docs/%s.md needs a bad and a good example", r.ID)
			}
		})
	}
}

func checkExample(t *testing.T, r *lint.Rule, ex example) {
	t.Helper()
	at := fmt.Sprintf("docs/%s.md:%d", r.ID, ex.line)
	if ex.mark != "bad" && ex.mark != "good" {
		t.Errorf("%s: mark the example bad or good (```%s bad)", at, ex.syntax)
		return
	}
	dir := t.TempDir()
	file := filepath.Join(dir, exampleFiles[ex.syntax])
	writeFile(t, file, ex.text)
	var rule lint.Config = onlyRule(r.ID)
	var every lint.Config = lint.Defaults{}
	if ex.config != "" {
		writeFile(t, filepath.Join(dir, lint.ConfigFileName), ex.config)
		c := loadCaseConfig(t, r, filepath.Join(dir, lint.ConfigFileName))
		rule, every = c, c.file
	}
	res := importer.File(file, importer.Options{})
	if len(res.Diagnostics) > 0 {
		t.Errorf("%s: the example does not import cleanly: %v", at, res.Diagnostics)
		return
	}
	if ex.mark == "bad" && len(lint.File(res, All, rule)) == 0 {
		t.Errorf("%s: the bad example yields no finding", at)
	}
	if ex.mark == "good" {
		if ds := lint.File(res, All, every); len(ds) > 0 {
			t.Errorf("%s: the good example yields findings:\n%s", at, render(ds))
		}
	}
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
