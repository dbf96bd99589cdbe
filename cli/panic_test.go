package cli

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/lint"
	"github.com/apigw-oas/apigw-oas/lint/rules"
)

// A panic in a worker goroutine is a bug of ours: it reaches Main's
// recover and is an internal error (exit 3) with the worker's stack, not
// the runtime's dump and exit 2 that reads as bad input. The panic comes
// from a rule added to rules.All, which lint's and review's workers run.
func TestWorkerPanicIsAnInternalError(t *testing.T) {
	broken := &lint.Rule{ID: "broken-rule", Severity: diag.Warning, Summary: "panics", Check: func(*lint.Pass) { panic("injected by the test") }}
	all := rules.All
	rules.All = append(slices.Clip(all), broken)
	t.Cleanup(func() { rules.All = all })

	for _, args := range [][]string{
		{"lint", "../fixtures"}, // many files, so every worker meets the panic
		{"review", "../fixtures/oas30-image-service.yaml", "../fixtures/oas30-image-service.yaml"},
	} {
		t.Run(args[0], func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := Main(context.Background(), append([]string{"apigw-oas"}, args...), strings.NewReader(""), &stdout, &stderr)
			want := "apigw-oas: internal error: injected by the test\nplease report it with the input that caused it\n"
			if code != ExitInternal || !strings.HasPrefix(stderr.String(), want) {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, ExitInternal, stderr.String())
			}
			if !strings.Contains(stderr.String(), "TestWorkerPanicIsAnInternalError.func1") {
				t.Errorf("the stack is not the worker's, where the rule panicked:\n%s", stderr.String())
			}
		})
	}
}
