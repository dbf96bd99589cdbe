package release

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/apigw-oas/apigw-oas/cli"
)

// preCommitEnv names the pre-commit command .ci/run installs (Debian's
// pre-commit 3.0.4).
const preCommitEnv = "APIGW_OAS_PRE_COMMIT"

// A repository that uses our hook as docs/ci.md says, with this repository
// (its HEAD commit) as the hook's repo: pre-commit builds the hook from
// source with Go, as it does for users, and runs it. Over every file, it
// fails and prints each finding of a definition, Terraform, a
// CloudFormation .template and a serverless.yml among them, while a
// package.json and a README pass quietly; over a clean definition and a
// file that holds none, it passes.
func TestPreCommitRunsTheHook(t *testing.T) {
	preCommit := os.Getenv(preCommitEnv)
	if preCommit == "" {
		t.Skipf("skipped: %s is not set; it names pre-commit (.ci/run installs Debian's)", preCommitEnv)
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	head := strings.TrimSpace(git(t, root, "rev-parse", "HEAD"))

	repo := t.TempDir()
	files := map[string]string{
		"api/bad.yaml":       "fixtures/oas30-image-service.yaml",
		"infra/api.tf":       "fixtures/terraform-jsonencode-broken.tf",
		"cfn/stack.template": "fixtures/cfn-document-store.yaml",
		"serverless.yml":     "fixtures/serverless-broken-binary.yml",
	}
	for name, fixture := range files {
		copyFile(t, filepath.Join(root, fixture), filepath.Join(repo, name))
	}
	writeFile(t, filepath.Join(repo, "api/clean.yaml"), "openapi: 3.0.1\ninfo: {title: t, version: '1'}\npaths: {}\n")
	writeFile(t, filepath.Join(repo, "package.json"), `{"name": "not-an-api"}`+"\n")
	writeFile(t, filepath.Join(repo, "README.md"), "# a repository with API definitions\n")
	writeFile(t, filepath.Join(repo, ".pre-commit-config.yaml"), fmt.Sprintf(
		"repos:\n  - repo: %s\n    rev: %s\n    hooks:\n      - id: apigw-oas\n", root, head))
	git(t, repo, "init", "-q")
	git(t, repo, "add", ".")

	code, out := runPreCommit(t, preCommit, repo, "run", "--all-files")
	if code != 1 {
		t.Fatalf("pre-commit run --all-files exits %d, want 1:\n%s", code, out)
	}
	t.Chdir(repo)
	for _, name := range []string{"api/bad.yaml", "infra/api.tf", "cfn/stack.template", "serverless.yml"} {
		for _, finding := range lintLines(t, name) {
			if !strings.Contains(out, finding) {
				t.Errorf("pre-commit does not print %q", finding)
			}
		}
	}
	if code, out := runPreCommit(t, preCommit, repo, "run", "--files", "api/clean.yaml", "package.json", "README.md"); code != 0 {
		t.Errorf("pre-commit run over a clean definition exits %d, want 0:\n%s", code, out)
	}
}

// lintLines is what lint prints for a file's findings, one line each.
func lintLines(t *testing.T, path string) []string {
	t.Helper()
	var out, stderr bytes.Buffer
	if code := cli.Main(context.Background(), []string{"apigw-oas", "lint", path, "--fail-on", "never"}, strings.NewReader(""), &out, &stderr); code != cli.ExitOK {
		t.Fatalf("lint %s exits %d: %s", path, code, stderr.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) < 2 {
		t.Fatalf("lint %s finds nothing to look for:\n%s", path, out.String())
	}
	return lines[:len(lines)-1] // the last line is the count
}

// runPreCommit runs pre-commit with its own cache (so the hook is built
// from this commit) and Go's module cache (so the build downloads nothing
// Go already has).
func runPreCommit(t *testing.T, preCommit, dir string, args ...string) (int, string) {
	t.Helper()
	modcache, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatalf("go env GOMODCACHE: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, preCommit, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "PRE_COMMIT_HOME="+filepath.Join(dir, ".pre-commit-home"), "GOMODCACHE="+strings.TrimSpace(string(modcache)))
	out, err := cmd.CombinedOutput()
	if cmd.ProcessState == nil {
		t.Fatalf("pre-commit %v: %v", args, err)
	}
	return cmd.ProcessState.ExitCode(), string(out)
}

func git(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("git %v: %v", args, err)
	}
	return string(out)
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, to, string(data))
}

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
