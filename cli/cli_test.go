package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// run executes the CLI in-process and returns its exit code and output.
func run(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = Main(context.Background(), append([]string{"apigw-oas"}, args...), strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func write(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

const minimalAPI = "openapi: 3.0.1\ninfo: {title: t, version: '1'}\npaths: {}\n"

// Every kind of bad input exits 2 with a message naming the file and,
// where the problem has one, its line:column. None may panic (exit 3).
func TestBadInputExits2(t *testing.T) {
	dir := t.TempDir()
	var fetched atomic.Int32
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fetched.Add(1)
		w.Write([]byte(minimalAPI))
	}))
	defer server.Close()

	deep := strings.Repeat(`{"a":`, 100_000) + "1" + strings.Repeat("}", 100_000)
	bomb := "openapi: 3.0.1\na: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]\n"
	for i, prev := 0, "a"; i < 9; i++ {
		name := string(rune('b' + i))
		bomb += name + ": &" + name + " [" + strings.Repeat("*"+prev+",", 8) + "*" + prev + "]\n"
		prev = name
	}
	huge := filepath.Join(dir, "huge.json")
	if err := os.WriteFile(huge, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(huge, 65<<20); err != nil { // sparse: costs no disk
		t.Fatal(err)
	}
	outside := write(t, dir, "secret.yaml", []byte(minimalAPI))
	write(t, dir, "nested/paths.yaml", []byte("a:\n  get: {$ref: '"+server.URL+"/more.yaml'}\n"))
	refAPI := "openapi: 3.0.1\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    $ref: '%s'\n"

	cases := []struct {
		name string
		args []string
		want string // a substring of stderr
	}{
		{"empty file", []string{write(t, dir, "empty.yaml", nil)}, "empty.yaml: error: the file is empty [syntax]"},
		{"binary garbage", []string{write(t, dir, "garbage.json", []byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00"))}, "garbage.json: error: the file is binary, not text [syntax]"},
		{"invalid UTF-8", []string{write(t, dir, "latin1.yaml", []byte("openapi: 3.0.1\ninfo:\n  title: Caf\xe9\n"))}, "latin1.yaml:3:13: error: the file is not valid UTF-8 (byte 0xE9)"},
		{"truncated JSON", []string{write(t, dir, "trunc.json", []byte("{\n  \"openapi\": \"3.0.1\",\n  \"paths\": {\"/a\": {"))}, "trunc.json:3:20: error: unexpected end of input (the document is truncated)"},
		{"tab-indented YAML", []string{write(t, dir, "tabs.yaml", []byte("openapi: 3.0.1\npaths:\n\t/a: {}\n"))}, "tabs.yaml:3:1: error: invalid YAML: a tab character is used for indentation"},
		{"duplicate keys", []string{write(t, dir, "dup.yaml", []byte("openapi: 3.0.1\ninfo: {title: t, version: '1'}\npaths: {}\ninfo: {title: u, version: '2'}\n"))}, `dup.yaml:4:1: error: duplicate key "info" (first defined at 2:1)`},
		{"100,000 levels deep", []string{write(t, dir, "deep.json", []byte(deep))}, "deep.json:1:5001: error: nesting deeper than 1000 levels"},
		{"100,000 levels deep in YAML", []string{write(t, dir, "deep.yaml", []byte(strings.ReplaceAll(deep, `"a":`, "a: ")))}, "deep.yaml:1:4001: error: nesting deeper than 1000 levels"},
		{"alias bomb", []string{write(t, dir, "bomb.yaml", []byte(bomb))}, "bomb.yaml: error: the document expands to more than 1000000 values"},
		{"over the default size limit", []string{huge}, "huge.json: error: the file is larger than the 64 MiB size limit [syntax]"},
		{"over a --max-size limit", []string{"--max-size", "1KiB", write(t, dir, "big.yaml", []byte(minimalAPI+strings.Repeat("# padding\n", 200)))}, "big.yaml: error: the file is larger than the 1 KiB size limit"},
		{"a directory", []string{dir}, filepath.Base(dir) + ": error: is a directory, not a file [syntax]"},
		{"a missing path", []string{filepath.Join(dir, "nope.yaml")}, "nope.yaml: error: no such file [syntax]"},
		{"not an API definition", []string{write(t, dir, "other.yaml", []byte("name: my-app\nversion: 2\n"))}, `other.yaml: error: not an API definition`},
		{"remote $ref", []string{write(t, dir, "remote.yaml", []byte(strings.ReplaceAll(refAPI, "%s", server.URL+"/paths.yaml")))}, `remote.yaml:5:11: error: $ref "` + server.URL + `/paths.yaml" refused: it is remote`},
		{"remote $ref inside a referenced file", []string{write(t, dir, "nested/api.yaml", []byte(strings.ReplaceAll(refAPI, "%s", "paths.yaml#/a")))}, `paths.yaml:2:15: error: $ref "` + server.URL + `/more.yaml" refused: it is remote`},
		{"escaping $ref", []string{write(t, dir, "sub/escape.yaml", []byte(strings.ReplaceAll(refAPI, "%s", "../../etc/passwd")))}, `escape.yaml:5:11: error: $ref "../../etc/passwd" refused: it points outside the document's folder`},
		{"$ref to a sibling folder", []string{write(t, dir, "sub/sibling.yaml", []byte(strings.ReplaceAll(refAPI, "%s", "../"+filepath.Base(outside))))}, `refused: it points outside the document's folder`},
		{"absolute $ref", []string{write(t, dir, "abs.yaml", []byte(strings.ReplaceAll(refAPI, "%s", outside)))}, `refused: it is an absolute path`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, _, stderr := run(t, "", append([]string{"inspect"}, c.args...)...)
			if code != ExitInput {
				t.Errorf("exit code = %d, want %d\nstderr: %s", code, ExitInput, stderr)
			}
			if !strings.Contains(stderr, c.want) {
				t.Errorf("stderr = %q\nwant it to contain %q", stderr, c.want)
			}
		})
	}
	if n := fetched.Load(); n != 0 {
		t.Errorf("the remote $ref was fetched %d times", n)
	}
}

// A UTF-8 byte order mark and CRLF line endings are ordinary input.
func TestBOMAndCRLFWork(t *testing.T) {
	dir := t.TempDir()
	src := "\xef\xbb\xbfopenapi: 3.0.1\r\ninfo: {title: t, version: '1'}\r\nx-amazon-apigateway-binary-media-types:\r\n  - image/png\r\npaths: {}\r\n"
	code, stdout, stderr := run(t, "", "inspect", write(t, dir, "crlf.yaml", []byte(src)))
	if code != ExitOK || !strings.Contains(stdout, "binary media types: image/png (4:5)") {
		t.Errorf("exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
}

func TestUsage(t *testing.T) {
	cases := []struct {
		args     []string
		code     int
		inStdout string
		inStderr string
	}{
		{[]string{"--help"}, ExitOK, "inspect", ""},
		{[]string{"inspect", "--help"}, ExitOK, "--format", ""},
		{[]string{"version"}, ExitOK, "apigw-oas ", ""},
		{[]string{"inspect"}, ExitInput, "", "inspect needs at least one FILE"},
		{[]string{"frobnicate"}, ExitInput, "", `unknown command "frobnicate"`},
		{[]string{"inspect", "--no-such-flag", "x"}, ExitInput, "", "no-such-flag"},
		{[]string{"inspect", "--format", "xml", "x"}, ExitInput, "", `unknown format "xml"`},
		{[]string{"inspect", "--max-size", "lots", "x"}, ExitInput, "", `invalid size "lots"`},
	}
	for _, c := range cases {
		code, stdout, stderr := run(t, "", c.args...)
		if code != c.code || !strings.Contains(stdout, c.inStdout) || !strings.Contains(stderr, c.inStderr) {
			t.Errorf("%v: exit %d\nstdout: %s\nstderr: %s", c.args, code, stdout, stderr)
		}
	}
}

// Flags may follow the file arguments, which urfave/cli v2 did not allow.
func TestFlagsAfterArguments(t *testing.T) {
	code, stdout, stderr := run(t, minimalAPI, "inspect", "-", "--format", "json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var out struct {
		Version int `json:"version"`
		Files   []struct {
			File   string `json:"file"`
			Format string `json:"format"`
		} `json:"files"`
	}
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, stdout)
	}
	if out.Version != 1 || len(out.Files) != 1 || out.Files[0].File != "<stdin>" || out.Files[0].Format != "openapi-3.0" {
		t.Errorf("output = %+v", out)
	}
}

// explain's bad input exits 2 with a message (the scripts check more text).
func TestExplainBadInputExits2(t *testing.T) {
	dir := t.TempDir()
	notJSON := write(t, dir, "out.txt", []byte("<html>"))
	result := write(t, dir, "result.json", []byte(`"Pass"`))
	image := []string{"explain", "../fixtures/oas30-image-service.yaml"}
	proxy := []string{"explain", "../fixtures/oas30-cors-wildcard.json", "--path", "/{proxy+}", "--method", "GET"}
	cases := []struct {
		args []string
		want string
	}{
		{append(image, "--path", "/nope", "--method", "GET"), `has no path "/nope"`},
		{append(image, "--path", "/photos", "--method", "PATCH"), "has no PATCH operation at /photos"},
		{append(image, "--path", "/photos", "--method", "GET", "--client", "lynx"), `unknown client "lynx"`},
		{append(image, "--path", "/photos", "--method", "GET", "--body", filepath.Join(dir, "none")), "--body " + filepath.Join(dir, "none") + ": no such file"},
		{append(image, "--path", "/photos", "--method", "GET", "--body", dir), "--body " + dir + ": is a directory, not a file"},
		{append(proxy, "--client", "curl", "--lambda-output", notJSON), "is not JSON"},
		{append(image, "--path", "/photos", "--method", "GET", "--accept", "*/*", "--client", "curl"), "give --accept or --client, not both"},
		{append(proxy, "--lambda-error", "boom"), "--lambda-error simulates a non-proxy Lambda (aws) integration"},
		{append(image, "--path", "/photos/{id}", "--method", "GET", "--lambda-output", result, "--lambda-error", "boom"), "not both"},
		{append(image, "--path", "/photos/{id}", "--method", "GET", "--lambda-output", result), "not a Lambda function"},
		{[]string{"explain", "--path", "/a", "--method", "GET"}, "explain needs exactly one FILE"},
		{[]string{"explain", "../fixtures/oas30-image-service.yaml", "--method", "GET"}, `"path" not set`},
		{append(image, "--path", "/photos"), `"method" not set`},
		{[]string{"explain", filepath.Join(dir, "missing.yaml"), "--path", "/a", "--method", "GET"}, "no such file"},
	}
	for _, c := range cases {
		code, _, stderr := run(t, "", c.args...)
		if code != ExitInput || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", c.args[2:], code, stderr, c.want)
		}
	}
}

// lint walks folders, skips what holds no definition and hidden folders,
// and exits by the worst finding at or above --fail-on.
func TestLint(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "api/good.yaml", []byte(minimalAPI))
	write(t, dir, "api/warn.yaml", []byte(minimalAPI+"x-amazon-apigateway-binary-media-types: [image/jpg]\n"))
	write(t, dir, "api/notes.yaml", []byte("name: not an api\n"))                      // no definition: skipped quietly
	write(t, dir, "api/chart.yaml", []byte("name: {{ .Values.name }}\n  broken: [\n")) // nor parsed
	write(t, dir, "api/.hidden/bad.yaml", []byte(minimalAPI+"x-amazon-apigateway-binary-media-types: 1\n"))
	write(t, dir, "api/node_modules/pkg/bad.yaml", []byte(minimalAPI+"x-amazon-apigateway-binary-media-types: 1\n"))
	api := filepath.Join(dir, "api")

	code, stdout, stderr := run(t, "", "lint", api)
	if code != ExitOK || !strings.Contains(stdout, "warn.yaml:4:42: warning:") || !strings.Contains(stdout, "in 2 files") {
		t.Errorf("lint dir: exit %d\n%s%s", code, stdout, stderr)
	}
	if code, stdout, _ := run(t, "", "lint", "--fail-on", "warning", api); code != ExitFindings {
		t.Errorf("--fail-on warning: exit %d\n%s", code, stdout)
	}
	bad := write(t, dir, "bad.yaml", []byte(minimalAPI+"x-amazon-apigateway-binary-media-types: 1\n"))
	if code, _, _ := run(t, "", "lint", bad); code != ExitFindings {
		t.Errorf("an error finding: exit %d, want 1", code)
	}
	if code, _, _ := run(t, "", "lint", "--fail-on", "never", bad); code != ExitOK {
		t.Errorf("--fail-on never: exit %d, want 0", code)
	}
	broken := write(t, dir, "broken.json", []byte(`{"openapi": "3.0.1",`))
	if code, stdout, _ := run(t, "", "lint", broken, bad); code != ExitInput || !strings.Contains(stdout, "[syntax]") {
		t.Errorf("unreadable input: exit %d, want 2\n%s", code, stdout)
	}
	if code, stdout, _ := run(t, "", "lint", filepath.Join(api, "notes.yaml")); code != ExitInput || !strings.Contains(stdout, "not an API definition") {
		t.Errorf("a named file that is not a definition: exit %d\n%s", code, stdout)
	}
	if code, stdout, _ := run(t, "", "lint", "--only-definitions", filepath.Join(api, "notes.yaml"), filepath.Join(api, "warn.yaml")); code != ExitOK || !strings.Contains(stdout, "in 1 file") {
		t.Errorf("--only-definitions skips a named non-definition: exit %d\n%s", code, stdout)
	}
	brokenDef := write(t, dir, "api/broken-def.yaml", []byte("openapi: 3.0.1\npaths: [\n"))
	if code, stdout, _ := run(t, "", "lint", "--only-definitions", brokenDef); code != ExitInput || !strings.Contains(stdout, "[syntax]") {
		t.Errorf("--only-definitions still reports a broken definition: exit %d\n%s", code, stdout)
	}
	if code, _, _ := run(t, "", "lint", api); code != ExitInput {
		t.Errorf("a walk reports a broken definition: exit %d, want 2", code)
	}
	code, stdout, _ = run(t, minimalAPI+"x-amazon-apigateway-binary-media-types: [image/jpg]\n", "lint", "-", "--stdin-filename", "spec/api.yaml", "--format", "json")
	if code != ExitOK || !strings.Contains(stdout, `"file": "spec/api.yaml"`) {
		t.Errorf("stdin: exit %d\n%s", code, stdout)
	}
}

// --output writes extra formats in the same run, each file whole.
func TestLintOutputs(t *testing.T) {
	dir := t.TempDir()
	spec := write(t, dir, "api.yaml", []byte(minimalAPI+"x-amazon-apigateway-binary-media-types: [image/jpg]\n"))
	sarif, junit := filepath.Join(dir, "out.sarif"), filepath.Join(dir, "junit.xml")
	code, _, stderr := run(t, "", "lint", spec, "--output", "sarif="+sarif, "--output", "junit="+junit)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, f := range []string{sarif, junit} {
		data, err := os.ReadFile(f)
		if err != nil || !strings.Contains(string(data), "media-type-nonstandard") {
			t.Errorf("%s: %v\n%s", f, err, data)
		}
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".*.tmp"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left behind: %v", leftovers)
	}
	for _, bad := range [][]string{{"--output", "sarif"}, {"--output", "xml=x.xml"}, {"--fail-on", "fatal"}, {"--format", "yaml"}} {
		if code, _, _ := run(t, "", append([]string{"lint", spec}, bad...)...); code != ExitInput {
			t.Errorf("%v: exit %d, want 2", bad, code)
		}
	}
	if code, _, stderr := run(t, "", "lint", spec, "--output", "json="+filepath.Join(dir, "missing", "out.json")); code != ExitInput || !strings.HasPrefix(stderr, "apigw-oas: cannot write "+filepath.Join(dir, "missing", "out.json")+": no such file") {
		t.Errorf("unwritable --output: exit %d, %s", code, stderr)
	}
}

// The configuration is found from the working folder up; a broken one
// stops the run with exit 2; --write-baseline then --baseline shows only
// new findings; .gitignore'd files are not walked.
func TestLintConfigBaselineGitignore(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, ".gitignore", []byte("generated/\n*.tmp.yaml\n"))
	write(t, dir, "generated/api.yaml", []byte(minimalAPI+"x-amazon-apigateway-binary-media-types: 1\n"))
	write(t, dir, "specs/draft.tmp.yaml", []byte(minimalAPI+"x-amazon-apigateway-binary-media-types: 1\n"))
	write(t, dir, "specs/api.yaml", []byte(minimalAPI+"x-amazon-apigateway-binary-media-types: [image/jpg]\n"))
	write(t, dir, ".apigw-oas.yaml", []byte("fail-on: warning\n"))
	t.Chdir(filepath.Join(dir, "specs")) // the configuration is one folder up

	code, stdout, _ := run(t, "", "lint", "..")
	if code != ExitFindings || !strings.Contains(stdout, "in 1 file") || strings.Contains(stdout, "generated") {
		t.Fatalf("config fail-on warning and .gitignore: exit %d\n%s", code, stdout)
	}
	if code, _, _ := run(t, "", "lint", "..", "--write-baseline", filepath.Join(dir, "baseline.json")); code != ExitFindings {
		t.Fatalf("--write-baseline: exit %d", code)
	}
	code, stdout, _ = run(t, "", "lint", "..", "--baseline", filepath.Join(dir, "baseline.json"))
	if code != ExitOK || !strings.Contains(stdout, "no problems") {
		t.Errorf("--baseline hides recorded findings: exit %d\n%s", code, stdout)
	}
	write(t, dir, "specs/api.yaml", []byte(minimalAPI+"x-amazon-apigateway-binary-media-types: [image/jpg, audio/mp3]\n"))
	code, stdout, _ = run(t, "", "lint", "..", "--baseline", filepath.Join(dir, "baseline.json"))
	if code != ExitFindings || !strings.Contains(stdout, "audio/mp3") || strings.Contains(stdout, `"image/jpg"`) {
		t.Errorf("--baseline shows only new findings: exit %d\n%s", code, stdout)
	}

	write(t, dir, ".apigw-oas.yaml", []byte("fail-on: warning\nrules:\n  no-such-rule: off\n"))
	code, _, stderr := run(t, "", "lint", "..")
	if code != ExitInput || !strings.Contains(stderr, ".apigw-oas.yaml:3:3: error: unknown rule \"no-such-rule\"") {
		t.Errorf("broken configuration: exit %d\n%s", code, stderr)
	}
	if code, _, stderr := run(t, "", "lint", "..", "--config", filepath.Join(dir, "missing.yaml")); code != ExitInput || !strings.Contains(stderr, "missing.yaml: error: no such file [config]") {
		t.Errorf("--config of a missing file: exit %d\n%s", code, stderr)
	}
}
