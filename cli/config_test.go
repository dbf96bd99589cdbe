package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// lint services/a from the root honours services/a/.apigw-oas.yml, fail-on
// included; --config gives every file one configuration.
func TestLintNearestConfig(t *testing.T) {
	dir := t.TempDir()
	jpg := []byte(minimalAPI + "x-amazon-apigateway-binary-media-types: [image/jpg]\n")
	write(t, dir, ".git/HEAD", []byte("ref: refs/heads/main\n"))
	write(t, dir, ".apigw-oas.yaml", []byte("rules: {media-type-nonstandard: off}\n"))
	write(t, dir, "services/a/.apigw-oas.yml", []byte("fail-on: warning\n"))
	write(t, dir, "services/a/api.yaml", jpg)
	write(t, dir, "b.yaml", jpg)
	t.Chdir(dir)

	code, stdout, stderr := run(t, "", "lint", "services/a")
	if code != ExitFindings || !strings.Contains(stdout, filepath.Join("services", "a", "api.yaml")+":4:42: warning:") {
		t.Errorf("lint services/a: exit %d, want 1 (fail-on: warning)\n%s%s", code, stdout, stderr)
	}
	if code, stdout, _ := run(t, "", "lint", "."); code != ExitFindings || strings.Contains(stdout, "b.yaml") {
		t.Errorf("lint .: exit %d, want b.yaml clean under the root configuration\n%s", code, stdout)
	}
	if code, stdout, _ := run(t, "", "lint", "services/a", "--config", ".apigw-oas.yaml"); code != ExitOK {
		t.Errorf("--config .apigw-oas.yaml: exit %d, want 0\n%s", code, stdout)
	}
	code, stdout, _ = run(t, string(jpg), "lint", "-", "--stdin-filename", "services/a/piped.yaml")
	if code != ExitFindings || !strings.Contains(stdout, "piped.yaml:4:42: warning:") {
		t.Errorf("standard input named into services/a: exit %d\n%s", code, stdout)
	}

	write(t, dir, "services/a/.apigw-oas.yml", []byte("rules: {no-such-rule: off}\nfail-on: sometimes\n"))
	code, stdout, stderr = run(t, "", "lint", "services/a")
	want := filepath.Join("services", "a", ".apigw-oas.yml") + ":1:9: error: unknown rule \"no-such-rule\""
	if code != ExitInput || stdout != "" || !strings.HasPrefix(stderr, want) || !strings.Contains(stderr, ":2:10: error: fail-on must be one of") {
		t.Errorf("a broken nearest configuration: exit %d, want 2 with its problems in order\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
}
