// The catalogue uses Unix devices (/dev/full, /dev/zero), FIFOs and signals.

//go:build unix

package cli

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// fullWriter is standard output on a full disk (/dev/full).
type fullWriter struct{}

func (fullWriter) Write([]byte) (int, error) { return 0, syscall.ENOSPC }

// TestHostileInput is the bad-input catalogue of issue 17: for every class
// of hostile input or hostile system, the exit code and the first words of
// the message. Exit 3 is never an answer, exit 0 only where the input is
// fine to print once escaped, and no output forges a line or drives the
// terminal.
func TestHostileInput(t *testing.T) {
	dir := t.TempDir()
	api := write(t, dir, "api.yaml", mustRead(t, "../fixtures/oas30-image-service.yaml"))
	link := filepath.Join(dir, "link.yaml")
	if err := os.Symlink("api.yaml", link); err != nil {
		t.Fatal(err)
	}
	baseline := write(t, dir, "baseline.json", []byte(`{"version":1,"findings":[]}`))
	ops := write(t, dir, "ops.json", []byte(`[{"op":"add","path":"/binaryMediaTypes/image~1gif"}]`))
	oldAPI := write(t, dir, "old.yaml", []byte(minimalAPI))
	badOps := func(name, op string) string {
		return write(t, dir, name, []byte("[\n  {\"op\": \"add\", \"path\": \"/binaryMediaTypes/image~1gif\"},\n  "+op+"\n]\n"))
	}

	injection := write(t, dir, "inject/api.yaml", []byte("openapi: 3.0.1\ninfo: {title: t, version: '1'}\n"+
		"x-amazon-apigateway-binary-media-types:\n  - \"image/png\\n::error file=x::forged\"\n  - \"a/\\e]0;title\\ab\\u202e\"\n"+
		"paths:\n  \"/a\\n::warning::forged\":\n    get:\n      responses: {'200': {description: ok}}\n"+
		"      x-amazon-apigateway-integration: {type: aws, httpMethod: POST, uri: 'arn:x', contentHandling: \"CONVERT_TO_TEXT\\e[2J\"}\n"))
	injectionOld := write(t, dir, "inject/old.yaml", bytes.Replace(mustRead(t, injection), []byte(`, contentHandling: "CONVERT_TO_TEXT\e[2J"`), nil, 1))

	walked := filepath.Join(dir, "walked")
	write(t, walked, "api.yaml", mustRead(t, "../fixtures/oas30-image-service.yaml"))
	if err := syscall.Mkfifo(filepath.Join(walked, "pipe.yaml"), 0o600); err != nil {
		t.Fatal(err)
	}
	for name, target := range map[string]string{"gone.yaml": "nowhere.yaml", "out.yaml": api} {
		if err := os.Symlink(target, filepath.Join(walked, name)); err != nil {
			t.Fatal(err)
		}
	}
	nothing := filepath.Join(dir, "nothing")
	write(t, nothing, "values.yaml", []byte("replicas: 2\n"))

	cases := []struct {
		name   string
		stdout io.Writer // nil: a buffer
		args   []string
		code   int
		words  string // the first words of the message on stderr, or of the line on stdout for exit 0
	}{
		// terminal and CI injection: definition text is printed escaped
		{"inspect of control characters", nil, []string{"inspect", injection}, ExitOK, `  binary media types: image/png\n::error file=x::forged (4:5), a/\x1b]0;title\ab\u202e (5:5)`},
		{"diff of control characters", nil, []string{"diff", oldAPI, injection}, ExitOK, `  add /binaryMediaTypes/image~1png\n::error file=x::forged`},
		{"diff of a path with control characters", nil, []string{"diff", injectionOld, injection}, ExitOK, `PATCH /restapis/{restapi_id}/resources/{resource_id}/methods/GET/integration   (GET /a\n::warning::forged)`},

		// write errors on standard output
		{"inspect text to a full disk", fullWriter{}, []string{"inspect", api}, ExitInput, "apigw-oas: cannot write standard output"},
		{"inspect json to a full disk", fullWriter{}, []string{"inspect", "--format", "json", api}, ExitInput, "apigw-oas: cannot write standard output"},
		{"lint text to a full disk", fullWriter{}, []string{"lint", api}, ExitInput, "apigw-oas: cannot write standard output"},
		{"lint sarif to a full disk", fullWriter{}, []string{"lint", "--format", "sarif", api}, ExitInput, "apigw-oas: cannot write standard output"},
		{"diff text to a full disk", fullWriter{}, []string{"diff", oldAPI, api}, ExitInput, "apigw-oas: cannot write standard output"},
		{"diff json to a full disk", fullWriter{}, []string{"diff", "--format", "json", oldAPI, api}, ExitInput, "apigw-oas: cannot write standard output"},
		{"convert to a full disk", fullWriter{}, []string{"convert", api}, ExitInput, "apigw-oas: cannot write standard output"},
		{"patch to a full disk", fullWriter{}, []string{"patch", api, ops}, ExitInput, "apigw-oas: cannot write standard output"},
		{"explain to a full disk", fullWriter{}, []string{"explain", api, "--path", "/photos/{id}", "--method", "GET"}, ExitInput, "apigw-oas: cannot write standard output"},
		{"rules to a full disk", fullWriter{}, []string{"rules"}, ExitInput, "apigw-oas: cannot write standard output"},
		{"convert -o /dev/full", nil, []string{"convert", api, "-o", "/dev/full"}, ExitInput, "apigw-oas: cannot write /dev/full"},

		// an output that is an input
		{"lint --output over its input", nil, []string{"lint", api, "--output", "json=" + api}, ExitInput, "apigw-oas: --output json=" + api + " would overwrite the input"},
		{"lint --output over a link to its input", nil, []string{"lint", api, "--output", "json=" + link}, ExitInput, "apigw-oas: --output json=" + link + " would overwrite the input " + api},
		{"lint --output over a walked input", nil, []string{"lint", dir, "--output", "json=" + api}, ExitInput, "apigw-oas: --output json=" + api + " would overwrite the input"},
		{"lint --write-baseline over its input", nil, []string{"lint", api, "--write-baseline", api}, ExitInput, "apigw-oas: --write-baseline " + api + " would overwrite the input"},
		{"lint --write-baseline over --baseline", nil, []string{"lint", api, "--baseline", baseline, "--write-baseline", baseline}, ExitInput, "apigw-oas: --write-baseline " + baseline + " would overwrite the input"},
		// a definition split over several files
		{"convert --to oas2 of a split definition", nil, []string{"convert", "../fixtures/oas30-split/openapi.yaml", "--to", "oas2"}, ExitInput, `apigw-oas: ../fixtures/oas30-split/openapi.yaml:86:11: $ref "paths.yaml#/invoiceArchive" names another file`},
		{"convert -o of a split definition into another folder", nil, []string{"convert", "../fixtures/oas30-split/openapi.yaml", "-o", filepath.Join(dir, "x.json")}, ExitInput, "apigw-oas: -o " + filepath.Join(dir, "x.json") + `: $ref "paths.yaml#/invoiceArchive" is relative to ../fixtures/oas30-split`},

		// patch operations that would write a broken binary media type
		{"patch with an empty binary media type", nil, []string{"patch", api, badOps("empty.json", `{"op": "add", "path": "/binaryMediaTypes/"}`)}, ExitInput, "apigw-oas: " + filepath.Join(dir, "empty.json") + `:3:25: RestApi add /binaryMediaTypes/: "" is not a media type`},
		{"patch with a ~2 escape", nil, []string{"patch", api, badOps("tilde.json", `{"op": "add", "path": "/binaryMediaTypes/image~2png"}`)}, ExitInput, "apigw-oas: " + filepath.Join(dir, "tilde.json") + `:3:25: RestApi add /binaryMediaTypes/image~2png: "image~2png" is not escaped as a JSON pointer token`},
		{"patch replacing with an empty value", nil, []string{"patch", api, badOps("value.json", `{"op": "replace", "path": "/binaryMediaTypes/image~1gif", "value": ""}`)}, ExitInput, "apigw-oas: " + filepath.Join(dir, "value.json") + `:3:29: RestApi replace /binaryMediaTypes/image~1gif: value: "" is not a media type`},
		{"patch with a template for no media type", nil, []string{"patch", api, write(t, dir, "template.json", []byte(`[{"kind": "integration", "path": "/photos/{id}", "method": "GET", "patchOperations": [{"op": "add", "path": "/requestTemplates/", "value": "x"}]}]`))}, ExitInput, "apigw-oas: " + filepath.Join(dir, "template.json") + `:1:109: integration of GET /photos/{id} add /requestTemplates/: "" is not a media type`},
		{"patch with a syntax error in the operations", nil, []string{"patch", api, write(t, dir, "syntax.json", []byte("[{\"op\": \"add\",}]"))}, ExitInput, "apigw-oas: " + filepath.Join(dir, "syntax.json") + ":1:15: unexpected character"},

		// settings that were accepted silently or simulated
		{"explain --status -1", nil, []string{"explain", api, "--path", "/photos/{id}", "--method", "GET", "--accept", "image/png", "--status", "-1"}, ExitInput, "apigw-oas: --status -1: want an HTTP status code from 100 to 599"},
		{"explain --status 700", nil, []string{"explain", api, "--path", "/photos/{id}", "--method", "GET", "--accept", "image/png", "--status", "700"}, ExitInput, "apigw-oas: --status 700: want an HTTP status code"},
		{"an option of a rule that has none", nil, []string{"lint", api, "--config", write(t, dir, "options.yaml", []byte("rules:\n  media-type-escaped:\n    options: {strict: true}\n"))}, ExitInput, filepath.Join(dir, "options.yaml") + `:3:15: error: unknown option "strict": media-type-escaped has no options [config]`},

		// bounded memory: every file read goes through the size limit
		{"--baseline /dev/zero", nil, []string{"lint", api, "--baseline", "/dev/zero"}, ExitInput, "apigw-oas: --baseline /dev/zero: the file is larger than the 64 MiB size limit"},
		{"--baseline /dev/zero under --max-size", nil, []string{"lint", api, "--baseline", "/dev/zero", "--max-size", "1KiB"}, ExitInput, "apigw-oas: --baseline /dev/zero: the file is larger than the 1 KiB size limit"},
		{"patch operations from /dev/zero", nil, []string{"patch", api, "/dev/zero", "--max-size", "1KiB"}, ExitInput, "apigw-oas: /dev/zero: the file is larger than the 1 KiB size limit"},
		{"--max-size at the largest int64", nil, []string{"inspect", api, "--max-size", "9223372036854775807"}, ExitOK, "  binary media types: image/png (17:5), image/jpeg (18:5)"},

		// a folder walk reads only regular files inside the folder, and a
		// walk that finds nothing to lint is not a pass
		{"a walked dangling link and a link out of the folder", nil, []string{"lint", walked, "--fail-on", "warning"}, ExitFindings, "apigw-oas: notice: " + filepath.Join(walked, "gone.yaml") + ": a symbolic link to nothing (dangling); skipped\napigw-oas: notice: " + filepath.Join(walked, "out.yaml") + ": a symbolic link out of the walked folder"},
		{"a walked named pipe", nil, []string{"lint", walked, "--fail-on", "warning"}, ExitFindings, "apigw-oas: notice: " + filepath.Join(walked, "pipe.yaml") + ": a named pipe, not a regular file; skipped"},
		{"a folder with no definition", nil, []string{"lint", nothing}, ExitInput, "apigw-oas: no API definition in " + nothing + ": nothing was linted"},

		{"patch -o over its operations", nil, []string{"patch", api, ops, "-o", ops}, ExitInput, "apigw-oas: -o " + ops + " would overwrite the input"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			stdout := c.stdout
			if stdout == nil {
				stdout = &bytes.Buffer{}
			}
			var stderr bytes.Buffer
			code := Main(context.Background(), append([]string{"apigw-oas"}, c.args...), strings.NewReader(""), stdout, &stderr)
			message := stderr.String()
			if code == ExitOK {
				message = stdout.(*bytes.Buffer).String()
			}
			if code != c.code || !strings.Contains(message, c.words) {
				t.Errorf("exit %d, want %d\nstderr: %s\nwant the message to contain %q, got:\n%s", code, c.code, stderr.String(), c.words, message)
			}
			if buf, ok := stdout.(*bytes.Buffer); ok {
				assertNoInjection(t, buf.String()+stderr.String())
			}
			if strings.Contains(stderr.String(), "--help") {
				t.Errorf("a usage hint for an error that is not about usage:\n%s", stderr.String())
			}
		})
	}
	if got := mustRead(t, api); !bytes.Equal(got, mustRead(t, "../fixtures/oas30-image-service.yaml")) {
		t.Error("an input was overwritten")
	}
}

