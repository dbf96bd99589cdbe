// Package report writes lint findings in the formats CI systems read:
// text, json, sarif, junit, github, checkstyle, markdown and codeclimate
// (GitLab Code Quality). Each format is one file; they all render the same
// Findings.
package report

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/apigw-oas/apigw-oas/diag"
)

// Findings are what one lint run found, with what the formats need to
// present them: the tool, the files linted and the rules' descriptions.
type Findings struct {
	Tool    string // "apigw-oas"
	Version string // the tool's version
	// Files are all files linted, in order, clean ones included (JUnit
	// reports a passing test case for each clean file).
	Files []string
	// Diagnostics are sorted with diag.Sort; suppressed ones included.
	Diagnostics []diag.Diagnostic
	// Rules describe every rule that can appear in Diagnostics (SARIF
	// lists them with their help); nil when unknown. It is called only by
	// the formats that list rules, so other runs read no rule's help.
	Rules func() []Rule
	// Source returns the text of a file, for snippets; nil when unknown.
	Source func(file string) []byte
	// Root is the absolute folder the formats that name files for a
	// repository (SARIF, GitLab Code Quality, JUnit's file attribute) make
	// paths relative to: the git root, else the working folder. When empty,
	// files are named as the diagnostics name them.
	Root string
	// WorkDir is the absolute folder relative file names start from; empty
	// means the process's working folder.
	WorkDir string
}

// inputRules describe the diagnostics no lint rule reports: input that
// could not be read, and problems in the configuration or ignores. Formats
// that list rules add them when Rules leaves them out.
var inputRules = []Rule{
	{ID: diag.RuleSyntax, Severity: diag.Error, Summary: "a file could not be read as an API definition",
		Help: "The file could not be read, parsed or imported: it is missing, too large, not UTF-8, not valid JSON or YAML, " +
			"or holds no API definition apigw-oas recognises. Nothing else in it is checked until it reads.\n\n" +
			"How to fix: correct the file at the position given, or stop naming it."},
	{ID: diag.RuleConfig, Severity: diag.Error, Summary: "a problem in the configuration, an ignore comment or an ignore entry",
		Help: "The configuration file has an unknown key, rule or value (an error), or an ignore comment or entry names no rule, " +
			"gives no reason or matches no finding (a warning).\n\n" +
			"How to fix: correct the configuration at the position given, or remove the ignore that matches nothing."},
}

// rulesOf are f's rules with the input rules they leave out.
func rulesOf(f Findings) []Rule {
	var rules []Rule
	if f.Rules != nil {
		rules = slices.Clone(f.Rules()) // appended to below
	}
	for _, r := range inputRules {
		if !slices.ContainsFunc(rules, func(have Rule) bool { return have.ID == r.ID }) {
			rules = append(rules, r)
		}
	}
	return rules
}

// Rule is what an output format says about a rule.
type Rule struct {
	ID       string
	Category string
	Severity diag.Severity // the default severity
	Summary  string        // one line
	Help     string        // Markdown: what it checks, why, a bad and a good example, how to fix
	HelpURI  string        // where Help is published
}

// Options tune the text format.
type Options struct {
	// Snippets adds the source line and a caret under each finding (for
	// terminals).
	Snippets bool
	// Color adds ANSI colors (for terminals).
	Color bool
}

// Format names an output format.
type Format string

// The output formats.
const (
	Text       Format = "text"
	JSON       Format = "json"
	SARIF      Format = "sarif"
	JUnit      Format = "junit"
	GitHub     Format = "github"
	Checkstyle Format = "checkstyle"
	Markdown   Format = "markdown"
	// CodeClimate is GitLab's Code Quality report, a subset of the Code
	// Climate format.
	CodeClimate Format = "codeclimate"
)

// aliases are other names of formats, for users who know the format by the
// system that reads it.
var aliases = map[string]Format{"gitlab": CodeClimate}

// writer writes Findings in one format.
type writer func(w io.Writer, f Findings, opts Options) error

// writers are every format's writer, in one table so that a format cannot
// be declared and forgotten.
var writers = map[Format]writer{
	Text:        writeText,
	JSON:        writeJSONReport,
	SARIF:       writeSARIF,
	JUnit:       writeJUnit,
	GitHub:      writeGitHub,
	Checkstyle:  writeCheckstyle,
	Markdown:    writeMarkdown,
	CodeClimate: writeCodeClimate,
}

// Formats lists the formats, sorted, for flags and messages.
func Formats() []Format {
	return slices.Sorted(maps.Keys(writers))
}

// Names are the names ParseFormat reads: every format's and the aliases,
// sorted.
func Names() []string {
	names := slices.Collect(maps.Keys(aliases))
	for _, f := range Formats() {
		names = append(names, string(f))
	}
	slices.Sort(names)
	return names
}

// ParseFormat reads a format's name or alias.
func ParseFormat(name string) (Format, error) {
	if f, ok := aliases[name]; ok {
		return f, nil
	}
	if _, ok := writers[Format(name)]; !ok {
		return "", fmt.Errorf("unknown format %q (want %s)", name, strings.Join(Names(), ", "))
	}
	return Format(name), nil
}

// Write writes f in the given format.
func Write(format Format, w io.Writer, f Findings, opts Options) error {
	write, ok := writers[format]
	if !ok {
		return fmt.Errorf("unknown format %q", format)
	}
	return write(w, f, opts)
}

// Summary counts diagnostics by severity; suppressed ones apart.
type Summary struct {
	Files      int `json:"files"`
	Errors     int `json:"errors"`
	Warnings   int `json:"warnings"`
	Infos      int `json:"infos"`
	Suppressed int `json:"suppressed"`
}

// Summarize counts f's diagnostics.
func Summarize(f Findings) Summary {
	s := Summary{Files: len(f.Files)}
	for _, d := range f.Diagnostics {
		switch {
		case d.Suppressed():
			s.Suppressed++
		case d.Severity == diag.Error:
			s.Errors++
		case d.Severity == diag.Warning:
			s.Warnings++
		case d.Severity == diag.Info:
			s.Infos++
		}
	}
	return s
}
