// The catalogue uses Unix devices (/dev/full, /dev/zero), FIFOs and signals.

//go:build unix

package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/apigw-oas/apigw-oas/lint"
)

// fullWriter is standard output on a full disk (/dev/full).
type fullWriter struct{}

func (fullWriter) Write([]byte) (int, error) { return 0, syscall.ENOSPC }

// hostileCase is one row of the bad-input catalogue.
type hostileCase = struct {
	name   string
	stdout io.Writer // nil: a buffer
	args   []string
	code   int
	words  string // the first words of the message on stderr, or of the line on stdout for exit 0
}

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
	config := write(t, dir, "config.yaml", []byte("rules: {}\n"))
	// a configuration found by name, over its own limit (lint.MaxConfigBytes)
	largeConfig := filepath.Join(dir, "large-config")
	write(t, largeConfig, "api.yaml", mustRead(t, "../fixtures/oas30-image-service.yaml"))
	write(t, largeConfig, ".apigw-oas.yaml", bytes.Repeat([]byte("#\n"), lint.MaxConfigBytes/2+1))
	if err := os.Mkdir(filepath.Join(largeConfig, ".git"), 0o755); err != nil { // the configuration's search stops here
		t.Fatal(err)
	}

	// configurations found by name that cannot be read: an error, not the defaults
	pipeConfig := foundConfig(t, dir, "pipe-config", func(path string) error { return syscall.Mkfifo(path, 0o600) })
	danglingConfig := foundConfig(t, dir, "dangling-config", func(path string) error { return os.Symlink("nowhere.yaml", path) })

	cases := []hostileCase{
		{"a configuration found that is a named pipe", nil, []string{"lint", pipeConfig}, ExitInput, filepath.Join(pipeConfig, ".apigw-oas.yaml") + ": error: a named pipe with nothing written to it [config]"},
		{"a configuration found that is a dangling link", nil, []string{"lint", danglingConfig}, ExitInput, filepath.Join(danglingConfig, ".apigw-oas.yaml") + ": error: a symbolic link to nothing (dangling) [config]"},

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
		{"a configuration found over its limit", nil, []string{"lint", largeConfig, "--max-size", "2MiB"}, ExitInput, filepath.Join(largeConfig, ".apigw-oas.yaml") + ": error: the file is larger than the 1 MiB size limit [config]"},
		{"--max-size at the largest int64", nil, []string{"inspect", api, "--max-size", "9223372036854775807"}, ExitOK, "  binary media types: image/png (17:5), image/jpeg (18:5)"},

		// a folder walk reads only regular files inside the folder, and a
		// walk that finds nothing to lint is not a pass
		{"a walked dangling link and a link out of the folder", nil, []string{"lint", walked, "--fail-on", "warning"}, ExitFindings, "apigw-oas: notice: " + filepath.Join(walked, "gone.yaml") + ": a symbolic link to nothing (dangling); skipped\napigw-oas: notice: " + filepath.Join(walked, "out.yaml") + ": a symbolic link out of the walked folder"},
		{"a walked named pipe", nil, []string{"lint", walked, "--fail-on", "warning"}, ExitFindings, "apigw-oas: notice: " + filepath.Join(walked, "pipe.yaml") + ": a named pipe, not a regular file; skipped"},
		{"a folder with no definition", nil, []string{"lint", nothing}, ExitInput, "apigw-oas: no API definition in " + nothing + ": nothing was linted"},

		{"patch -o over its operations", nil, []string{"patch", api, ops, "-o", ops}, ExitInput, "apigw-oas: -o " + ops + " would overwrite the input"},
		{"review -o over its new side", nil, []string{"review", oldAPI, api, "-o", link}, ExitInput, "apigw-oas: -o " + link + " would overwrite the input " + api},
		{"review -o over its configuration", nil, []string{"review", oldAPI, api, "--config", config, "-o", config}, ExitInput, "apigw-oas: -o " + config + " would overwrite the input " + config},

		// review compares two files or two folders, and something
		{"review of a file and a folder", nil, []string{"review", api, nothing}, ExitInput, "apigw-oas: review " + api + " " + nothing + ": one is a folder and the other is not"},
		{"review of two folders with no definition", nil, []string{"review", nothing, nothing}, ExitInput, "apigw-oas: no API definition in " + nothing + " or " + nothing + ": nothing was reviewed"},
	}
	cases = append(cases, badInputCases(t, dir, api, oldAPI, ops)...)
	cases = append(cases, badDestinationCases(t, dir, api, oldAPI, ops)...)
	checkHostile(t, cases)
	if got := mustRead(t, api); !bytes.Equal(got, mustRead(t, "../fixtures/oas30-image-service.yaml")) {
		t.Error("an input was overwritten")
	}
}

