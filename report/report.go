// Package report writes lint findings in the formats CI systems read:
// text, json, sarif, junit, github, checkstyle and markdown. Each format is
// one file; they all render the same Findings.
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
	// lists them with their help).
	Rules []Rule
	// Source returns the text of a file, for snippets; nil when unknown.
	Source func(file string) []byte
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
)

// writer writes Findings in one format.
type writer func(w io.Writer, f Findings, opts Options) error

// writers are every format's writer, in one table so that a format cannot
// be declared and forgotten.
var writers = map[Format]writer{
	Text:       writeText,
	JSON:       writeJSONReport,
	SARIF:      writeSARIF,
	JUnit:      writeJUnit,
	GitHub:     writeGitHub,
	Checkstyle: writeCheckstyle,
	Markdown:   writeMarkdown,
}

// Formats lists the formats, sorted, for flags and messages.
func Formats() []Format {
	return slices.Sorted(maps.Keys(writers))
}

// ParseFormat reads a format's name.
func ParseFormat(name string) (Format, error) {
	if _, ok := writers[Format(name)]; !ok {
		return "", fmt.Errorf("unknown format %q (want %s)", name, formatList())
	}
	return Format(name), nil
}

func formatList() string {
	names := make([]string, 0, len(writers))
	for _, f := range Formats() {
		names = append(names, string(f))
	}
	return strings.Join(names, ", ")
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
