package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// With $GITHUB_STEP_SUMMARY set, --format github also appends the markdown
// report to the job summary, after what earlier steps wrote; other formats
// leave the summary alone.
func TestLintGitHubStepSummary(t *testing.T) {
	dir := t.TempDir()
	spec := write(t, dir, "api.yaml", []byte(minimalAPI+"x-amazon-apigateway-binary-media-types: [image/jpg]\n"))
	summary := write(t, dir, "summary.md", []byte("## an earlier step\n"))
	t.Setenv("GITHUB_STEP_SUMMARY", summary)

	code, stdout, stderr := run(t, "", "lint", spec, "--format", "github")
	if code != ExitOK || !strings.HasPrefix(stdout, "::warning ") {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	data, _ := os.ReadFile(summary)
	if got := string(data); !strings.HasPrefix(got, "## an earlier step\n## apigw-oas\n") || !strings.Contains(got, "| `media-type-nonstandard` |") {
		t.Errorf("the summary is\n%s", got)
	}
	if code, _, _ := run(t, "", "lint", spec, "--format", "text"); code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	if again, _ := os.ReadFile(summary); string(again) != string(data) {
		t.Errorf("--format text wrote to the summary:\n%s", again)
	}
	t.Setenv("GITHUB_STEP_SUMMARY", filepath.Join(dir, "missing", "summary.md"))
	if code, _, stderr := run(t, "", "lint", spec, "--format", "github"); code != ExitInput || !strings.HasPrefix(stderr, "apigw-oas: cannot write "+filepath.Join(dir, "missing", "summary.md")+" (GITHUB_STEP_SUMMARY): no such file") {
		t.Errorf("an unwritable summary: exit %d, %s", code, stderr)
	}
}

// --format gitlab is the Code Quality report, with paths relative to the
// repository root whatever path was typed.
func TestLintGitLabCodeQuality(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	spec := write(t, dir, "services/api.yaml", []byte(minimalAPI+"x-amazon-apigateway-binary-media-types: [image/jpg]\n"))
	t.Chdir(filepath.Join(dir, "services"))
	for _, path := range []string{"api.yaml", spec, "../services/api.yaml"} {
		code, stdout, stderr := run(t, "", "lint", path, "--format", "gitlab")
		var issues []struct {
			CheckName string `json:"check_name"`
			Severity  string `json:"severity"`
			Location  struct {
				Path  string              `json:"path"`
				Lines struct{ Begin int } `json:"lines"`
			} `json:"location"`
		}
		if err := json.Unmarshal([]byte(stdout), &issues); err != nil || code != ExitOK || len(issues) != 1 {
			t.Fatalf("lint %s: exit %d, %v\n%s%s", path, code, err, stdout, stderr)
		}
		if i := issues[0]; i.CheckName != "media-type-nonstandard" || i.Severity != "minor" || i.Location.Path != "services/api.yaml" || i.Location.Lines.Begin != 4 {
			t.Errorf("lint %s: %+v", path, i)
		}
	}
}