// Converting or patching a definition in place is documented and stays
// allowed.
func TestInPlaceConvertAndPatch(t *testing.T) {
	dir := t.TempDir()
	api := write(t, dir, "api.yaml", []byte(minimalAPI))
	ops := write(t, dir, "ops.json", []byte(`[{"op":"add","path":"/binaryMediaTypes/image~1gif"}]`))
	if code, _, stderr := run(t, "", "patch", api, ops, "-o", api); code != ExitOK {
		t.Fatalf("patch in place: exit %d\n%s", code, stderr)
	}
	if code, _, stderr := run(t, "", "convert", api, "-o", api); code != ExitOK {
		t.Fatalf("convert in place: exit %d\n%s", code, stderr)
	}
	if !bytes.Contains(mustRead(t, api), []byte("image/gif")) {
		t.Errorf("the patch is not in the file:\n%s", mustRead(t, api))
	}
	t.Chdir(dir)
	if code, stdout, stderr := run(t, "", "convert", api, "-o", "-"); code != ExitOK || !strings.Contains(stdout, "image/gif") {
		t.Errorf("-o - is standard output: exit %d\n%s%s", code, stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "-")); err == nil {
		t.Error("-o - wrote a file named -")
	}
}

// A destination that is not a regular file is written, not replaced: a
// FIFO stays a FIFO (as /dev/null stays a device), and a link stays a link
// to the file that is replaced.
func TestDestinationsThatAreNotRegularFiles(t *testing.T) {
	dir := t.TempDir()
	api := write(t, dir, "api.yaml", []byte(minimalAPI))

	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	reader, err := os.OpenFile(fifo, os.O_RDONLY|syscall.O_NONBLOCK, 0) // so opening it to write does not block
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	if code, _, stderr := run(t, "", "convert", api, "-o", fifo, "--output-format", "json"); code != ExitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if info, err := os.Lstat(fifo); err != nil || info.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the FIFO was replaced: %v %v", info.Mode(), err)
	}
	got, _ := io.ReadAll(reader)
	if !bytes.Contains(got, []byte(`"openapi": "3.0.1"`)) {
		t.Errorf("the FIFO got %q", got)
	}

	target := write(t, dir, "target.yaml", []byte("old\n"))
	link := filepath.Join(dir, "link.yaml")
	if err := os.Symlink("target.yaml", link); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := run(t, "", "convert", api, "-o", link); code != ExitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced by a file")
	}
	if !bytes.Contains(mustRead(t, target), []byte("openapi: 3.0.1")) {
		t.Errorf("the link's target was not written: %q", mustRead(t, target))
	}
	assertNoTempFiles(t, dir)
}

