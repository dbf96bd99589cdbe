package openapi_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/apigw-oas/apigw-oas/importer"
	"github.com/apigw-oas/apigw-oas/importer/internal/importtest"
)

func TestBrokenRefs(t *testing.T) {
	res := importer.Bytes("refs.yaml", []byte(`openapi: 3.0.1
info: {title: x, version: "1"}
paths:
  /loop: {$ref: '#/paths/~1loop'}
  /missing: {$ref: '#/components/pathItems/nope'}
  /stdin: {$ref: 'other.yaml#/a'}
`), "", importer.Options{})
	want := []string{
		"refs.yaml:4:17: $ref chain longer than 32 links",
		`refs.yaml:5:20: $ref "#/components/pathItems/nope": /components does not exist`,
		`refs.yaml:6:18: $ref "other.yaml#/a" refused: a document read from standard input cannot refer to other files`,
	}
	if len(res.Diagnostics) != len(want) {
		t.Fatalf("diagnostics: %v", res.Diagnostics)
	}
	for i, d := range res.Diagnostics {
		if got := d.Span.String() + ": " + d.Message; !strings.HasPrefix(got, want[i]) {
			t.Errorf("got  %s\nwant %s", got, want[i])
		}
	}
}

// Symbolic links are resolved before the folder check: a link may lead
// into the folder, or the folder may be reached through a link, but no
// link may lead out of it. Special files are never opened.
func TestRefsThroughLinks(t *testing.T) {
	base := t.TempDir()
	api := filepath.Join(base, "api")
	importtest.WriteFile(t, filepath.Join(api, "real", "paths.yaml"), "p: {get: {x-amazon-apigateway-integration: {type: mock}}}\n")
	importtest.WriteFile(t, filepath.Join(base, "secret", "paths.yaml"), "p: {get: {x-amazon-apigateway-integration: {type: aws}}}\n")
	links := map[string]string{
		filepath.Join(api, "inside"):  filepath.Join(api, "real"),    // a link within the folder
		filepath.Join(api, "outside"): filepath.Join(base, "secret"), // a link out of it
		filepath.Join(base, "via"):    api,                           // the folder reached through a link
	}
	for link, target := range links {
		if err := os.Symlink(target, link); err != nil {
			t.Skipf("symbolic links unavailable: %v", err)
		}
	}
	if err := syscall.Mkfifo(filepath.Join(api, "pipe.yaml"), 0o644); err != nil {
		t.Skipf("named pipes unavailable: %v", err)
	}
	importtest.WriteFile(t, filepath.Join(api, "api.yaml"), `openapi: 3.0.1
info: {title: x, version: "1"}
paths:
  /in: {$ref: 'inside/paths.yaml#/p'}
  /out: {$ref: 'outside/paths.yaml#/p'}
  /pipe: {$ref: 'pipe.yaml#/p'}
  /missing: {$ref: 'nope.yaml#/p'}
`)
	for _, path := range []string{filepath.Join(api, "api.yaml"), filepath.Join(base, "via", "api.yaml")} {
		res := importer.File(path, importer.Options{})
		if ops := res.APIs[0].Operations; len(ops) != 1 || ops[0].Path != "/in" {
			t.Errorf("%s: operations %v", path, ops)
		}
		var got []string
		for _, d := range res.Diagnostics {
			got = append(got, d.Message)
		}
		want := []string{
			`$ref "outside/paths.yaml#/p" refused: it points outside the document's folder`,
			`$ref "pipe.yaml#/p" refused: it is not a regular file`,
			`$ref "nope.yaml#/p" refused: no such file`,
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: diagnostics\n%s\nwant\n%s", path, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

// Nested aliases share nodes in the tree; the import must not expand them,
// or a few hundred bytes would produce a model of hundreds of megabytes.
func TestNestedAliasesAreNotExpanded(t *testing.T) {
	src := "openapi: 3.0.1\ninfo: {title: x, version: '1'}\npaths: {}\n" +
		"x0: &a0 {x-amazon-apigateway-binary-media-types: [a/b], r: {$ref: 'https://x.test/a'}}\n"
	for i := 1; i <= 8; i++ { // 4^8 = 65,536 copies once expanded, within MaxNodes
		prev := "*a" + strconv.Itoa(i-1)
		src += "x" + strconv.Itoa(i) + ": &a" + strconv.Itoa(i) + " [" + strings.Repeat(prev+", ", 3) + prev + "]\n"
	}
	res := importer.Bytes("aliases.yaml", []byte(src), "", importer.Options{})
	if len(res.APIs) != 1 {
		t.Fatalf("not imported: %v", res.Diagnostics)
	}
	api := res.APIs[0]
	if n := len(api.BinaryMediaTypes.Misplaced); n != 1 {
		t.Errorf("%d misplaced lists, want the 1 written", n)
	}
	if len(res.Diagnostics) != 1 {
		t.Errorf("%d diagnostics, want the 1 remote $ref written: %v", len(res.Diagnostics), res.Diagnostics[:min(3, len(res.Diagnostics))])
	}
}
