// Package diag holds what every stage reports to the user: a Diagnostic
// with a rule, a severity, a message and the span it concerns.
package diag

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/apigw-oas/apigw-oas/source"
)

// Severity orders diagnostics by how much they matter.
type Severity uint8

const (
	Off Severity = iota
	Info
	Warning
	Error
)

var severityNames = [...]string{"off", "info", "warning", "error"}

func (s Severity) String() string { return severityNames[s] }

func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// RuleSyntax is the rule of diagnostics about input that could not be read
// or parsed.
const RuleSyntax = "syntax"

// Diagnostic is one finding.
type Diagnostic struct {
	Rule     string      `json:"rule"`
	Severity Severity    `json:"severity"`
	Message  string      `json:"message"`
	Span     source.Span `json:"span"`
	Pointer  string      `json:"pointer,omitempty"`
	// Operation names the operation concerned ("GET /pets"), if any.
	Operation  string    `json:"operation,omitempty"`
	Related    []Related `json:"related,omitempty"`
	Suppressed bool      `json:"suppressed,omitempty"`
}

// Related is another place that explains a diagnostic.
type Related struct {
	Message string      `json:"message"`
	Span    source.Span `json:"span"`
}

// String renders "file:line:col: severity: message [rule]".
func (d Diagnostic) String() string {
	return fmt.Sprintf("%s: %s: %s [%s]", d.Span, d.Severity, d.Message, d.Rule)
}

// FromSource turns parse errors into syntax diagnostics.
func FromSource(err error) []Diagnostic {
	var out []Diagnostic
	add := func(e *source.Error) {
		out = append(out, Diagnostic{Rule: RuleSyntax, Severity: Error, Message: e.Message, Span: e.Span})
	}
	switch e := err.(type) {
	case source.Errors:
		for _, one := range e {
			add(one)
		}
	case *source.Error:
		add(e)
	case nil:
	default:
		out = append(out, Diagnostic{Rule: RuleSyntax, Severity: Error, Message: err.Error()})
	}
	return out
}

// Sort orders diagnostics by file, line, column and rule, the order every
// output format uses, so output does not depend on scheduling.
func Sort(ds []Diagnostic) {
	slices.SortStableFunc(ds, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.Span.File, b.Span.File),
			cmp.Compare(a.Span.Start.Line, b.Span.Start.Line),
			cmp.Compare(a.Span.Start.Col, b.Span.Start.Col),
			cmp.Compare(a.Rule, b.Rule),
			cmp.Compare(a.Message, b.Message),
		)
	})
}
