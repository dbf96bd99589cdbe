// The limit is set with the shell's ulimit, which Unix shells have.

//go:build unix

package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// runtimeDeath is the first line the Go runtime prints when it cannot get
// memory (or a thread) and ends the process with exit 2: never a line of
// ours, which start with "apigw-oas:" or a file's name.
var runtimeDeath = regexp.MustCompile(`(?m)^(fatal error: |runtime: |runtime/cgo: )`)

// Under an address-space limit (ulimit -v) a large valid definition is
// linted, or the run ends with the runtime's own "fatal error:" (exit 2):
// never a hang, another exit code, or a message that looks like ours. The
// runtime reserves far more address space than it uses, so which limits
// pass varies from run to run; the outcome is one of those two.
func TestOutOfMemoryIsTheRuntimes(t *testing.T) {
	if raceDetector {
		t.Skip("the race detector's runtime cannot start under an address-space limit (ThreadSanitizer exits 66); this test runs without -race, as .ci/run's network-less step does")
	}
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh to set ulimit -v with:", err)
	}
	dir := t.TempDir()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	// TestMain runs Main when the program is called apigw-oas
	bin := filepath.Join(dir, "apigw-oas")
	if err := os.Symlink(self, bin); err != nil {
		t.Fatal(err)
	}
	api := write(t, dir, "large.yaml", largeDefinition(5000))
	for _, kib := range []int{256 << 10, 1 << 20, 2 << 20, 0} {
		t.Run(fmt.Sprintf("ulimit -v %d", kib), func(t *testing.T) {
			limit := "unlimited"
			if kib > 0 {
				limit = fmt.Sprint(kib)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			cmd := exec.CommandContext(ctx, sh, "-c", `ulimit -v "$0" && exec "$@"`, limit, bin, "lint", "--fail-on", "never", api)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			code := cmd.ProcessState.ExitCode()
			switch {
			case ctx.Err() != nil:
				t.Fatalf("a hang under ulimit -v %s", limit)
			case code == ExitOK && strings.Contains(stdout.String(), "in 1 file"):
			case code == ExitInput && kib > 0 && runtimeDeath.MatchString(stderr.String()):
				t.Logf("the runtime ran out of memory: %s", strings.SplitN(stderr.String(), "\n", 2)[0])
			default:
				t.Errorf("exit %d (%v), want 0 or the runtime's exit 2\nstdout: %.300s\nstderr: %.600s", code, err, stdout.String(), stderr.String())
			}
		})
	}
}

// largeDefinition is a valid OpenAPI document of n operations, each with
// an API Gateway integration: about 400 bytes an operation.
func largeDefinition(n int) []byte {
	var b bytes.Buffer
	b.WriteString("openapi: 3.0.1\ninfo: {title: large, version: '1'}\nx-amazon-apigateway-binary-media-types: [image/png]\npaths:\n")
	for i := range n {
		fmt.Fprintf(&b, "  /items/%d/{id}:\n    get:\n      parameters: [{name: id, in: path, required: true, schema: {type: string}}]\n"+
			"      responses: {'200': {description: ok, content: {image/png: {schema: {type: string, format: binary}}}}}\n"+
			"      x-amazon-apigateway-integration: {type: aws_proxy, httpMethod: POST, uri: 'arn:aws:lambda:x:%d'}\n", i, i)
	}
	return b.Bytes()
}
