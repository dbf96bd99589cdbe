package validate

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apigw-oas/apigw-oas/source"
)

func parse(t testing.TB, name, text string) *source.Node {
	t.Helper()
	doc, err := source.Parse(name, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return doc.Root
}

// TestEncoderWritesJSON: YAML values JSON spells differently still come
// out as valid JSON with the values a JSON reader expects.
func TestEncoderWritesJSON(t *testing.T) {
	root := parse(t, "a.yaml", "a: 0x1F\nb: 1_000\nc: .inf\nd: 2024-01-01\ne: \"tab\\there \\\"q\\\" \\\\ \\u0001\"\nf: ~\ng: True\nh: 1.5e3\ni: !Sub x${y}\n7: seven\nj: 123456789012345678901234567890\n")
	out := encoder{}.json(nil, root, "", "")
	if !json.Valid(out) {
		t.Fatalf("not JSON: %s", out)
	}
	var got map[string]any
	d := json.NewDecoder(bytes.NewReader(out))
	d.UseNumber()
	if err := d.Decode(&got); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"a": json.Number("31"), "b": json.Number("1000"), "c": ".inf", "d": "2024-01-01",
		"e": "tab\there \"q\" \\ \x01", "f": nil, "g": true, "h": json.Number("1.5e3"), "i": "x${y}", "7": "seven",
		"j": json.Number("123456789012345678901234567890"),
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: got %#v, want %#v", k, got[k], w)
		}
	}
}

// TestDecodeMatchesKin: decoding in parts, with example values left out,
// gives the document kin-openapi's own loader gives, but for the example
// values, on our fixtures, the corpus and GitHub's API description.
func TestDecodeMatchesKin(t *testing.T) {
	files, _ := filepath.Glob("../fixtures/oas3*.*")
	corpus, _ := filepath.Glob("../../shared/corpus/oas3-*")
	files = append(files, corpus...)
	files = append(files, "../../shared/bench/api.github.com.apigw.json")
	if len(files) < 2 {
		t.Fatal("no OpenAPI 3 files found")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if os.IsNotExist(err) {
				t.Skip("not available")
			} else if err != nil {
				t.Fatal(err)
			}
			root := parse(t, f, string(data))
			want, err := openapi3.NewLoader().LoadFromData(encoder{}.json(nil, root, "", ""))
			if err != nil {
				t.Skipf("kin-openapi cannot load it either: %v", err)
			}
			c := &checker3{enc: encoder{skipExamples: true}, renamed: map[string]string{}}
			got := c.decode(root)
			if len(c.problems) > 0 {
				t.Fatalf("problems decoding: %v", c.problems)
			}
			// Paths are renamed for {proxy+}; compare with the same names.
			for kinPath, written := range c.renamed {
				want.Paths.Set(kinPath, want.Paths.Value(written))
				want.Paths.Delete(written)
			}
			gotJSON, wantJSON := withoutExamples(t, got), withoutExamples(t, want)
			if !bytes.Equal(gotJSON, wantJSON) {
				i := 0
				for i < min(len(gotJSON), len(wantJSON)) && gotJSON[i] == wantJSON[i] {
					i++
				}
				from := max(0, i-200)
				t.Errorf("documents differ at byte %d:\n got …%.300s\nwant …%.300s", i, gotJSON[from:], wantJSON[from:])
			}
		})
	}
}

// TestOpenAPI3Pointers: a problem is reported where it is, in a path
// whose key needs escaping, and API Gateway's greedy {proxy+} is declared
// as "proxy".
func TestOpenAPI3Pointers(t *testing.T) {
	def := parse(t, "a.yaml", `openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /a~b/{proxy+}:
    post:
      parameters: [{name: other, in: path, required: true, schema: {type: string}}]
      responses: {"200": {description: ok}}
  /c/{proxy+}:
    get:
      parameters: [{name: proxy, in: path, required: true, schema: {type: string}}]
      responses: {"200": {description: ok}, "404": {}}
`)
	got := OpenAPI3(def, "", nil)
	want := map[string]string{
		"/paths/~1a~0b~1{proxy+}/post":                       "do not match (other, proxy)",
		"/paths/~1c~1{proxy+}/get/responses/404/description": "requires a description",
	}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for _, p := range got {
		if !strings.Contains(p.Message, want[p.Pointer]) || want[p.Pointer] == "" {
			t.Errorf("unexpected %q: %s", p.Pointer, p.Message)
		}
	}
}

// TestOpenAPI3Refs: a $ref that leads nowhere is reported where it is
// written, and the rest of the document is still validated (kin-openapi's
// loader alone would stop at it).
func TestOpenAPI3Refs(t *testing.T) {
	def := parse(t, "a.yaml", `openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /a:
    get:
      responses:
        "200": {$ref: "#/components/responses/Nope"}
  /b:
    get:
      responses:
        "200": {$ref: "other.yaml#/ok"}
  /c:
    get:
      responses:
        "200": {$ref: "https://example.com/r.yaml"}
  /d:
    get: {}
  /e:
    get:
      responses:
        "200":
          description: data that looks like a $ref
          content:
            application/scim+json:
              example: {meta: {$ref: "https://example.com/users/1"}}
            application/json:
              examples:
                summary-only: {summary: an example may have no value}
              schema:
                type: object
                default: {$ref: "#/not/a/ref"}
                x-sample: {$ref: "#/not/a/ref/either"}
`)
	files := func(path string) *source.Node {
		if path == filepath.FromSlash("/project/other.yaml") {
			return parse(t, "other.yaml", "ok: {description: fine}\n")
		}
		return nil
	}
	got := OpenAPI3(def, filepath.FromSlash("/project/a.yaml"), files)
	pointers := map[string]bool{}
	for _, p := range got {
		pointers[p.Pointer] = true
	}
	for _, want := range []string{"/paths/~1a/get/responses/200/$ref", "/paths/~1c/get/responses/200/$ref", "/paths/~1d/get/responses"} {
		if !pointers[want] {
			t.Errorf("no problem at %s in %v", want, got)
		}
	}
	if pointers["/paths/~1b/get/responses/200/$ref"] {
		t.Errorf("a $ref to a readable file is reported: %v", got)
	}
	if len(got) != 3 {
		t.Errorf("want 3 problems, got %v", got)
	}
}

