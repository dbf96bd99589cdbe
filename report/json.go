package report

import (
	"io"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/source"
)

// jsonVersion is the version of the envelope below; it changes only when a
// key is removed or changes meaning, so scripts can check it.
const jsonVersion = 1

// The structs fix the keys and their order; source.Span is not reused
// because its byte offsets are not part of the envelope.
type jsonEnvelope struct {
	Version     int              `json:"version"`
	Diagnostics []jsonDiagnostic `json:"diagnostics"`
	Summary     Summary          `json:"summary"`
}

type jsonDiagnostic struct {
	Rule        string            `json:"rule"`
	Severity    diag.Severity     `json:"severity"`
	Message     string            `json:"message"`
	File        string            `json:"file"`
	Start       jsonPos           `json:"start"`
	End         jsonPos           `json:"end"`
	Pointer     string            `json:"pointer,omitempty"`
	Operation   string            `json:"operation,omitempty"`
	Related     []jsonRelated     `json:"related,omitempty"`
	Fix         *jsonFix          `json:"fix,omitempty"`
	Suppression *diag.Suppression `json:"suppression,omitempty"`
}

// jsonFix is what lint --fix would write for a finding (docs/fix.md): the
// bytes of the file to replace, and whether it is safe.
type jsonFix struct {
	Safety    diag.Safety `json:"safety"`
	Changes   []string    `json:"changes,omitempty"`
	Unchecked string      `json:"unchecked,omitempty"`
	Edits     []jsonEdit  `json:"edits"`
}

// jsonEdit replaces the bytes of File from Start to End (0-based offsets
// into the file as stored, End exclusive) by Text; Start == End inserts.
// File may be another than the finding's linted file: a body a template
// refers to, a .tf file of its module.
type jsonEdit struct {
	File  string `json:"file"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// jsonPos is 1-based; 0 means unknown, as in source.Pos.
type jsonPos struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

type jsonRelated struct {
	Message string  `json:"message"`
	File    string  `json:"file"`
	Start   jsonPos `json:"start"`
	End     jsonPos `json:"end"`
}

// writeJSONReport writes every diagnostic, suppressed ones included with
// their suppression, in a versioned envelope.
func writeJSONReport(w io.Writer, f Findings, _ Options) error {
	out := jsonEnvelope{
		Version:     jsonVersion,
		Diagnostics: make([]jsonDiagnostic, 0, len(f.Diagnostics)), // [] rather than null
		Summary:     Summarize(f),
	}
	for _, d := range f.Diagnostics {
		out.Diagnostics = append(out.Diagnostics, toJSONDiagnostic(d))
	}
	return writeJSON(w, out)
}

func toJSONDiagnostic(d diag.Diagnostic) jsonDiagnostic {
	jd := jsonDiagnostic{
		Rule: d.Rule, Severity: d.Severity, Message: d.Message,
		File: d.Span.File, Start: toJSONPos(d.Span.Start), End: toJSONPos(d.Span.End),
		Pointer: d.Pointer, Operation: d.Operation, Suppression: d.Suppression,
	}
	for _, rel := range d.Related {
		jd.Related = append(jd.Related, jsonRelated{
			Message: rel.Message, File: rel.Span.File,
			Start: toJSONPos(rel.Span.Start), End: toJSONPos(rel.Span.End),
		})
	}
	if fix := writtenFix(d); fix != nil {
		jd.Fix = &jsonFix{Safety: fix.Safety, Changes: fix.Changes, Unchecked: fix.Unchecked}
		for _, r := range fix.Replacements {
			jd.Fix.Edits = append(jd.Fix.Edits, jsonEdit{File: fixFile(d), Start: r.Start, End: r.End, Text: r.Text})
		}
	}
	return jd
}

// writtenFix is a finding's fix when lint --fix could write it: one with
// byte replacements, on a finding no ignore covers.
func writtenFix(d diag.Diagnostic) *diag.Fix {
	if d.Fix == nil || len(d.Fix.Replacements) == 0 || d.Suppressed() {
		return nil
	}
	return d.Fix
}

// fixFile is the file a finding's fix edits: the finding's own, unless
// lint.Run says otherwise.
func fixFile(d diag.Diagnostic) string {
	if d.Fix.File != "" {
		return d.Fix.File
	}
	return d.Span.File
}

func toJSONPos(p source.Pos) jsonPos { return jsonPos{Line: int(p.Line), Column: int(p.Col)} }
