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
	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

func importString(t *testing.T, name, src string) *model.API {
	t.Helper()
	res := importer.Bytes(name, []byte(src), "", importer.Options{})
	if len(res.Diagnostics) > 0 || len(res.APIs) != 1 {
		t.Fatalf("import of %s: %v", name, res.Diagnostics)
	}
	return res.APIs[0]
}

// Real files are messy; each of these must import and keep what was written.
func TestMessySwagger2(t *testing.T) {
	api := importString(t, "messy.yaml", `swagger: 2.0
info: {title: Reports, version: 1.2}
consumes: [application/json]
produces: [application/json]
x-amazon-apigateway-binary-media-types: '${binary_media_types}'
paths:
  /reports:
    post:
      parameters: [{in: body, name: report, schema: {type: object}}]
      responses: {201: {description: created}}
    x-amazon-apigateway-any-method:
      produces: [application/pdf]
      responses: {200: {description: pdf}, 204: {description: none}}
      x-amazon-apigateway-integration:
        type: AWS
        uri: ${lambda_arn}
        passthroughBehavior: WHEN_NO_TEMPLATES
        responses:
          default: {statusCode: 200, contentHandling: convert_to_binary}
  /health:
    get:
      responses: {200: {description: ok}}
`)
	if api.Format != "openapi-2.0" || api.Version.Raw != "2.0" || api.Version.Tag != source.TagFloat {
		t.Errorf("version = %s %q (%s)", api.Format, api.Version.Raw, api.Version.Tag)
	}
	if d := api.BinaryMediaTypes.Declared; !d.Set || d.Tag != source.TagStr || d.Raw != "${binary_media_types}" || len(api.BinaryMediaTypes.Entries) != 0 {
		t.Errorf("a placeholder instead of a list must be kept as written: %+v", d)
	}
	post, anyOp, get := api.Operations[0], api.Operations[1], api.Operations[2]
	if post.Name() != "POST /reports" || len(post.Accepts) != 1 || post.Accepts[0].Origin != "root consumes" {
		t.Errorf("POST accepts %+v", post.Accepts)
	}
	if len(get.Accepts) != 0 {
		t.Errorf("root consumes must not apply to an operation without a body: %+v", get.Accepts)
	}
	if anyOp.Method != "ANY" || len(anyOp.Responses) != 2 || anyOp.Responses[0].Produces[0].Raw != "application/pdf" || len(anyOp.Responses[1].Produces) != 0 {
		t.Errorf("ANY responses %+v", anyOp.Responses)
	}
	in := anyOp.Integration
	if in.Type.Value != model.AWS || in.URI.Raw != "${lambda_arn}" || in.PassthroughBehavior.Value != model.WhenNoTemplates {
		t.Errorf("integration %+v", in)
	}
	r := in.Responses[0]
	if r.StatusCode.Raw != "200" || r.StatusCode.Tag != source.TagInt {
		t.Errorf("an integer statusCode must keep its text and type: %+v", r.StatusCode)
	}
	if r.ContentHandling.Value != model.ContentHandlingInvalid || r.ContentHandling.Raw != "convert_to_binary" {
		t.Errorf("an invalid enum must keep its text: %+v", r.ContentHandling)
	}
	if api.Kind != model.RESTAPI {
		t.Errorf("kind = %v", api.Kind)
	}
}

func TestOpenAPI3WithSwagger2FieldsAndMisplacedLists(t *testing.T) {
	api := importString(t, "mixed.json", `{
  "openapi": "3.0.1",
  "info": {"title": "x", "version": 3, "x-amazon-apigateway-binary-media-types": ["image/png"]},
  "x-amazon-apigateway-binary-media-types": ["image~1png", 42, {"Fn::Join": ["/", ["image", "gif"]]}],
  "consumes": ["application/xml"],
  "paths": {"/img": {"GET": {}, "get": {
    "produces": ["image/png"],
    "responses": {"200": {"description": "ok", "content": {"image/jpeg": {}}}},
    "x-amazon-apigateway-integration": {"type": "http_proxy", "x-amazon-apigateway-binary-media-types": []}
  }}}
}`)
	bmt := api.BinaryMediaTypes
	if len(bmt.Entries) != 3 || bmt.Entries[0].Raw != "image~1png" || bmt.Entries[1].Tag != source.TagInt || bmt.Entries[2].Tag != source.TagMap {
		t.Errorf("entries = %+v", bmt.Entries)
	}
	if len(bmt.Misplaced) != 2 || bmt.Misplaced[0].Pointer != "/info/x-amazon-apigateway-binary-media-types" ||
		bmt.Misplaced[1].Pointer != "/paths/~1img/get/x-amazon-apigateway-integration/x-amazon-apigateway-binary-media-types" {
		t.Errorf("misplaced = %+v", bmt.Misplaced)
	}
	op := api.Operations[0]
	if produces := op.Responses[0].Produces; len(produces) != 1 || produces[0].Raw != "image/jpeg" {
		t.Errorf("responses.content = %+v", produces)
	}
	if legacy := op.Legacy.Produces; len(legacy) != 1 || legacy[0].Raw != "image/png" || legacy[0].Origin != model.FromProduces {
		t.Errorf("an OpenAPI 3 document's Swagger 2 produces must be kept apart: %+v", op.Legacy)
	}
	if len(api.Legacy.Consumes) != 1 || api.Legacy.Consumes[0].Origin != model.FromRootConsumes {
		t.Errorf("root consumes of an OpenAPI 3 document: %+v", api.Legacy)
	}
}

