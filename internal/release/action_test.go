package release

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// action is the part of action.yml the tests read.
type action struct {
	Inputs map[string]struct {
		Default string `yaml:"default"`
	} `yaml:"inputs"`
	Runs struct {
		Using string `yaml:"using"`
		Steps []step `yaml:"steps"`
	} `yaml:"runs"`
}

type step struct {
	ID   string            `yaml:"id"`
	If   string            `yaml:"if"`
	Uses string            `yaml:"uses"`
	Run  string            `yaml:"run"`
	Env  map[string]string `yaml:"env"`
	With map[string]string `yaml:"with"`
}

func readAction(t *testing.T) action {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var a action
	if err := yaml.Unmarshal(data, &a); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	return a
}

func (a action) step(t *testing.T, match func(step) bool, what string) step {
	t.Helper()
	for _, s := range a.Runs.Steps {
		if match(s) {
			return s
		}
	}
	t.Fatalf("action.yml has no %s step", what)
	return step{}
}

func (a action) lintStep(t *testing.T) step {
	t.Helper()
	return a.step(t, func(s step) bool { return s.ID == "lint" }, "lint")
}

func TestActionInputs(t *testing.T) {
	a := readAction(t)
	if a.Runs.Using != "composite" {
		t.Errorf("runs.using = %q, want composite", a.Runs.Using)
	}
	want := map[string]string{"path": ".", "version": "v0.1.0", "args": "", "sarif": "apigw-oas.sarif", "upload": "true"}
	for name, def := range want {
		in, ok := a.Inputs[name]
		if !ok {
			t.Errorf("input %q is missing", name)
		} else if in.Default != def {
			t.Errorf("input %q defaults to %q, want %q", name, in.Default, def)
		}
	}
	for name := range a.Inputs {
		if _, ok := want[name]; !ok {
			t.Errorf("input %q is not tested here", name)
		}
	}
}

// An expression inside a run: script is pasted into the shell code before
// the shell reads it, so an input such as `$(curl …)` would run; inputs
// must reach scripts through env.
func TestActionRunScriptsHoldNoExpression(t *testing.T) {
	a := readAction(t)
	for i, s := range a.Runs.Steps {
		if strings.Contains(s.Run, "${{") {
			t.Errorf("step %d runs a script with an expression in it:\n%s", i, s.Run)
		}
	}
}

func TestActionUploadsTheSARIFLintWrites(t *testing.T) {
	a := readAction(t)
	lint := a.lintStep(t)
	variable := ""
	for name, value := range lint.Env {
		if value == "${{ inputs.sarif }}" {
			variable = name
		}
	}
	if variable == "" || !strings.Contains(lint.Run, `"sarif=$`+variable+`"`) {
		t.Errorf("the lint step does not write the sarif input's file:\nenv %v\n%s", lint.Env, lint.Run)
	}
	upload := a.step(t, func(s step) bool {
		return strings.HasPrefix(s.Uses, "github/codeql-action/upload-sarif@")
	}, "upload-sarif")
	if got := upload.With["sarif_file"]; got != "${{ inputs.sarif }}" {
		t.Errorf("upload-sarif sends %q, want the sarif input", got)
	}
	if !strings.Contains(upload.If, "always()") || !strings.Contains(upload.If, "inputs.upload == 'true'") {
		t.Errorf("upload-sarif runs if %q, want always() and the upload input", upload.If)
	}
}

// The lint step's script, run as GitHub runs a bash step, against a
// stand-in apigw-oas that records its arguments and exits 1 as lint does
// on findings: the inputs arrive as data, args is split into flags, and the
// exit code is kept for the last step.
func TestActionLintStepPassesInputsAsData(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash to run the lint step with")
	}
	dir := t.TempDir()
	fake := "#!/bin/sh\nprintf '%s\\n' \"$@\" >\"$APIGW_OAS_TEST_ARGS\"\nexit 1\n"
	if err := os.WriteFile(filepath.Join(dir, "apigw-oas"), []byte(fake), 0o755); err != nil {
		t.Fatal(err)
	}
	output := filepath.Join(dir, "github-output")
	recorded := filepath.Join(dir, "args")
	cmd := exec.Command(bash, "--noprofile", "--norc", "-eo", "pipefail", "-c", readAction(t).lintStep(t).Run)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(),
		"PATH="+dir+string(os.PathListSeparator)+os.Getenv("PATH"),
		"GITHUB_OUTPUT="+output,
		"APIGW_OAS_TEST_ARGS="+recorded,
		"APIGW_OAS_PATH=my api/$(touch injected)",
		"APIGW_OAS_SARIF=out file.sarif",
		"APIGW_OAS_ARGS=--fail-on  warning *",
	)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("the lint step failed: %v\n%s", err, out)
	}
	args, err := os.ReadFile(recorded)
	if err != nil {
		t.Fatal(err)
	}
	want := "lint\nmy api/$(touch injected)\n--format\ngithub\n--output\nsarif=out file.sarif\n--fail-on\nwarning\n*\n"
	if string(args) != want {
		t.Errorf("apigw-oas got the arguments\n%s\nwant\n%s", args, want)
	}
	if _, err := os.Stat(filepath.Join(dir, "injected")); err == nil {
		t.Error("the path input was run as a command")
	}
	if got, _ := os.ReadFile(output); string(got) != "exit-code=1\n" {
		t.Errorf("GITHUB_OUTPUT = %q, want lint's exit code 1", got)
	}
}
