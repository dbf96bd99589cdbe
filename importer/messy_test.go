package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

func importString(t *testing.T, name, src string) *model.API {
	t.Helper()
	res := Bytes(name, []byte(src), "", Options{})
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
  "paths": {"/img": {"get": {
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
	produces := api.Operations[0].Responses[0].Produces
	if len(produces) != 2 || produces[0].Raw != "image/jpeg" || produces[1].Origin != "produces" {
		t.Errorf("an OpenAPI 3 document's Swagger 2 produces must be kept, with its origin: %+v", produces)
	}
}

func TestHTTPAPIDetection(t *testing.T) {
	cases := map[string]string{
		"payloadFormatVersion": `{"type": "aws_proxy", "payloadFormatVersion": "2.0"}`,
		"$ref":                 `{"$ref": "#/components/x-amazon-apigateway-integrations/fn"}`,
		"integrationSubtype":   `{"type": "aws_proxy", "integrationSubtype": "SQS-SendMessage"}`,
	}
	for why, integration := range cases {
		api := importString(t, "http.json", `{"openapi": "3.0.1", "info": {"title": "x", "version": "1"},
			"components": {"x-amazon-apigateway-integrations": {"fn": {"type": "aws_proxy", "uri": "arn"}}},
			"paths": {"/a": {"post": {"x-amazon-apigateway-integration": `+integration+`}}}}`)
		if api.Kind != model.HTTPAPI || !strings.Contains(api.KindEvidence.Reason, why) {
			t.Errorf("%s: kind %v (%s)", why, api.Kind, api.KindEvidence.Reason)
		}
		if why == "$ref" && api.Operations[0].Integration.URI.Raw != "arn" {
			t.Errorf("the $ref integration was not followed: %+v", api.Operations[0].Integration)
		}
	}
}

// $refs to files in the document's folder are followed; positions then
// point into the file the setting is written in.
func TestLocalFileRefs(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "shared"), 0o755)
	os.WriteFile(filepath.Join(dir, "api.yaml"), []byte(`openapi: 3.0.1
info: {title: x, version: "1"}
paths:
  /files:
    $ref: 'shared/paths.yaml#/files'
`), 0o644)
	os.WriteFile(filepath.Join(dir, "shared", "paths.yaml"), []byte(`files:
  put:
    requestBody: {$ref: '#/bodies/zip'}
    x-amazon-apigateway-integration: {type: aws, contentHandling: CONVERT_TO_TEXT}
bodies:
  zip: {content: {application/zip: {}}}
`), 0o644)
	res := File(filepath.Join(dir, "api.yaml"), Options{})
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
	res := Bytes("refs.yaml", []byte(`openapi: 3.0.1
info: {title: x, version: "1"}
paths:
  /loop: {$ref: '#/paths/~1loop'}
  /missing: {$ref: '#/components/pathItems/nope'}
  /stdin: {$ref: 'other.yaml#/a'}
`), "", Options{})
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
	res := Bytes("examples.yaml", []byte(`openapi: 3.0.1
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
`), "", Options{})
	if len(res.Diagnostics) != 1 || res.Diagnostics[0].Span.Start.Line != 7 {
		t.Errorf("want exactly the responses.default $ref refused, got %v", res.Diagnostics)
	}
}
