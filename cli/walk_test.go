//go:build unix

package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/apigw-oas/apigw-oas/internal/unprivileged"
)

// badBinaryTypes is a definition with an error finding.
const badBinaryTypes = minimalAPI + "x-amazon-apigateway-binary-media-types: 1\n"

// runWithin runs the command and fails the test if it does not end in
// time (a walk that opens a named pipe waits for a writer forever).
func runWithin(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	type outcome struct {
		code           int
		stdout, stderr string
	}
	done := make(chan outcome, 1)
	go func() {
		code, stdout, stderr := run(t, "", args...)
		done <- outcome{code, stdout, stderr}
	}()
	select {
	case o := <-done:
		return o.code, o.stdout, o.stderr
	case <-time.After(20 * time.Second):
		t.Fatalf("%v hangs", args)
		return 0, "", ""
	}
}

// A .gitignore in the repository's root that anchors /docs there does not
// hide services/billing/docs, and what git tracks is linted though an
// ignore rule matches it.
func TestLintWalkFollowsGitignore(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed: this test needs a repository")
	}
	dir := t.TempDir()
	write(t, dir, ".gitignore", []byte("/docs\ngenerated/\napi[12].yaml\n"))
	write(t, dir, "docs/openapi.yaml", []byte(badBinaryTypes))
	write(t, dir, "services/billing/docs/openapi.yaml", []byte(badBinaryTypes))
	write(t, dir, "generated/tracked.yaml", []byte(badBinaryTypes))
	write(t, dir, "generated/untracked.yaml", []byte(badBinaryTypes))
	write(t, dir, "api1.yaml", []byte(badBinaryTypes))
	write(t, dir, "api3.yaml", []byte(badBinaryTypes))
	for _, args := range [][]string{{"init", "-q"}, {"add", "-f", "generated/tracked.yaml"}} {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	code, stdout, stderr := runWithin(t, "lint", dir)
	for _, want := range []string{"services/billing/docs/openapi.yaml", "generated/tracked.yaml", "api3.yaml", "in 3 files"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("%s is linted: exit %d\n%s%s", want, code, stdout, stderr)
		}
	}
	for _, skipped := range []string{dir + "/docs/", "untracked", "api1"} {
		if strings.Contains(stdout, skipped) {
			t.Errorf("%s is ignored:\n%s", skipped, stdout)
		}
	}
}

// A named pipe, or a link to one, in a walked folder is skipped with a
// notice instead of hanging the run; so is a dangling link, which does not
// fail the run either.
func TestLintWalkSkipsWhatItCannotRead(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "api.yaml", []byte(minimalAPI))
	pipe := filepath.Join(dir, "pipe.yaml")
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Fatal(err)
	}
	// if the walk opens the pipe, a writer lets the goroutine end
	t.Cleanup(func() {
		if f, err := os.OpenFile(pipe, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			f.Close()
		}
	})
	for link, target := range map[string]string{"stdin.yaml": pipe, "gone.yaml": filepath.Join(dir, "gone")} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	code, stdout, stderr := runWithin(t, "lint", dir)
	if code != ExitOK || !strings.Contains(stdout, "in 1 file") {
		t.Errorf("exit %d, want 0 with one file linted\n%s%s", code, stdout, stderr)
	}
	for _, want := range []string{
		"apigw-oas: notice: " + pipe + ": a named pipe, not a regular file; skipped",
		"stdin.yaml: a named pipe, not a regular file; skipped",
		"gone.yaml: a symbolic link to nothing (dangling); skipped",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}

// An unreadable folder, given or met, fails the run with its path.
func TestLintWalkUnreadableFolder(t *testing.T) {
	if !unprivileged.Run(t) {
		return
	}
	dir := t.TempDir()
	write(t, dir, "api.yaml", []byte(minimalAPI))
	locked := filepath.Join(dir, "locked")
	write(t, locked, "api.yaml", []byte(minimalAPI))
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(locked, 0o755) })
	if _, err := os.ReadDir(locked); err == nil {
		t.Skip("a folder with mode 000 can be read here: the tests run with CAP_DAC_OVERRIDE, which permissions do not stop")
	}
	for _, arg := range []string{dir, locked} {
		code, stdout, _ := runWithin(t, "lint", arg)
		if want := locked + ": error: cannot read folder: permission denied [syntax]"; code != ExitInput || !strings.Contains(stdout, want) {
			t.Errorf("lint %s: exit %d, want 2 and %q\n%s", arg, code, want, stdout)
		}
	}
}