// A replaced file keeps its mode; a new one gets 0666 minus the umask.
func TestWrittenFileModes(t *testing.T) {
	dir := t.TempDir()
	api := write(t, dir, "api.yaml", []byte(minimalAPI))
	umask := syscall.Umask(0o022)
	defer syscall.Umask(umask)

	fresh := filepath.Join(dir, "fresh.yaml")
	if code, _, stderr := run(t, "", "convert", api, "-o", fresh); code != ExitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if info, _ := os.Stat(fresh); info.Mode().Perm() != 0o644 {
		t.Errorf("a new file has mode %v, want -rw-r--r-- (0666 minus umask 022)", info.Mode().Perm())
	}
	private := write(t, dir, "private.yaml", nil)
	if err := os.Chmod(private, 0o640); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := run(t, "", "convert", api, "-o", private); code != ExitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if info, _ := os.Stat(private); info.Mode().Perm() != 0o640 {
		t.Errorf("a replaced file has mode %v, want it kept (-rw-r-----)", info.Mode().Perm())
	}
}

// SIGINT or SIGTERM while a file is being written removes the temporary
// file before the process ends.
func TestSignalRemovesTempFiles(t *testing.T) {
	dir := t.TempDir()
	raised := make(chan os.Signal, 1)
	defer func(saved func(os.Signal)) { raise = saved }(raise)
	raise = func(sig os.Signal) { raised <- sig }

	dest := filepath.Join(dir, "out.json")
	err := writeFileAtomically(dest, func(io.Writer) error {
		if names := tempNames(t, dir); len(names) != 1 || !strings.Contains(names[0], tempMarker) {
			t.Errorf("temporary files %v, want one named with %q", names, tempMarker)
		}
		syscall.Kill(os.Getpid(), syscall.SIGTERM)
		if sig := <-raised; sig != syscall.SIGTERM {
			t.Errorf("raised %v, want SIGTERM", sig)
		}
		return errors.New("interrupted")
	})
	if err == nil {
		t.Fatal("the write did not fail")
	}
	assertNoTempFiles(t, dir)
}

func tempNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			names = append(names, e.Name())
		}
	}
	return names
}

func assertNoTempFiles(t *testing.T, dir string) {
	t.Helper()
	if names := tempNames(t, dir); len(names) > 0 {
		t.Errorf("temporary files left: %v", names)
	}
}

// A definition split over several files converts between JSON and YAML:
// the check reads the output back from the definition's folder, where its
// relative $refs lead.
func TestConvertSplitDefinition(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../fixtures/oas30-split")); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "openapi.json")
	code, _, stderr := run(t, "", "convert", filepath.Join(dir, "openapi.yaml"), "-o", out, "--check")
	if code != ExitOK || !strings.Contains(stderr, "same binary semantics (5 operations, 2 binary media types)") {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	code, stdout, stderr := run(t, "", "inspect", out)
	if code != ExitOK || !strings.Contains(stdout, "GET /invoices/archive/{month}") {
		t.Errorf("the converted definition lost the path item in paths.yaml: exit %d\n%s%s", code, stdout, stderr)
	}
}

// assertNoInjection fails when output holds a raw ESC or BEL, or a line
// that a CI runner would read as a workflow command.
func assertNoInjection(t *testing.T, out string) {
	t.Helper()
	if strings.ContainsAny(out, "\x1b\a\u202e") {
		t.Errorf("raw control characters in output:\n%q", out)
	}
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "::") {
			t.Errorf("a forged workflow command: %q", line)
		}
	}
}