// checkHostile runs each case: its exit code, the first words of its
// message, no forged line and no usage hint for what is not about usage.
func checkHostile(t *testing.T, cases []hostileCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			stdout := c.stdout
			if stdout == nil {
				stdout = &bytes.Buffer{}
			}
			var stderr bytes.Buffer
			code := mainWithin(c.args, stdout, &stderr)
			message := stderr.String()
			if code == ExitOK {
				message = stdout.(*bytes.Buffer).String()
			} else if buf, ok := stdout.(*bytes.Buffer); ok {
				message += buf.String() // lint reports a definition it cannot read as a finding, on stdout
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

// mainWithin runs apigw-oas and ends the test binary if it has not ended
// after five minutes (the race detector on a busy machine takes 25 s to
// read --max-size of /dev/zero): a hang is the failure the catalogue exists
// to prevent. A hung run cannot be stopped, and the next one would share
// its flags, so the panic stops everything and shows where it waits.
func mainWithin(args []string, stdout, stderr io.Writer) int {
	done := make(chan int, 1)
	go func() {
		done <- Main(context.Background(), append([]string{"apigw-oas"}, args...), strings.NewReader(""), stdout, stderr)
	}()
	select {
	case code := <-done:
		return code
	case <-time.After(5 * time.Minute):
		panic("apigw-oas " + strings.Join(args, " ") + " hangs")
	}
}

// hostileFiles are the paths that are not a readable regular file, each
// with the message that names why: a FIFO nothing writes to, an endless
// device and a link to it (read up to --max-size 64KiB), a folder, a
// dangling link, and a path no one can read (under a regular file, so
// that root cannot read it either).
func hostileFiles(t *testing.T, dir string) []struct{ kind, path, message string } {
	t.Helper()
	bad := filepath.Join(dir, "bad")
	fifo := filepath.Join(bad, "fifo.yaml")
	if err := os.MkdirAll(filepath.Join(bad, "folder.yaml"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	for link, target := range map[string]string{"dangling.yaml": "nowhere.yaml", "zero.yaml": "/dev/zero"} {
		if err := os.Symlink(target, filepath.Join(bad, link)); err != nil {
			t.Fatal(err)
		}
	}
	write(t, bad, "file.txt", []byte("x\n"))
	return []struct{ kind, path, message string }{
		{"a FIFO", fifo, "a named pipe with nothing written to it"},
		{"/dev/zero", "/dev/zero", "the file is larger than the 64 KiB size limit"},
		{"a link to /dev/zero", filepath.Join(bad, "zero.yaml"), "the file is larger than the 64 KiB size limit"},
		{"a folder", filepath.Join(bad, "folder.yaml"), "is a directory, not a file"},
		{"a dangling link", filepath.Join(bad, "dangling.yaml"), "a symbolic link to nothing (dangling)"},
		{"an unreadable path", filepath.Join(bad, "file.txt", "api.yaml"), "cannot read: not a directory"},
	}
}

// badInputCases gives every hostile file to every command and flag that
// reads one. Each read goes through source.ReadFile: exit 2 at once, with
// the path and why, never a hang or a read without end.
func badInputCases(t *testing.T, dir, api, oldAPI, ops string) []hostileCase {
	explain := []string{"explain", api, "--path", "/photos/{id}", "--method", "GET", "--accept", "image/png"}
	var cases []hostileCase
	for _, f := range hostileFiles(t, dir) {
		definition := f.path + ": error: " + f.message + " [syntax]"
		// the configuration has its own limit, 1 MiB, whatever --max-size says
		config := f.path + ": error: " + strings.Replace(f.message, "64 KiB", "1 MiB", 1) + " [config]"
		readers := []struct {
			what  string
			args  []string
			words string
			walks bool // a folder given is walked (lint) or compared with a folder (review): other rows
		}{
			{"inspect FILE", []string{"inspect", f.path}, definition, false},
			{"convert IN", []string{"convert", f.path}, definition, false},
			{"diff OLD", []string{"diff", f.path, api}, definition, false},
			{"diff NEW", []string{"diff", api, f.path}, definition, false},
			{"patch FILE", []string{"patch", f.path, ops}, definition, false},
			{"patch OPS", []string{"patch", api, f.path}, "apigw-oas: " + f.path + ": " + f.message, false},
			{"explain FILE", []string{"explain", f.path, "--path", "/photos/{id}", "--method", "GET"}, definition, false},
			{"explain --body", slices.Concat(explain, []string{"--content-type", "image/png", "--body", f.path}), "apigw-oas: --body " + f.path + ": " + f.message, false},
			{"explain --integration-body", slices.Concat(explain, []string{"--integration-body", f.path}), "apigw-oas: --integration-body " + f.path + ": " + f.message, false},
			{"explain --lambda-output", slices.Concat(explain, []string{"--lambda-output", f.path}), "apigw-oas: --lambda-output " + f.path + ": " + f.message, false},
			{"lint --baseline", []string{"lint", api, "--baseline", f.path}, "apigw-oas: --baseline " + f.path + ": " + f.message, false},
			{"lint --config", []string{"lint", api, "--config", f.path}, config, false},
			{"review --config", []string{"review", oldAPI, api, "--config", f.path}, config, false},
			{"lint PATH", []string{"lint", f.path}, definition, true},
			{"review OLD", []string{"review", f.path, api}, definition, true},
			{"review NEW", []string{"review", oldAPI, f.path}, definition, true},
		}
		for _, r := range readers {
			if r.walks && f.kind == "a folder" {
				continue
			}
			cases = append(cases, hostileCase{name: r.what + " of " + f.kind, args: append(r.args, "--max-size", "64KiB"), code: ExitInput, words: r.words})
		}
	}
	return cases
}

// unwritableDestinations are what cannot be written: a full disk
// (/dev/full, where there is one), a path under a regular file (which
// fails for root too), a folder, and a FIFO nothing reads (whose open
// would wait for a reader); each with the reason the message gives.
func unwritableDestinations(t *testing.T, dir string) []struct{ kind, path, reason string } {
	t.Helper()
	bad := filepath.Join(dir, "unwritable")
	fifo := filepath.Join(bad, "fifo")
	if err := os.MkdirAll(filepath.Join(bad, "folder"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	write(t, bad, "file.txt", nil)
	destinations := []struct{ kind, path, reason string }{
		{"a path under a file", filepath.Join(bad, "file.txt", "out"), "not a directory"},
		{"a folder", filepath.Join(bad, "folder"), "is a directory"},
		{"a FIFO nothing reads", fifo, "a named pipe that nothing reads"},
	}
	if _, err := os.Stat("/dev/full"); err == nil {
		destinations = append(destinations, struct{ kind, path, reason string }{"/dev/full", "/dev/full", "no space left on device"})
	} else {
		t.Log("no /dev/full here: the full-disk destinations are not tried")
	}
	return destinations
}

// badDestinationCases aims every flag that names a file to write at each
// unwritable destination. Each fails the same way: exit 2, "cannot write
// PATH: reason", no usage hint.
func badDestinationCases(t *testing.T, dir, api, oldAPI, ops string) []hostileCase {
	var cases []hostileCase
	for _, d := range unwritableDestinations(t, dir) {
		writers := []struct {
			what string
			args []string
		}{
			{"convert -o", []string{"convert", api, "-o", d.path}},
			{"patch -o", []string{"patch", api, ops, "-o", d.path}},
			{"review -o", []string{"review", oldAPI, api, "-o", d.path}},
			{"lint --output", []string{"lint", api, "--output", "json=" + d.path}},
			{"lint --write-baseline", []string{"lint", api, "--write-baseline", d.path}},
		}
		for _, w := range writers {
			cases = append(cases, hostileCase{name: w.what + " to " + d.kind, args: w.args, code: ExitInput, words: "apigw-oas: cannot write " + d.path + ": " + d.reason})
		}
	}
	return cases
}

// The file GITHUB_STEP_SUMMARY names fails as any destination does, and
// says where its name came from.
func TestUnwritableStepSummary(t *testing.T) {
	dir := t.TempDir()
	api := write(t, dir, "api.yaml", []byte(minimalAPI))
	for _, d := range unwritableDestinations(t, dir) {
		t.Run(d.kind, func(t *testing.T) {
			t.Setenv("GITHUB_STEP_SUMMARY", d.path)
			var stderr bytes.Buffer
			code := mainWithin([]string{"lint", api, "--format", "github"}, io.Discard, &stderr)
			if want := "apigw-oas: cannot write " + d.path + " (GITHUB_STEP_SUMMARY): " + d.reason; code != ExitInput || !strings.HasPrefix(stderr.String(), want) {
				t.Errorf("exit %d, stderr:\n%s\nwant exit 2 and %q", code, stderr.String(), want)
			}
		})
	}
}

// TestHostileRevision is the catalogue for review --base: the revision is
// extracted within --max-size per file and revisionBudget times it in all,
// and a git that fails or is killed is an error with what git said. No
// run leaves its temporary folder behind.
func TestHostileRevision(t *testing.T) {
	realGit, err := exec.LookPath("git")
	if err != nil {
		t.Skip("git is not installed")
	}
	repo, tmp := t.TempDir(), t.TempDir()
	t.Chdir(repo)
	t.Setenv("TMPDIR", tmp)
	padding := strings.Repeat("# padding\n", 200) // 2,000 bytes
	write(t, repo, "api.yaml", []byte(minimalAPI))
	write(t, repo, "big.yaml", []byte(minimalAPI+padding))
	gitRun(t, "init", "-q")
	gitRun(t, "add", ".")
	gitRun(t, "commit", "-q", "-m", "a definition over 1 KiB")
	write(t, repo, "big.yaml", []byte(minimalAPI)) // within the limit in the working tree
	for i := range 20 {
		write(t, repo, fmt.Sprintf("data/%02d.txt", i), []byte(padding[:1000]))
	}
	gitRun(t, "add", ".")
	gitRun(t, "commit", "-q", "-m", "20,000 bytes of files within 1 KiB each")

	fakeGit := func(name, archive string) string {
		bin := filepath.Join(t.TempDir(), name)
		write(t, bin, "git", []byte("#!/bin/sh\nif [ \"$1\" = archive ]; then\n"+archive+"\nfi\nexec "+realGit+" \"$@\"\n"))
		if err := os.Chmod(filepath.Join(bin, "git"), 0o755); err != nil {
			t.Fatal(err)
		}
		return bin
	}
	failing := fakeGit("failing", `"`+realGit+`" "$@" | head -c 700; echo "fatal: the object store is corrupt" >&2; exit 128`)
	killed := fakeGit("killed", `"`+realGit+`" "$@" | head -c 700; kill -9 $$`)
	path := os.Getenv("PATH")

	for _, c := range []struct {
		path string // of the git to run
		hostileCase
	}{
		{"", hostileCase{"a file over --max-size at REV", nil, []string{"review", "--base", "HEAD~1", "big.yaml", "--max-size", "1KiB"}, ExitInput, "HEAD~1:big.yaml: error: the file is larger than the 1 KiB size limit"}},
		{"", hostileCase{"a walked file over --max-size at REV", nil, []string{"review", "--base", "HEAD~1", ".", "--max-size", "1KiB"}, ExitInput, "HEAD~1:big.yaml: error: the file is larger than the 1 KiB size limit"}},
		{"", hostileCase{"files over the budget at REV", nil, []string{"review", "--base", "HEAD", "api.yaml", "--max-size", "1KiB"}, ExitInput, "apigw-oas: --base HEAD: its files take more than 16 KiB, the most a revision may (16 × --max-size)"}},
		{"", hostileCase{"files within the budget at REV", nil, []string{"review", "--base", "HEAD", "api.yaml", "--max-size", "2KiB"}, ExitOK, "review: HEAD -> working tree"}},
		{failing, hostileCase{"a git archive that fails", nil, []string{"review", "--base", "HEAD", "api.yaml"}, ExitInput, "apigw-oas: --base HEAD: git archive failed: fatal: the object store is corrupt"}},
		{killed, hostileCase{"a git archive that is killed", nil, []string{"review", "--base", "HEAD", "api.yaml"}, ExitInput, "apigw-oas: --base HEAD: git archive failed: signal: killed"}},
	} {
		t.Setenv("PATH", c.path+string(os.PathListSeparator)+path)
		checkHostile(t, []hostileCase{c.hostileCase})
		if left, _ := os.ReadDir(tmp); len(left) > 0 {
			t.Errorf("%s: left %s in the temporary folder", c.name, left[0].Name())
		}
	}
}

// foundConfig makes a folder (a git root, where the search for a
// configuration stops) holding a definition and a .apigw-oas.yaml that
// create makes.
func foundConfig(t *testing.T, dir, name string, create func(path string) error) string {
	t.Helper()
	folder := filepath.Join(dir, name)
	write(t, folder, "api.yaml", mustRead(t, "../fixtures/oas30-image-service.yaml"))
	if err := os.Mkdir(filepath.Join(folder, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := create(filepath.Join(folder, ".apigw-oas.yaml")); err != nil {
		t.Fatal(err)
	}
	return folder
}
