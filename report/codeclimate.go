package report

import (
	"io"

	"github.com/apigw-oas/apigw-oas/diag"
)

// codeClimateIssue is one issue of a GitLab Code Quality report, a subset
// of the Code Climate engine format: GitLab reads description, check_name,
// fingerprint, severity and location; type and categories complete the
// Code Climate issue.
type codeClimateIssue struct {
	Type        string              `json:"type"`
	CheckName   string              `json:"check_name"`
	Description string              `json:"description"`
	Categories  []string            `json:"categories"`
	Severity    string              `json:"severity"`
	Fingerprint string              `json:"fingerprint"`
	Location    codeClimateLocation `json:"location"`
}

type codeClimateLocation struct {
	Path  string           `json:"path"`
	Lines codeClimateLines `json:"lines"`
}

type codeClimateLines struct {
	Begin int `json:"begin"`
	End   int `json:"end,omitempty"`
}

var codeClimateSeverities = map[diag.Severity]string{
	diag.Error: "major", diag.Warning: "minor", diag.Info: "info",
}

// writeCodeClimate writes the unsuppressed findings as a GitLab Code
// Quality report, which merge requests show as new and fixed issues by
// fingerprint. Paths are relative to the repository root, as GitLab links
// them.
func writeCodeClimate(w io.Writer, f Findings, _ Options) error {
	prints := fingerprints(f)
	issues := make([]codeClimateIssue, 0, len(f.Diagnostics)) // [] when clean: GitLab wants an array
	for i, d := range f.Diagnostics {
		if d.Suppressed() {
			continue
		}
		path, _ := f.repoPath(d.Span.File)
		issues = append(issues, codeClimateIssue{
			Type: "issue", CheckName: d.Rule, Description: oneLine(d.Message),
			Categories: []string{"Bug Risk"}, // a finding is a payload API Gateway will mangle or refuse
			Severity:   codeClimateSeverities[d.Severity], Fingerprint: prints[i],
			Location: codeClimateLocation{Path: path, Lines: codeClimateLinesOf(d)},
		})
	}
	return writeJSON(w, issues)
}

// codeClimateLinesOf: line 1 for a finding about a whole file, since GitLab
// needs a line to show an issue at.
func codeClimateLinesOf(d diag.Diagnostic) codeClimateLines {
	lines := codeClimateLines{Begin: max(int(d.Span.Start.Line), 1)}
	if int(d.Span.End.Line) > lines.Begin {
		lines.End = int(d.Span.End.Line)
	}
	return lines
}
