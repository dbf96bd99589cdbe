package lint_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigw-oas/apigw-oas/lint"
	"github.com/apigw-oas/apigw-oas/lint/rules"
)

const jpgAPI = "openapi: 3.0.1\ninfo: {title: t, version: '1'}\npaths: {}\nx-amazon-apigateway-binary-media-types: [image/jpg]\n"

// Each file gets the nearest configuration (.yaml or .yml), whole: a
// nested one replaces the outer one for the files below it, ignore
// entries included.
func TestConfigsNearestPerFile(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, ".git", "HEAD"), "ref: refs/heads/main\n")
	writeFile(t, filepath.Join(dir, ".apigw-oas.yaml"), "rules: {media-type-nonstandard: error}\n")
	writeFile(t, filepath.Join(dir, "services/a/.apigw-oas.yml"), "rules: {media-type-nonstandard: info}\n")
	writeFile(t, filepath.Join(dir, "services/b/.apigw-oas.yaml"), "ignore: [{rule: media-type-nonstandard, files: '**', reason: our clients send image/jpg}]\n")
	root := writeFile(t, filepath.Join(dir, "api.yaml"), jpgAPI)
	a := writeFile(t, filepath.Join(dir, "services/a/deep/api.yaml"), jpgAPI)
	b := writeFile(t, filepath.Join(dir, "services/b/api.yaml"), jpgAPI)

	configs := lint.NewConfigs(rules.All)
	found := lint.Run([]lint.Input{{Path: root}, {Path: a}, {Path: b}}, lint.Options{Rules: rules.All, Configs: configs})
	got := lines(found.Diagnostics)
	for _, want := range []string{
		root + ":4:42: error: ",
		a + ":4:42: info: ",
		b + ":4:42: warning: ", // b's configuration sets no severity: the default
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
	if !strings.Contains(got, "(suppressed: config, our clients send image/jpg)") || strings.Count(got, "\n") != 3 {
		t.Errorf("b's ignore entry applies to b alone:\n%s", got)
	}
	if cfg := configs.For(filepath.Join(dir, "services/a/deep/other.yaml")); cfg == nil || !strings.HasSuffix(cfg.Path, ".apigw-oas.yml") {
		t.Errorf("services/a/deep gets %+v, want services/a/.apigw-oas.yml", cfg)
	}
}

// Discovery stops at the git root: a configuration above the repository
// belongs to something else.
func TestConfigsStopAtGitRoot(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, ".apigw-oas.yaml"), "rules: {no-such-rule: off}\n")
	writeFile(t, filepath.Join(dir, "repo/.git"), "gitdir: ../elsewhere\n") // a worktree's .git file
	file := writeFile(t, filepath.Join(dir, "repo/api/api.yaml"), jpgAPI)
	configs := lint.NewConfigs(rules.All)
	if cfg := configs.For(file); cfg != nil || configs.Problems() != nil {
		t.Errorf("found %+v and %v above the git root", cfg, configs.Problems())
	}
}

// Two spellings in one folder are an error, not a silent choice.
func TestConfigsBothSpellings(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, ".apigw-oas.yaml"), "fail-on: warning\n")
	writeFile(t, filepath.Join(dir, ".apigw-oas.yml"), "fail-on: info\n")
	configs := lint.NewConfigs(rules.All)
	cfg := configs.For(filepath.Join(dir, "api.yaml"))
	got := lines(configs.Problems())
	if cfg != nil || !strings.Contains(got, ".apigw-oas.yml: error: this folder has two configurations, .apigw-oas.yaml and .apigw-oas.yml; keep one [config]") {
		t.Errorf("config %+v, problems:\n%s", cfg, got)
	}
}

// Problems come in the order they are written, whatever order the
// decoder visits a mapping's keys in.
func TestConfigProblemsInOrder(t *testing.T) {
	path := writeFile(t, filepath.Join(t.TempDir(), ".apigw-oas.yaml"), "rules:\n  no-such-a: off\n  no-such-b: off\n  no-such-c: off\n  no-such-d: off\ncategories: {payloads: off}\n")
	var first string
	for range 20 {
		_, problems := lint.LoadConfig(path, rules.All)
		got := lines(problems)
		if first == "" {
			first = got
		}
		if got != first || strings.Count(got, "\n") != 5 || !strings.Contains(got, ":2:3:") || strings.Index(got, "no-such-a") > strings.Index(got, "no-such-d") {
			t.Fatalf("problems out of order or different between runs:\n%s\nthen\n%s", first, got)
		}
	}
}

// Configurations found by walking up are named as a user would type them
// from the working folder.
func TestConfigsNameRelativeToWorkDir(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "sub/.apigw-oas.yaml"), "fail-on: sometimes\n")
	t.Chdir(dir)
	configs := lint.NewConfigs(rules.All)
	configs.For(filepath.Join("sub", "api.yaml"))
	got := lines(configs.Problems())
	if !strings.HasPrefix(got, filepath.Join("sub", ".apigw-oas.yaml")+":1:10: error: fail-on must be one of") {
		t.Errorf("problems:\n%s", got)
	}
}