func TestHTTPAPIDetection(t *testing.T) {
	cases := []struct {
		integration string
		kind        model.Kind
		why         string
	}{
		{`{"type": "aws_proxy", "payloadFormatVersion": "2.0"}`, model.HTTPAPI, "payloadFormatVersion"},
		{`{"$ref": "#/components/x-amazon-apigateway-integrations/fn"}`, model.HTTPAPI, "$ref to x-amazon-apigateway-integrations"},
		{`{"type": "aws_proxy", "integrationSubtype": "SQS-SendMessage"}`, model.HTTPAPI, "integrationSubtype"},
		{`{"$ref": "#/components/shared/fn"}`, model.RESTAPI, "no HTTP API setting"},
		{`{"type": "mock"}`, model.RESTAPI, "integration type mock exists only in REST APIs"},
	}
	for _, c := range cases {
		api := importString(t, "http.json", `{"openapi": "3.0.1", "info": {"title": "x", "version": "1"},
			"components": {"x-amazon-apigateway-integrations": {"fn": {"type": "aws_proxy", "uri": "arn"}}, "shared": {"fn": {}}},
			"paths": {"/a": {"post": {"x-amazon-apigateway-integration": `+c.integration+`}}}}`)
		if api.Kind != c.kind || !strings.Contains(api.KindEvidence.Reason, c.why) {
			t.Errorf("%s: kind %v (%s)", c.integration, api.Kind, api.KindEvidence.Reason)
		}
	}
	api := importString(t, "ref.json", `{"openapi": "3.0.1", "info": {"title": "x", "version": "1"},
		"components": {"x-amazon-apigateway-integrations": {"fn": {"type": "aws_proxy", "uri": "arn"}}},
		"paths": {"/a": {"post": {"x-amazon-apigateway-integration": {"$ref": "#/components/x-amazon-apigateway-integrations/fn"}}}}}`)
	if in := api.Operations[0].Integration; in.URI.Raw != "arn" || in.Ref.Raw == "" {
		t.Errorf("the $ref integration was not followed: %+v", in)
	}
}

// $refs to files in the document's folder are followed; positions then
// point into the file the setting is written in.
func TestLocalFileRefs(t *testing.T) {
	dir := t.TempDir()
	importtest.WriteFile(t, filepath.Join(dir, "api.yaml"), `openapi: 3.0.1
info: {title: x, version: "1"}
paths:
  /files:
    $ref: 'shared/paths.yaml#/files'
`)
	importtest.WriteFile(t, filepath.Join(dir, "shared", "paths.yaml"), `files:
  put:
    requestBody: {$ref: '#/bodies/zip%20archive'}
    x-amazon-apigateway-integration: {type: aws, contentHandling: CONVERT_TO_TEXT}
bodies:
  zip archive: {content: {application/zip: {}}}
`)
	res := importer.File(filepath.Join(dir, "api.yaml"), importer.Options{})
	if len(res.Diagnostics) > 0 {
		t.Fatal(res.Diagnostics)
	}
	op := res.APIs[0].Operations[0]
	if op.Name() != "PUT /files" || len(op.Accepts) != 1 || op.Accepts[0].Raw != "application/zip" {
		t.Fatalf("operation %s accepts %+v", op.Name(), op.Accepts)
	}
	ch := op.Integration.ContentHandling
	if !strings.HasSuffix(ch.Span.File, filepath.Join("shared", "paths.yaml")) || ch.Span.Start.Line != 4 || ch.Span.Start.Col != 67 {
		t.Errorf("contentHandling at %s", ch.Span)
	}
	if ch.Pointer != "/paths/~1files/put/x-amazon-apigateway-integration/contentHandling" {
		t.Errorf("pointer %q must name the place in the definition", ch.Pointer)
	}
}

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

// "$ref" inside example data is data; under responses.default it is a
// reference and a remote one is refused.
func TestRefsInExamplesAreData(t *testing.T) {
	res := importer.Bytes("examples.yaml", []byte(`openapi: 3.0.1
info: {title: x, version: "1"}
paths:
  /users:
    get:
      responses:
        default: {$ref: 'https://example.com/responses.yaml#/error'}
        "200":
          description: ok
          content:
            application/json:
              example: {$ref: 'https://api.example.com/users/1'}
              examples: {one: {value: {$ref: 'https://api.example.com/users/2'}}}
              schema: {type: object, default: {$ref: 'https://x.test/'}, enum: [{$ref: 'https://y.test/'}]}
`), "", importer.Options{})
	if len(res.Diagnostics) != 1 || res.Diagnostics[0].Span.Start.Line != 7 {
		t.Errorf("want exactly the responses.default $ref refused, got %v", res.Diagnostics)
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
