package lint

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/glob"
	"github.com/apigw-oas/apigw-oas/source"
)

// ConfigFileName is the configuration file lint looks for; the
// alternative spelling ConfigFileNameYML is read too.
const (
	ConfigFileName    = ".apigw-oas.yaml"
	ConfigFileNameYML = ".apigw-oas.yml"
)

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

// configsIn lists the configuration files in dir, .yaml first.
func configsIn(dir string) []string {
	var found []string
	for _, name := range []string{ConfigFileName, ConfigFileNameYML} {
		path := filepath.Join(dir, name)
		// Whatever the name holds counts, a named pipe or a dangling link
		// too: reading it then fails with a config error (exit 2). Passing
		// over it would lint with the defaults, a false green when the
		// configuration was stricter.
		if _, err := os.Lstat(path); err == nil {
			found = append(found, path)
		}
	}
	return found
}

// isGitRoot says whether dir holds .git: a folder, or a worktree's or
// submodule's file. A configuration above it belongs to another project.
func isGitRoot(dir string) bool {
	_, err := os.Lstat(filepath.Join(dir, ".git"))
	return err == nil
}

// MaxConfigBytes is the size limit of a configuration, whatever
// --max-size says: a configuration is a few kilobytes (its ignore entries
// the most of it), is found by name in every folder above a linted file
// rather than chosen, and is held for the whole run. It is read as every
// file is (source.ReadFile), so the message over it is the same.
const MaxConfigBytes = 1 << 20

// LoadConfig reads a configuration file strictly: unknown keys, unknown
// rules and bad values are config diagnostics at their line:column. It
// accepts what docs/config.schema.json accepts, no more and no less
// (lint/schema_test.go holds the two together); checking in our own code
// rather than with a JSON Schema library spares every run that library's
// start-up.
func LoadConfig(path string, rules []*Rule) (*FileConfig, []diag.Diagnostic) {
	data, err := source.ReadFile(path, MaxConfigBytes)
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
		diag.Sort(d.diags) // rules and categories are decoded from maps
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
	if dir, err = filepath.Abs(dir); err != nil {
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

// Configs gives each linted file its configuration: the nearest
// .apigw-oas.yaml or .apigw-oas.yml in the file's folder or above,
// stopping at the git root. Configurations are not merged: the nearest one
// is the whole configuration of the files below it. Each folder is looked
// up once and each file read once. A Configs is safe for concurrent use.
type Configs struct {
	rules  []*Rule
	mu     sync.Mutex
	byDir  map[string]*loadedConfig // absolute folder → its configuration (nil: none)
	loaded []*loadedConfig          // in the order they were read
}

type loadedConfig struct {
	cfg      *FileConfig       // nil when there are problems
	problems []diag.Diagnostic // config diagnostics
}

// NewConfigs finds configurations for a run of rules.
func NewConfigs(rules []*Rule) *Configs {
	return &Configs{rules: rules, byDir: map[string]*loadedConfig{}}
}

// For is the configuration of file (a path, or a name without a folder
// for standard input, which gets the working folder's): nil when none
// applies or the one that applies is broken (see Problems).
func (c *Configs) For(file string) *FileConfig {
	dir, err := filepath.Abs(filepath.Dir(file))
	if err != nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if l := c.inDir(dir); l != nil {
		return l.cfg
	}
	return nil
}

// inDir finds and loads the configuration of dir, remembering the answer
// for every folder it looked in.
func (c *Configs) inDir(dir string) *loadedConfig {
	if l, ok := c.byDir[dir]; ok {
		return l
	}
	var l *loadedConfig
	if names := configsIn(dir); len(names) > 0 {
		l = c.load(names)
	} else if parent := filepath.Dir(dir); parent != dir && !isGitRoot(dir) {
		l = c.inDir(parent)
	}
	c.byDir[dir] = l
	return l
}

func (c *Configs) load(names []string) *loadedConfig {
	path := relativeToWorkDir(names[0])
	cfg, problems := LoadConfig(path, c.rules)
	for _, other := range names[1:] {
		problems = append(problems, diag.Diagnostic{Rule: diag.RuleConfig, Severity: diag.Error,
			Span:    source.Span{File: relativeToWorkDir(other)},
			Message: fmt.Sprintf("this folder has two configurations, %s and %s; keep one", filepath.Base(path), filepath.Base(other))})
	}
	if problems != nil {
		cfg = nil
	}
	l := &loadedConfig{cfg, problems}
	c.loaded = append(c.loaded, l)
	return l
}

// Problems are the config diagnostics of every configuration For has read,
// sorted.
func (c *Configs) Problems() []diag.Diagnostic {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []diag.Diagnostic
	for _, l := range c.loaded {
		out = append(out, l.problems...)
	}
	diag.Sort(out)
	return out
}

// Unused reports the ignore entries of every configuration read that
// matched nothing.
func (c *Configs) Unused() []diag.Diagnostic {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []diag.Diagnostic
	for _, l := range c.loaded {
		if l.cfg != nil {
			out = append(out, l.cfg.Unused()...)
		}
	}
	return out
}

// relativeToWorkDir names a file found by walking up as a user would type
// it from the working folder, when it is below it.
func relativeToWorkDir(path string) string {
	wd, err := os.Getwd()
	if err != nil {
		return path
	}
	rel, err := filepath.Rel(wd, path)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return path
	}
	return rel
}
