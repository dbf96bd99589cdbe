package lint

import (
	"strings"
	"testing"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/importer"
	"github.com/apigw-oas/apigw-oas/source"
)

func add(ptr string, v any) diag.Edit { return diag.Edit{Op: diag.EditAdd, Pointer: ptr, Value: v} }
func rm(ptr string) diag.Edit         { return diag.Edit{Op: diag.EditRemove, Pointer: ptr} }
func set(ptr string, v any) diag.Edit { return diag.Edit{Op: diag.EditReplace, Pointer: ptr, Value: v} }

// TestFixBytes pins the bytes each kind of edit writes in each style: only
// the setting's bytes change, in the style around it.
func TestFixBytes(t *testing.T) {
	const bin = "x-amazon-apigateway-binary-media-types"
	cases := []struct {
		name, file, src string
		edits           []diag.Edit
		want            string // "" when no byte fix may be offered
	}{
		{"replace plain", "a.yaml", "a: image~1png # c\nb: 1\n", []diag.Edit{set("/a", "image/png")}, "a: image/png # c\nb: 1\n"},
		{"replace single-quoted", "a.yaml", "a: 'x'\n", []diag.Edit{set("/a", "it's")}, "a: 'it''s'\n"},
		{"replace double-quoted", "a.yaml", "a: \"x\"\n", []diag.Edit{set("/a", "*/*")}, "a: \"*/*\"\n"},
		{"replace plain needing quotes", "a.yaml", "a: x\n", []diag.Edit{set("/a", "*/*")}, "a: \"*/*\"\n"},
		{"replace block scalar", "a.yaml", "a: |\n  x\n", []diag.Edit{set("/a", "y")}, ""},
		{"remove block item", "a.yaml", "l:\n  - a\n  - b # b\n  - c\n", []diag.Edit{rm("/l/1")}, "l:\n  - a\n  - c\n"},
		{"remove last block item CRLF", "a.yaml", "l:\r\n- a\r\n- b\r\nz: 1\r\n", []diag.Edit{rm("/l/1")}, "l:\r\n- a\r\nz: 1\r\n"},
		{"remove block item with its comment", "a.yaml", "l:\n  - a\n  # b is for bees\n  # (two lines)\n  - b\n  - c\n", []diag.Edit{rm("/l/1")}, "l:\n  - a\n  - c\n"},
		{"remove block item with its comment CRLF", "a.yaml", "l:\r\n  - a\r\n  # b\r\n  - b\r\n", []diag.Edit{rm("/l/1")}, "l:\r\n  - a\r\n"},
		{"remove first block item with its comment", "a.yaml", "l:\n  # a\n  - a\n  - b\n", []diag.Edit{rm("/l/0")}, "l:\n  - b\n"},
		{"keep a comment a blank line separates", "a.yaml", "l:\n  - a\n  # about the list\n\n  - b\n  - c\n", []diag.Edit{rm("/l/1")}, "l:\n  - a\n  # about the list\n\n  - c\n"},
		{"keep the comment of the item above", "a.yaml", "l:\n  - a: 1\n    # more about a\n  - b\n", []diag.Edit{rm("/l/1")}, "l:\n  - a: 1\n    # more about a\n"},
		{"remove block key with its comment", "a.yaml", "m:\n  a: 1\n  # b\n  b: 2\n", []diag.Edit{rm("/m/b")}, "m:\n  a: 1\n"},
		{"remove only block item", "a.yaml", "l:\n  - a\nz: 1\n", []diag.Edit{rm("/l/0")}, "l: []\nz: 1\n"},
		{"remove flow item", "a.yaml", "l: [a, 'b', c]\n", []diag.Edit{rm("/l/1")}, "l: [a, c]\n"},
		{"remove last flow item", "a.yaml", "l: [a, b]\n", []diag.Edit{rm("/l/1")}, "l: [a]\n"},
		{"remove only flow item", "a.json", `{"l": ["a"]}`, []diag.Edit{rm("/l/0")}, `{"l": []}`},
		{"remove block key", "a.yaml", "m:\n  a: 1\n  b:\n    - x\n  c: 3\n", []diag.Edit{rm("/m/b")}, "m:\n  a: 1\n  c: 3\n"},
		{"remove json key", "a.json", "{\n  \"a\": 1,\n  \"b\": 2\n}\n", []diag.Edit{rm("/b")}, "{\n  \"a\": 1\n}\n"},
		{"append block item like siblings", "a.yaml", "l:\n    - \"a\"\nz: 1", []diag.Edit{add("/l/-", "b")}, "l:\n    - \"a\"\n    - \"b\"\nz: 1"},
		{"insert block item", "a.yaml", "l:\n- a\n- c\n", []diag.Edit{add("/l/1", "b")}, "l:\n- a\n- b\n- c\n"},
		{"append at end of file without newline", "a.yaml", "l:\n- a", []diag.Edit{add("/l/-", "b")}, "l:\n- a\n- b"},
		{"append flow item", "a.yaml", "l: [a,b]\n", []diag.Edit{add("/l/-", "c")}, "l: [a,b,c]\n"},
		{"append pretty json item", "a.json", "{\"l\": [\n    \"a\",\n    \"b\"\n]}", []diag.Edit{add("/l/-", "c")}, "{\"l\": [\n    \"a\",\n    \"b\",\n    \"c\"\n]}"},
		{"insert into empty flow list", "a.json", `{"l": []}`, []diag.Edit{add("/l/-", "c")}, `{"l": ["c"]}`},
		{"add block key", "a.yaml", "i:\n  type: aws\n  uri: x\nz: 1\n", []diag.Edit{add("/i/contentHandling", "CONVERT_TO_TEXT")}, "i:\n  type: aws\n  uri: x\n  contentHandling: CONVERT_TO_TEXT\nz: 1\n"},
		{"add key in list item", "a.yaml", "l:\n  - type: aws\n    uri: x\n", []diag.Edit{add("/l/0/c", "d")}, "l:\n  - type: aws\n    uri: x\n    c: d\n"},
		{"add json key", "a.json", "{\n  \"type\": \"aws\"\n}", []diag.Edit{add("/contentHandling", "CONVERT_TO_TEXT")}, "{\n  \"type\": \"aws\", \"contentHandling\": \"CONVERT_TO_TEXT\"\n}"},
		{"add json key like siblings", "a.json", "{\n  \"a\": 1,\n  \"b\": 2\n}", []diag.Edit{add("/c", "x")}, "{\n  \"a\": 1,\n  \"b\": 2,\n  \"c\": \"x\"\n}"},
		{"add root list, compact style", "a.yaml", "openapi: 3.0.1\npaths:\n  /a:\n    get:\n      tags:\n      - x\n", []diag.Edit{add("/"+bin, []string{"image/png", "*/*"})},
			"openapi: 3.0.1\npaths:\n  /a:\n    get:\n      tags:\n      - x\n" + bin + ":\n- image/png\n- \"*/*\"\n"},
		{"add flow key with list", "a.yaml", "{a: 1}\n", []diag.Edit{add("/b", []string{"x"})}, "{a: 1, b: [x]}\n"},
		{"keep BOM", "a.yaml", "\ufeffa: x\n", []diag.Edit{set("/a", "z")}, "\ufeffa: z\n"},
		{"edits in order", "a.yaml", "l:\n- a\n- b\n", []diag.Edit{set("/l/0", "x"), add("/l/1", "w")}, "l:\n- x\n- w\n- b\n"},
		{"alias target", "a.yaml", "a: &x [p]\nb: *x\n", []diag.Edit{add("/b/-", "q")}, ""},
		{"quoted word stays a string", "a.yaml", "a: x\n", []diag.Edit{set("/a", "true")}, "a: \"true\"\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := source.Parse(c.file, []byte(c.src))
			if err != nil {
				t.Fatal(err)
			}
			parse := func(src []byte) (*source.Document, error) { return source.Parse(c.file, src) }
			reps, got, err := FixBytes(doc, &diag.Fix{Edits: c.edits}, parse)
			if c.want == "" {
				if err == nil {
					t.Fatalf("a byte fix was offered: %q", got)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != c.want {
				t.Errorf("got\n%q\nwant\n%q", got, c.want)
			}
			if again := source.Apply([]byte(c.src), reps); string(again) != c.want {
				t.Errorf("the replacements give %q", again)
			}
		})
	}
}

func TestUnifiedDiff(t *testing.T) {
	before := "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\n"
	after := "a\nB\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl"
	want := "--- a/f\n+++ b/f\n@@ -1,5 +1,5 @@\n a\n-b\n+B\n c\n d\n e\n@@ -9,3 +9,4 @@\n i\n j\n k\n+l\n\\ No newline at end of file\n"
	if got := UnifiedDiff("f", []byte(before), []byte(after)); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if got := UnifiedDiff("f", []byte(before), []byte(before)); got != "" {
		t.Errorf("equal texts differ: %q", got)
	}
	if !strings.Contains(UnifiedDiff("f", nil, []byte("x\n")), "@@ -0,0 +1 @@\n+x\n") {
		t.Errorf("a new file: %q", UnifiedDiff("f", nil, []byte("x\n")))
	}
}

// TestFixBytesHCL: Terraform's attributes and jsonencode bodies, edited
// in the tree the importer builds, whose spans point into the .tf file.
func TestFixBytesHCL(t *testing.T) {
	const api = "resource \"aws_api_gateway_rest_api\" \"a\" {\n  name               = \"a\"\n  binary_media_types = [\"image/png\", \"image~1gif\"]\n  body = jsonencode({\n    openapi = \"3.0.1\"\n    info    = { title = \"a\", version = \"1\" }\n    paths = {\n      \"/p\" = {\n        get = {\n          x-amazon-apigateway-integration = {\n            type       = \"aws\"\n            httpMethod = \"POST\"\n          }\n        }\n      }\n    }\n  })\n}\n"
	const integration = "/resource/aws_api_gateway_rest_api/a/body/paths/~1p/get/x-amazon-apigateway-integration"
	cases := []struct {
		name  string
		edits []diag.Edit
		old   string
		new   string
	}{
		{"replace a tuple item", []diag.Edit{set("/resource/aws_api_gateway_rest_api/a/binary_media_types/1", "image/gif")}, `"image~1gif"`, `"image/gif"`},
		{"remove a tuple item", []diag.Edit{rm("/resource/aws_api_gateway_rest_api/a/binary_media_types/0")}, `["image/png", "image~1gif"]`, `["image~1gif"]`},
		{"append to a tuple", []diag.Edit{add("/resource/aws_api_gateway_rest_api/a/binary_media_types/-", "*/*")}, `"image~1gif"]`, `"image~1gif", "*/*"]`},
		{"add an attribute, aligned", []diag.Edit{add(integration+"/contentHandling", "CONVERT_TO_TEXT")},
			"            httpMethod = \"POST\"\n", "            httpMethod = \"POST\"\n            contentHandling = \"CONVERT_TO_TEXT\"\n"},
		{"remove an attribute", []diag.Edit{rm(integration + "/httpMethod")}, "            httpMethod = \"POST\"\n", ""},
		{"add a block attribute", []diag.Edit{add("/resource/aws_api_gateway_rest_api/a/description", "x")},
			"  })\n}", "  })\n  description = \"x\"\n}"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := importer.Bytes("main.tf", []byte(api), "", importer.Options{})
			if res.Doc == nil || len(res.Diagnostics) > 0 {
				t.Fatal(res.Diagnostics)
			}
			_, got, err := FixBytes(res.Doc, &diag.Fix{Edits: c.edits}, ParserFor(res, importer.Options{}))
			if err != nil {
				t.Fatal(err)
			}
			if want := strings.Replace(api, c.old, c.new, 1); string(got) != want {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
		})
	}
}
