package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"testing"
	"time"
)

// consumer is the program a test checks our output with: a real consumer
// of a format (reviewdog, a JUnit parser, yaml-language-server), which
// .ci/run installs at a pinned version and names in the environment
// variable env. Without it the test is skipped and says what is missing.
func consumer(t *testing.T, env, what string) string {
	t.Helper()
	tool := os.Getenv(env)
	if tool == "" {
		t.Skipf("skipped: %s is not set; it names %s (.ci/run installs it)", env, what)
	}
	return tool
}

// runConsumer runs a consumer with stdin in dir and returns its standard
// output; a failure to run fails the test with what the consumer said.
func runConsumer(t *testing.T, dir, stdin, name string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Stdin = bytes.NewBufferString(stdin)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s%s", name, args, err, out, stderr.Bytes())
	}
	return out
}

// jsonDiagnostics reads lint's JSON report.
func jsonDiagnostics(t *testing.T, report string) []jsonDiagnostic {
	t.Helper()
	var r struct {
		Diagnostics []jsonDiagnostic `json:"diagnostics"`
	}
	if err := json.Unmarshal([]byte(report), &r); err != nil {
		t.Fatalf("the JSON report: %v", err)
	}
	return r.Diagnostics
}

type jsonDiagnostic struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	File     string `json:"file"`
	Message  string `json:"message"`
	// Suppression is set on a finding an ignore comment or entry hides.
	Suppression *struct{} `json:"suppression"`
	Start       struct {
		Line   int `json:"line"`
		Column int `json:"column"`
	} `json:"start"`
}
