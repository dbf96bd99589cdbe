// Package report writes lint results in the formats CI systems read: text,
// json, sarif, junit, github, checkstyle and markdown. Each format is one
// file; they all render the same Result.
package report

import (
	"fmt"
	"io"
	"sort"

	"github.com/apigw-oas/apigw-oas/diag"
)

// Result is one lint run.
type Result struct {
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

// Writer writes a Result in one format.
type Writer func(w io.Writer, r Result, opts Options) error

// Formats are the output formats by name.
var Formats = map[string]Writer{}

// FormatNames lists the formats, sorted, for flags and messages.
func FormatNames() []string {
	names := make([]string, 0, len(Formats))
	for name := range Formats {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// Write writes r in the named format.
func Write(format string, w io.Writer, r Result, opts Options) error {
	write, ok := Formats[format]
	if !ok {
		return fmt.Errorf("unknown format %q", format)
	}
	return write(w, r, opts)
}

// Summary counts diagnostics by severity; suppressed ones apart.
type Summary struct {
	Files      int `json:"files"`
	Errors     int `json:"errors"`
	Warnings   int `json:"warnings"`
	Infos      int `json:"infos"`
	Suppressed int `json:"suppressed"`
}

// Summarize counts r's diagnostics.
func Summarize(r Result) Summary {
	s := Summary{Files: len(r.Files)}
	for _, d := range r.Diagnostics {
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
