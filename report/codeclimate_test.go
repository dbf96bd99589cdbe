package report

import (
	"encoding/json"
	"testing"

	"github.com/apigw-oas/apigw-oas/diag"
)

// The fields GitLab reads, decoded as GitLab's Code Quality widget does.
type gitlabIssue struct {
	Description string `json:"description"`
	CheckName   string `json:"check_name"`
	Fingerprint string `json:"fingerprint"`
	Severity    string `json:"severity"`
	Location    struct {
		Path  string `json:"path"`
		Lines struct {
			Begin int `json:"begin"`
		} `json:"lines"`
	} `json:"location"`
}

// Every unsuppressed finding is an issue with GitLab's severity, a path
// relative to the repository, a line (1 for a whole file) and the
// fingerprint SARIF gives it too.
func TestCodeClimateForGitLab(t *testing.T) {
	f := sampleFindings(t)
	var issues []gitlabIssue
	if err := json.Unmarshal(render(t, CodeClimate, f, Options{}), &issues); err != nil {
		t.Fatal(err)
	}
	prints := fingerprints(f)
	severities := map[diag.Severity]string{diag.Error: "major", diag.Warning: "minor", diag.Info: "info"}
	i := 0
	for n, d := range f.Diagnostics {
		if d.Suppressed() {
			continue
		}
		if i >= len(issues) {
			t.Fatalf("%d issues, want one per unsuppressed finding", len(issues))
		}
		got := issues[i]
		i++
		wantPath, _ := f.repoPath(d.Span.File)
		if got.CheckName != d.Rule || got.Description != oneLine(d.Message) || got.Severity != severities[d.Severity] ||
			got.Fingerprint != prints[n] || got.Location.Path != wantPath || got.Location.Lines.Begin != max(int(d.Span.Start.Line), 1) {
			t.Errorf("issue %+v for %v", got, d)
		}
		if got.Location.Path != "services/"+d.Span.File {
			t.Errorf("path %q, want it relative to the repository root", got.Location.Path)
		}
	}
	if i != len(issues) {
		t.Errorf("%d issues, want %d", len(issues), i)
	}
}
