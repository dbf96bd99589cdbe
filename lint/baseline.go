package lint

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/source"
)

// Baseline records the findings a repository already had when it adopted
// apigw-oas, so that only new ones are shown. A finding is identified by
// its rule, file and JSON pointer (or message, when it has no pointer), not
// by its line, so edits elsewhere in the file do not resurrect it.
type Baseline struct {
	Version  int             `json:"version"`
	Findings []BaselineEntry `json:"findings"`
}

// BaselineEntry is one recorded finding.
type BaselineEntry struct {
	Rule    string `json:"rule"`
	File    string `json:"file"`
	Pointer string `json:"pointer,omitempty"`
	Message string `json:"message"`
}

func (e BaselineEntry) key() string {
	if e.Pointer != "" {
		return e.Rule + "\x00" + e.File + "\x00" + e.Pointer
	}
	return e.Rule + "\x00" + e.File + "\x00\x00" + e.Message
}

func entryOf(d diag.Diagnostic) BaselineEntry {
	return BaselineEntry{Rule: d.Rule, File: d.Span.File, Pointer: d.Pointer, Message: d.Message}
}

// baselined reports whether a finding can be recorded: problems reading
// input or configuration must be fixed, not baselined.
func baselined(d diag.Diagnostic) bool {
	return !d.Suppressed() && d.Rule != diag.RuleSyntax && d.Rule != diag.RuleConfig
}

// WriteBaseline writes today's findings.
func WriteBaseline(w io.Writer, ds []diag.Diagnostic) error {
	b := Baseline{Version: 1, Findings: []BaselineEntry{}}
	for _, d := range ds {
		if baselined(d) {
			b.Findings = append(b.Findings, entryOf(d))
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(b)
}

// ReadBaseline reads a baseline file, within the size limit every input
// has (a baseline pointed at /dev/zero must not grow until memory runs out).
func ReadBaseline(path string, maxBytes int64) (*Baseline, error) {
	if maxBytes <= 0 {
		maxBytes = source.DefaultMaxBytes
	}
	data, err := source.ReadFile(path, maxBytes)
	if se := (*source.Error)(nil); errors.As(err, &se) {
		return nil, errors.New(se.Message) // the caller names the file
	}
	if err != nil {
		return nil, err
	}
	var b Baseline
	if err := json.Unmarshal(data, &b); err != nil {
		return nil, fmt.Errorf("not a baseline written by --write-baseline: %v", err)
	}
	if b.Version != 1 {
		return nil, fmt.Errorf("baseline version %d is not supported (want 1)", b.Version)
	}
	return &b, nil
}

// Filter drops the findings the baseline records, each recorded finding
// hiding one current finding, and returns how many it hid.
func (b *Baseline) Filter(ds []diag.Diagnostic) ([]diag.Diagnostic, int) {
	remaining := map[string]int{}
	for _, e := range b.Findings {
		remaining[e.key()]++
	}
	var out []diag.Diagnostic
	hidden := 0
	for _, d := range ds {
		if k := entryOf(d).key(); baselined(d) && remaining[k] > 0 {
			remaining[k]--
			hidden++
			continue
		}
		out = append(out, d)
	}
	return out, hidden
}