// withoutExamples marshals a document with its example values replaced as
// the encoder replaces them.
func withoutExamples(t *testing.T, doc *openapi3.T) []byte {
	data, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	var strip func(v any, key, parent string)
	strip = func(v any, key, parent string) {
		switch v := v.(type) {
		case map[string]any:
			for k, item := range v {
				if item != nil && isExample(k, key, parent) {
					v[k] = 0
				} else {
					strip(item, k, key)
				}
			}
		case []any:
			for _, item := range v {
				strip(item, "", key)
			}
		}
	}
	strip(v, "", "")
	out, _ := json.Marshal(v)
	return out
}

// TestBracedNames: the names between braces, innermost, as Swagger 2.0's
// path templates are read.
func TestBracedNames(t *testing.T) {
	got := bracedNames("/a/{id}/{}/{x{y}/{proxy+}}")
	if want := []string{"id", "y", "proxy+"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestOpenAPI3RefTargets: an object a $ref leads to is checked once, where
// it is written: in the components, elsewhere in the document, or in
// another file, whose problems are reported on the $ref.
func TestOpenAPI3RefTargets(t *testing.T) {
	def := parse(t, "a.yaml", `openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /a:
    get:
      responses:
        "200": {$ref: "#/components/responses/Bad"}
        "201": {$ref: "#/x-shared/bad"}
        "202": {$ref: "#/x-shared/bad"}
        "203": {$ref: "other.yaml#/bad"}
        "204": {$ref: "#/x-shared/chain"}
components:
  responses:
    Bad: {content: {}}
x-shared:
  bad: {content: {}}
  chain: {description: d, headers: {H: {$ref: "#/x-shared/header"}}}
  header: {schema: {type: string}, nope: 1}
`)
	files := func(path string) *source.Node {
		if path == filepath.FromSlash("/project/other.yaml") {
			return parse(t, "other.yaml", "bad: {description: d, nope: 1}\n")
		}
		return nil
	}
	got := OpenAPI3(def, filepath.FromSlash("/project/a.yaml"), files)
	want := map[string]string{
		"/components/responses/Bad/description": "a response requires a description",
		"/x-shared/header/nope":                 `"nope" is not a field of a Header object`,
		"/x-shared/bad/description":             "a response requires a description",
		"/paths/~1a/get/responses/203/$ref":     `in "other.yaml#/bad" at /nope: "nope" is not a field of a Response object`,
	}
	if len(got) != len(want) {
		t.Errorf("want %d problems, got %v", len(want), got)
	}
	for _, p := range got {
		if w, ok := want[p.Pointer]; !ok || !strings.HasPrefix(p.Message, w) {
			t.Errorf("unexpected %q: %s", p.Pointer, p.Message)
		}
	}
}

// TestOpenAPI31: OpenAPI 3.1's own fields are accepted in 3.1 and
// reported in 3.0.
func TestOpenAPI31(t *testing.T) {
	const rest = `info: {title: t, version: '1', summary: s, license: {name: MIT, identifier: MIT}}
jsonSchemaDialect: https://spec.openapis.org/oas/3.1/dialect/base
webhooks:
  ping:
    post:
      responses: {'200': {description: ok}}
components:
  securitySchemes:
    tls: {type: mutualTLS}
  pathItems:
    P:
      get: {}
`
	if got := OpenAPI3(parse(t, "a.yaml", "openapi: 3.1.0\n"+rest), "", nil); len(got) > 0 {
		t.Errorf("3.1: %v", got)
	}
	got := OpenAPI3(parse(t, "a.yaml", "openapi: 3.0.3\npaths: {}\n"+rest), "", nil)
	var fields []string
	for _, p := range got {
		fields = append(fields, p.Pointer[strings.LastIndexByte(p.Pointer, '/')+1:])
	}
	want := "summary identifier jsonSchemaDialect webhooks type pathItems responses"
	if strings.Join(fields, " ") != want {
		t.Errorf("3.0: got problems at %v, want at %s:\n%v", fields, want, got)
	}
}

// TestPathItemRef: the operations of a path item a $ref leads to must
// match the path's variables, as the path's own.
func TestPathItemRef(t *testing.T) {
	def := parse(t, "a.yaml", `openapi: 3.1.0
info: {title: t, version: '1'}
paths:
  /a/{id}: {$ref: "#/components/pathItems/A"}
components:
  pathItems:
    A:
      get: {}
`)
	got := OpenAPI3(def, "", nil)
	if len(got) != 1 || got[0].Pointer != "/paths/~1a~1{id}/get" || !strings.Contains(got[0].Message, "do not match (id)") {
		t.Errorf("got %v", got)
	}
}

// TestPathWithoutVariables: a path parameter of a path without variables
// is reported.
func TestPathWithoutVariables(t *testing.T) {
	def := parse(t, "a.yaml", `openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /a:
    get:
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses: {'200': {description: ok}}
`)
	got := OpenAPI3(def, "", nil)
	if len(got) != 1 || !strings.Contains(got[0].Message, "do not match (id)") {
		t.Errorf("got %v", got)
	}
}
