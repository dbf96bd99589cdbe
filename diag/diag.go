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
// Off is a rule that is disabled; no diagnostic carries it.
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
// or parsed; RuleConfig of those about the configuration and ignores.
const (
	RuleSyntax = "syntax"
	RuleConfig = "config"
)

// Diagnostic is one finding.
type Diagnostic struct {
	Rule     string      `json:"rule"`
	Severity Severity    `json:"severity"`
	Message  string      `json:"message"`
	Span     source.Span `json:"span"`
	Pointer  string      `json:"pointer,omitempty"`
	// Operation names the operation concerned ("GET /pets"), if any.
	Operation string    `json:"operation,omitempty"`
	Related   []Related `json:"related,omitempty"`
	// Fix is the change the message suggests, when it is mechanical.
	Fix *Fix `json:"fix,omitempty"`
	// Suppression is set when an ignore comment or a config ignore entry
	// covers the finding: it is kept, counted and shown as suppressed.
	Suppression *Suppression `json:"suppression,omitempty"`
}

// Suppression says what silenced a finding.
type Suppression struct {
	Kind   string `json:"kind"` // SuppressedInline or SuppressedByConfig
	Reason string `json:"reason"`
}

// The kinds of suppression.
const (
	SuppressedInline   = "inline" // an "# apigw-oas:ignore RULE reason" comment in the file
	SuppressedByConfig = "config" // an ignore entry of the configuration
)

// Suppressed reports whether an ignore covers the finding.
func (d Diagnostic) Suppressed() bool { return d.Suppression != nil }

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

// ParseSeverity reads "error", "warning", "info" or "off".
func ParseSeverity(s string) (Severity, error) {
	for i, name := range severityNames {
		if s == name {
			return Severity(i), nil
		}
	}
	return Off, fmt.Errorf("unknown severity %q (want error, warning, info or off)", s)
}
