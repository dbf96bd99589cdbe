package cli

import (
	"encoding/json"
	"fmt"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// reviewdogEnv names the reviewdog binary .ci/run installs (v0.21.0).
const reviewdogEnv = "APIGW_OAS_REVIEWDOG"

// rdjsonl is the part of a line of reviewdog's rdjsonl report the tests read.
type rdjsonl struct {
	Location struct {
		Path  string `json:"path"`
		Range struct {
			Start struct{ Line, Column int } `json:"start"`
		} `json:"range"`
	} `json:"location"`
	Severity string `json:"severity"`
	Code     struct {
		Value string `json:"value"`
	} `json:"code"`
}

// reviewdogFindings runs reviewdog over report (in format, from dir) with
// the flags given and returns what it reports, one "file:line:col severity
// rule" a finding, sorted.
func reviewdogFindings(t *testing.T, tool, dir, format, report string, flags ...string) []string {
	t.Helper()
	out := runConsumer(t, dir, report, tool, append([]string{"-f=" + format, "-reporter=rdjsonl"}, flags...)...)
	var found []string
	for line := range strings.Lines(string(out)) {
		var d rdjsonl
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			t.Fatalf("reviewdog wrote %q: %v", line, err)
		}
		rule := strings.TrimPrefix(d.Code.Value, "apigw-oas.") // checkstyle's source is apigw-oas.RULE
		found = append(found, fmt.Sprintf("%s:%d:%d %s %s", d.Location.Path, d.Location.Range.Start.Line, d.Location.Range.Start.Column, d.Severity, rule))
	}
	slices.Sort(found)
	return found
}

// reviewdogWants is what reviewdog must report for lint's JSON report: every
// unsuppressed finding, at its place, with its severity and rule.
func reviewdogWants(t *testing.T, jsonReport string) []string {
	t.Helper()
	severity := map[string]string{"error": "ERROR", "warning": "WARNING", "info": "INFO"}
	var all []string
	for _, d := range jsonDiagnostics(t, jsonReport) {
		if d.Suppression == nil {
			all = append(all, fmt.Sprintf("%s:%d:%d %s %s", d.File, d.Start.Line, d.Start.Column, severity[d.Severity], d.Rule))
		}
	}
	slices.Sort(all)
	return all
}

// reviewdog reads the SARIF that docs/ci.md feeds it, and the Checkstyle
// XML, of every fixture: each finding at its file:line:col with its
// severity and rule, nothing more and nothing lost.
func TestReviewdogReadsEveryFinding(t *testing.T) {
	tool := consumer(t, reviewdogEnv, "reviewdog v0.21.0")
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(root)
	_, report, _ := run(t, "", "lint", "fixtures", "--format", "json")
	expected := reviewdogWants(t, report)
	if len(expected) == 0 {
		t.Fatal("lint fixtures found nothing to compare")
	}
	for _, format := range []string{"sarif", "checkstyle"} {
		code, out, stderr := run(t, "", "lint", "fixtures", "--format", format)
		if code != ExitFindings {
			t.Fatalf("lint fixtures --format %s exits %d: %s", format, code, stderr)
		}
		got := reviewdogFindings(t, tool, root, format, out, "-filter-mode=nofilter")
		if !slices.Equal(got, expected) {
			t.Errorf("reviewdog -f=%s reports\n%s\nwant\n%s", format, strings.Join(got, "\n"), strings.Join(expected, "\n"))
		}
	}
}

// In a pull request reviewdog keeps the findings on the lines the change
// added. A repository whose definition gains a finding on a new line, next
// to one it already had: reviewdog, run as docs/ci.md says, reports only
// the new one, so our paths match the diff's, and -fail-level=error fails
// the step on it. SARIF is read from the root of the repository; Checkstyle,
// whose paths are as typed, also from a subfolder.
func TestReviewdogKeepsTheFindingsTheDiffAdds(t *testing.T) {
	tool := consumer(t, reviewdogEnv, "reviewdog v0.21.0")
	dir := t.TempDir()
	write(t, dir, "api/openapi.yaml", []byte(minimalAPI+"x-amazon-apigateway-binary-media-types:\n  - image~1png\n"))
	t.Chdir(dir)
	gitRun(t, "init", "-q")
	gitRun(t, "add", ".")
	gitRun(t, "commit", "-q", "-m", "a definition with one finding")
	write(t, dir, "api/openapi.yaml", []byte(minimalAPI+"x-amazon-apigateway-binary-media-types:\n  - image~1png\n  - application~1pdf\n"))

	for _, c := range []struct{ format, from, path, added string }{
		{"sarif", ".", "api", "api/openapi.yaml:6:5 ERROR media-type-escaped"},
		{"checkstyle", ".", "api", "api/openapi.yaml:6:5 ERROR media-type-escaped"},
		{"checkstyle", "api", ".", "openapi.yaml:6:5 ERROR media-type-escaped"},
	} {
		t.Chdir(filepath.Join(dir, c.from))
		code, out, stderr := run(t, "", "lint", c.path, "--format", c.format)
		if code != ExitFindings {
			t.Fatalf("lint %s --format %s exits %d: %s", c.path, c.format, code, stderr)
		}
		got := reviewdogFindings(t, tool, ".", c.format, out, "-diff=git diff", "-filter-mode=added")
		if !slices.Equal(got, []string{c.added}) {
			t.Errorf("reviewdog -f=%s from %s reports %q, want %q", c.format, c.from, got, c.added)
		}
	}

	t.Chdir(dir)
	_, sarif, _ := run(t, "", "lint", "api", "--format", "sarif")
	cmd := exec.Command(tool, "-f=sarif", "-reporter=local", "-diff=git diff", "-fail-level=error")
	cmd.Stdin = strings.NewReader(sarif)
	if out, err := cmd.CombinedOutput(); cmd.ProcessState == nil || cmd.ProcessState.ExitCode() != 1 {
		t.Errorf("reviewdog -fail-level=error on an added error: %v, want exit 1\n%s", err, out)
	}
}
