package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// review exits 1 on a regression (or any change with --fail-on any), 0
// otherwise, and 2 on bad input.
func TestReviewExitCodes(t *testing.T) {
	dir := t.TempDir()
	broken := write(t, dir, "broken.yaml", []byte("openapi: 3.0.1\npaths: [\n"))
	notAPI := write(t, dir, "notes.yaml", []byte("name: not an api\n"))
	pair := func(name string) []string {
		return []string{"review", "../fixtures/review/" + name + ".old.yaml", "../fixtures/review/" + name + ".new.yaml"}
	}
	cases := []struct {
		args   []string
		code   int
		stderr string
	}{
		{pair("convert-to-text-removed"), ExitFindings, ""},
		{append(pair("convert-to-text-removed"), "--fail-on", "never"), ExitOK, ""},
		{pair("image-range"), ExitOK, ""}, // fixes only
		{append(pair("image-range"), "--fail-on", "any"), ExitFindings, ""},
		{[]string{"review", "../fixtures/review/oas2-to-oas3.old.json", "../fixtures/review/oas2-to-oas3.new.json", "--fail-on", "any"}, ExitOK, ""},
		{append(pair("image-range"), "--fail-on", "fixes"), ExitInput, `--fail-on "fixes"`},
		{[]string{"review", "../fixtures/review/image-range.old.yaml"}, ExitInput, "review needs OLD and NEW"},
		{[]string{"review", "../fixtures/review/image-range.old.yaml", broken}, ExitInput, "broken.yaml:"},
		{[]string{"review", notAPI, "../fixtures/review/image-range.new.yaml"}, ExitInput, "not an API definition"},
		{[]string{"review", filepath.Join(dir, "missing.yaml"), "../fixtures/review/image-range.new.yaml"}, ExitInput, "no such file"},
		{append(pair("image-range"), "--format", "pdf"), ExitInput, `unknown format "pdf"`},
	}
	for _, c := range cases {
		code, _, stderr := run(t, "", c.args...)
		if code != c.code || !strings.Contains(stderr, c.stderr) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", c.args[1:], code, stderr, c.code, c.stderr)
		}
	}
}

// review --base outside a git repository, or with a revision git does not
// know, is bad input.
func TestReviewBaseBadInput(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	t.Chdir(t.TempDir())
	write(t, ".", "api.yaml", []byte(minimalAPI))
	for _, c := range []struct {
		setup func()
		rev   string
		want  string
	}{
		{func() {}, "HEAD", "not a commit in this git repository"},
		{func() { gitRun(t, "init", "-q") }, "no-such-branch", "--base no-such-branch: not a commit"},
		{func() {}, "--upload-pack=x", "not a git revision"},
	} {
		c.setup()
		code, _, stderr := run(t, "", "review", "--base", c.rev, "api.yaml")
		if code != ExitInput || !strings.Contains(stderr, c.want) {
			t.Errorf("--base %s: exit %d, stderr %q; want 2 and %q", c.rev, code, stderr, c.want)
		}
	}
	code, _, stderr := run(t, "", "review", "--base", "HEAD", "../elsewhere.yaml")
	if code != ExitInput || !strings.Contains(stderr, "not within the working folder") {
		t.Errorf("a path outside the folder: exit %d, stderr %q", code, stderr)
	}
}

func gitRun(t *testing.T, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

// The configuration applies to both sides: a rule turned off or an ignore
// entry hides a finding from the findings introduced.
func TestReviewUsesTheConfiguration(t *testing.T) {
	dir := t.TempDir()
	old := write(t, dir, "api/old.yaml", mustRead(t, "../fixtures/review/convert-to-text-removed.old.yaml"))
	new := write(t, dir, "api/new.yaml", mustRead(t, "../fixtures/review/convert-to-text-removed.new.yaml"))
	config := write(t, dir, ".apigw-oas.yaml", []byte("ignore:\n  - rule: template-receives-binary\n    files: api/new.yaml\n    reason: tested\n"))
	code, stdout, stderr := run(t, "", "review", old, new, "--config", config, "--format", "json")
	if code != ExitFindings || !strings.Contains(stdout, `"findings_introduced": 0,`) {
		t.Errorf("exit %d, stderr %q; want 1 with no finding introduced:\n%s", code, stderr, stdout)
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
