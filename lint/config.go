package lint

import (
	"fmt"
	"os"
	"path/filepath"

	"strings"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/glob"
	"github.com/apigw-oas/apigw-oas/source"
)

// ConfigFileName is the configuration file lint looks for.
const ConfigFileName = ".apigw-oas.yaml"

// FileConfig is a parsed .apigw-oas.yaml:
//
//	fail-on: warning
//	rules:
//	  media-type-nonstandard: off
//	  browser-accept-unmatched: {severity: error, options: {browsers: [Chrome, Safari]}}
//	categories:
//	  integration: info
//	ignore:
//	  - {rule: proxy-content-handling, files: "legacy/**", reason: "exported by the console"}
type FileConfig struct {
	Path       string // the file, as found
	FailOn     string // "" when not set
	rules      map[string]ruleSetting
	categories map[Category]diag.Severity
	Ignores    []*Ignore
	known      []*Rule
}

type ruleSetting struct {
	severity *diag.Severity
	options  map[string]any
}

// Ignore is one entry of the configuration's ignore list.
type Ignore struct {
	Rule    string
	Files   string // a glob relative to the configuration's folder; ** crosses folders
	Pointer string // optional: only findings at or below this JSON pointer
	Reason  string
	Span    source.Span
	used    bool
}

// FindConfig walks up from dir to the first folder holding
// .apigw-oas.yaml; "" when there is none.
func FindConfig(dir string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		path := filepath.Join(dir, ConfigFileName)
		if info, err := os.Stat(path); err == nil && info.Mode().IsRegular() {
			return path
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// LoadConfig reads a configuration file strictly: unknown keys, unknown
// rules and bad values are config diagnostics at their line:column.
func LoadConfig(path string, rules []*Rule) (*FileConfig, []diag.Diagnostic) {
	data, err := source.ReadFile(path, 1<<20)
	if err != nil {
		return nil, asConfig(diag.FromSource(err))
	}
	doc, err := source.Parse(path, data)
	if err != nil {
		return nil, asConfig(diag.FromSource(err))
	}
	d := &configDecoder{doc: doc, cfg: &FileConfig{Path: path, rules: map[string]ruleSetting{}, categories: map[Category]diag.Severity{}, known: rules}}
	d.decode()
	if len(d.diags) > 0 {
		return nil, d.diags
	}
	return d.cfg, nil
}

func asConfig(ds []diag.Diagnostic) []diag.Diagnostic {
	for i := range ds {
		ds[i].Rule = diag.RuleConfig
	}
	return ds
}

// Severity is the rule's configured severity: its own setting, else its
// category's, else its default.
func (c *FileConfig) Severity(r *Rule) diag.Severity {
	if s, ok := c.rules[r.ID]; ok && s.severity != nil {
		return *s.severity
	}
	if s, ok := c.categories[r.Category]; ok {
		return s
	}
	return r.Severity
}

// Options are the rule's configured options.
func (c *FileConfig) Options(r *Rule) map[string]any { return c.rules[r.ID].options }

// Suppress marks the findings an ignore entry covers. file is the path the
// findings name; it is matched relative to the configuration's folder.
func (c *FileConfig) Suppress(file string, ds []diag.Diagnostic) {
	rel := relativeTo(filepath.Dir(c.Path), file)
	for _, ig := range c.Ignores {
		for i := range ds {
			d := &ds[i]
			if d.Suppressed() || d.Rule != ig.Rule || !glob.Match(ig.Files, rel) || !underPointer(d.Pointer, ig.Pointer) {
				continue
			}
			d.Suppression = &diag.Suppression{Kind: diag.SuppressedByConfig, Reason: ig.Reason}
			ig.used = true
		}
	}
}

// Unused reports ignore entries that matched nothing in the whole run.
func (c *FileConfig) Unused() []diag.Diagnostic {
	var out []diag.Diagnostic
	for _, ig := range c.Ignores {
		if !ig.used {
			out = append(out, diag.Diagnostic{Rule: diag.RuleConfig, Severity: diag.Warning, Span: ig.Span,
				Message: fmt.Sprintf("ignore entry for %s on %q matched no finding; remove it", ig.Rule, ig.Files)})
		}
	}
	return out
}

func relativeTo(dir, file string) string {
	abs, err := filepath.Abs(file)
	if err != nil {
		return filepath.ToSlash(file)
	}
	rel, err := filepath.Rel(dir, abs)
	if err != nil {
		return filepath.ToSlash(file)
	}
	return filepath.ToSlash(rel)
}

func underPointer(p, prefix string) bool {
	return prefix == "" || p == prefix || strings.HasPrefix(p, prefix+"/")
}
