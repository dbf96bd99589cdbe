package cli

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// sarifMultitool is the SARIF SDK's validator, the reference consumer of
// SARIF; pinned so that its rules do not change under the test.
const sarifMultitool = "@microsoft/sarif-multitool@5.7.0"

// TestSARIFMultitoolValidates runs Microsoft's SARIF validator over the
// SARIF of the fixtures, linted from the repository root by a relative and
// by an absolute path: no error and no warning. Both runs must also write
// the same file, since artifact URIs are relative to the git root whatever
// path the user typed.
func TestSARIFMultitoolValidates(t *testing.T) {
	tool := findSARIFMultitool(t)
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(root)
	dir := t.TempDir()
	var logs [][]byte
	for _, path := range []string{"fixtures", filepath.Join(root, "fixtures")} {
		code, out, stderr := run(t, "", "lint", path, "--format", "sarif")
		if code != ExitFindings {
			t.Fatalf("lint %s exits %d, want 1: %s", path, code, stderr)
		}
		logs = append(logs, []byte(out))
		in := filepath.Join(dir, "in.sarif")
		if err := os.WriteFile(in, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, problem := range validateSARIF(t, tool, in, filepath.Join(dir, "validation.sarif")) {
			t.Errorf("lint %s: %s", path, problem)
		}
	}
	if !bytes.Equal(logs[0], logs[1]) {
		t.Error("the SARIF of lint fixtures and of lint /absolute/fixtures differ")
	}
}

// findSARIFMultitool is $APIGW_OAS_SARIF_MULTITOOL (.ci/run installs it
// there), else the validator npm installs into the user's cache folder. The
// test is skipped, saying why, when npm cannot install it.
func findSARIFMultitool(t *testing.T) string {
	if tool := os.Getenv("APIGW_OAS_SARIF_MULTITOOL"); tool != "" {
		return tool
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	prefix := filepath.Join(cache, "apigw-oas-tests", strings.NewReplacer("@", "", "/", "-").Replace(sarifMultitool))
	tool := filepath.Join(prefix, "node_modules", ".bin", "sarif-multitool")
	if _, err := os.Stat(tool); err == nil {
		return tool
	}
	npm, err := exec.LookPath("npm")
	if err != nil {
		t.Skipf("skipped: npm is not installed, so %s cannot be installed (or set APIGW_OAS_SARIF_MULTITOOL)", sarifMultitool)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, npm, "install", "--prefix", prefix, "--no-audit", "--no-fund", sarifMultitool).CombinedOutput()
	if err != nil {
		t.Skipf("skipped: npm could not install %s (%v); its output starts:\n%s", sarifMultitool, err, firstLines(out, 4))
	}
	return tool
}

// validateSARIF runs the validator and returns its errors and warnings.
func validateSARIF(t *testing.T, tool, in, out string) []string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	if msg, err := exec.CommandContext(ctx, tool, "validate", in, "--output", out, "--log", "ForceOverwrite").CombinedOutput(); err != nil {
		t.Fatalf("sarif-multitool validate: %v\n%s", err, msg)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID                   string `json:"id"`
						DefaultConfiguration struct {
							Level string `json:"level"`
						} `json:"defaultConfiguration"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID  string `json:"ruleId"`
				Level   string `json:"level"`
				Message struct {
					Text      string   `json:"text"`
					ID        string   `json:"id"`
					Arguments []string `json:"arguments"`
				} `json:"message"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &log); err != nil || len(log.Runs) != 1 {
		t.Fatalf("the validator's log cannot be read (%v):\n%s", err, data)
	}
	// a result without a level has its rule's default level, else warning
	defaultLevel := map[string]string{}
	for _, r := range log.Runs[0].Tool.Driver.Rules {
		defaultLevel[r.ID] = r.DefaultConfiguration.Level
	}
	var problems []string
	for _, r := range log.Runs[0].Results {
		level := cmp.Or(r.Level, defaultLevel[r.RuleID], "warning")
		if level == "error" || level == "warning" {
			problems = append(problems, level+" "+r.RuleID+": "+cmp.Or(r.Message.Text, r.Message.ID)+" "+strings.Join(r.Message.Arguments, " | "))
		}
	}
	return problems
}

func firstLines(b []byte, n int) string {
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	return strings.Join(lines[:min(n, len(lines))], "\n")
}