// CloudFormation and SAM templates are found by content under the names
// teams give them; a folder holding only such a template is linted.
func TestLintWalkFindsTemplates(t *testing.T) {
	template := "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Api:\n    Type: AWS::ApiGateway::RestApi\n" +
		"    Properties:\n      BinaryMediaTypes: [image/jpg]\n      Body:\n        openapi: 3.0.1\n" +
		"        info: {title: t, version: '1'}\n        paths: {}\n"
	for _, name := range []string{"stack.template", "serverless.template", "stack.template.yaml", "stack.template.json", "stack.cfn.yaml"} {
		dir := t.TempDir()
		data := template
		if strings.HasSuffix(name, ".json") {
			data = `{"Resources": {"Api": {"Type": "AWS::ApiGateway::RestApi", "Properties": {"BinaryMediaTypes": ["image/jpg"],` +
				` "Body": {"openapi": "3.0.1", "info": {"title": "t", "version": "1"}, "paths": {}}}}}}`
		}
		write(t, dir, name, []byte(data))
		code, stdout, stderr := runWithin(t, "lint", dir)
		if code != ExitOK || !strings.Contains(stdout, name+":") || !strings.Contains(stdout, "in 1 file") {
			t.Errorf("%s: exit %d\n%s%s", name, code, stdout, stderr)
		}
	}
}

// Nothing linted is not a pass: paths that hold no API definition exit 2
// and say so, unless --only-definitions (pre-commit's hook) accepts it.
func TestLintNothingToLint(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "chart/values.yaml", []byte("name: not an api\n"))
	code, stdout, stderr := runWithin(t, "lint", dir)
	if want := "apigw-oas: no API definition in " + dir + ": nothing was linted"; code != ExitInput || !strings.Contains(stderr, want) {
		t.Errorf("exit %d, want 2 and %q\n%s%s", code, want, stdout, stderr)
	}
	if code, stdout, stderr := runWithin(t, "lint", "--only-definitions", dir); code != ExitOK || !strings.Contains(stdout, "no problems in 0 files") {
		t.Errorf("--only-definitions: exit %d, want 0\n%s%s", code, stdout, stderr)
	}
}

// lint reads a walked file once and checks its mark as it does: a file
// without one is neither linted nor counted as an input (broken YAML, a
// file over --max-size, a report of an earlier run may be overwritten),
// while a marked file over the limit is an input that cannot be read.
func TestLintWalkPassesOverUnmarkedFiles(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "api.yaml", []byte(badBinaryTypes))
	write(t, dir, "broken.yaml", []byte("a: [unclosed\n"))
	write(t, dir, "data.json", []byte(`{"rows": [`+strings.Repeat(`"padding", `, 200)+`"end"]}`))
	report := write(t, dir, "report.json", []byte("{}\n"))
	code, stdout, stderr := runWithin(t, "lint", "--max-size", "1KiB", "--output", "json="+report, dir)
	if code != ExitFindings || !strings.Contains(stdout, "in 1 file") || strings.Contains(stdout+stderr, "broken.yaml") ||
		strings.Contains(stdout+stderr, "data.json") {
		t.Fatalf("exit %d, want 1 with api.yaml's findings only\n%s%s", code, stdout, stderr)
	}
	if written, err := os.ReadFile(report); err != nil || !strings.Contains(string(written), "api.yaml") {
		t.Errorf("the report over an unmarked walked file: %v\n%s", err, written)
	}

	write(t, dir, "big.yaml", []byte(minimalAPI+strings.Repeat("# padding\n", 200)))
	code, stdout, stderr = runWithin(t, "lint", "--max-size", "1KiB", dir)
	if want := "big.yaml: error: the file is larger than the 1 KiB size limit"; code != ExitInput || !strings.Contains(stdout, want) {
		t.Errorf("a marked file over the limit: exit %d, want 2 and %q\n%s%s", code, want, stdout, stderr)
	}
}
