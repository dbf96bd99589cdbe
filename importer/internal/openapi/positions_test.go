package openapi_test

import (
	"testing"

	"github.com/apigw-oas/apigw-oas/importer"
	"github.com/apigw-oas/apigw-oas/model"
)

// The same definition in YAML and JSON, each with non-ASCII text on the
// lines before the settings, so that a column counted in bytes would be
// wrong. Expected positions were counted by hand.
const positionsYAML = `openapi: 3.0.1
info: {title: "Bücher", version: "1"}
x-amazon-apigateway-binary-media-types: ["ünï/x", image/png]
paths:
  /covers/{isbn}:
    get:
      summary: Umschlagbild – groß
      x-amazon-apigateway-integration: {type: aws, summary: "é", contentHandling: CONVERT_TO_TEXT,
        responses: {default: {statusCode: "200", description: "ök", contentHandling: CONVERT_TO_BINARY}}}
`

// The same settings in block style, the way most YAML is written.
const positionsBlockYAML = `openapi: 3.0.1
info:
  title: Bücher – Umschläge
  version: "1"
x-amazon-apigateway-binary-media-types:
  - "ünï/x"
  - image/png
paths:
  /covers/{isbn}:
    get:
      summary: Umschlagbild – groß
      x-amazon-apigateway-integration:
        type: aws
        contentHandling: CONVERT_TO_TEXT   # é
        responses:
          default:
            description: "ök – fine"
            statusCode: "200"
            contentHandling: CONVERT_TO_BINARY
`

const positionsJSON = `{
  "openapi": "3.0.1",
  "info": {"title": "Bücher", "version": "1"},
  "x-amazon-apigateway-binary-media-types": ["ünï/x", "image/png"],
  "paths": {"/covers/{isbn}": {"get": {"summary": "Umschlagbild – groß",
    "x-amazon-apigateway-integration": {"type": "aws", "summary": "é", "contentHandling": "CONVERT_TO_TEXT",
      "responses": {"default": {"statusCode": "200", "description": "ök", "contentHandling": "CONVERT_TO_BINARY"}}}}}}
}
`

func TestPositions(t *testing.T) {
	type want struct{ line, col, endCol int32 }
	cases := []struct {
		name                       string
		src                        string
		entry, handling, respHandl want
	}{
		// line 3: x-amazon-apigateway-binary-media-types: ["ünï/x", image/png] → image/png at 51-60
		// line 8: …{type: aws, summary: "é", contentHandling: CONVERT_TO_TEXT, → value at 83-98
		// line 9: …description: "ök", contentHandling: CONVERT_TO_BINARY}}} → value at 86-103
		{"a.yaml", positionsYAML, want{3, 51, 60}, want{8, 83, 98}, want{9, 86, 103}},
		// line 4:   "x-amazon-apigateway-binary-media-types": ["ünï/x", "image/png"] → 55-66
		// line 6:     "x-amazon-apigateway-integration": {… "contentHandling": "CONVERT_TO_TEXT", → 91-108
		// line 7:       …"description": "ök", "contentHandling": "CONVERT_TO_BINARY"}}}}}} → 94-113
		// line 7:   - image/png → 5-14; line 14: contentHandling: CONVERT_TO_TEXT → 26-41;
		// line 19: contentHandling: CONVERT_TO_BINARY → 30-47
		{"b.yaml", positionsBlockYAML, want{7, 5, 14}, want{14, 26, 41}, want{19, 30, 47}},
		{"a.json", positionsJSON, want{4, 55, 66}, want{6, 91, 108}, want{7, 94, 113}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := importer.Bytes(c.name, []byte(c.src), "", importer.Options{})
			if len(res.Diagnostics) > 0 || len(res.APIs) != 1 {
				t.Fatalf("import: %v", res.Diagnostics)
			}
			api := res.APIs[0]
			in := api.Operations[0].Integration
			check := func(what string, f model.Field[string], w want) {
				t.Helper()
				s := f.Span
				if s.File != c.name || s.Start.Line != w.line || s.Start.Col != w.col || s.End.Line != w.line || s.End.Col != w.endCol {
					t.Errorf("%s %q at %s-%s, want %d:%d-%d:%d", what, f.Raw, s, s.End, w.line, w.col, w.line, w.endCol)
				}
				if got := string(res.Doc.Src[s.Start.Offset:s.End.Offset]); got != f.Raw && got != `"`+f.Raw+`"` {
					t.Errorf("%s: offsets cover %q, not %q", what, got, f.Raw)
				}
			}
			check("binary media type", api.BinaryMediaTypes.Entries[1].Field, c.entry)
			check("integration contentHandling", asString(in.ContentHandling), c.handling)
			check("integration response contentHandling", asString(in.Responses[0].ContentHandling), c.respHandl)
			if in.ContentHandling.Value != model.ConvertToText || in.Responses[0].ContentHandling.Value != model.ConvertToBinary {
				t.Errorf("values: %v, %v", in.ContentHandling.Value, in.Responses[0].ContentHandling.Value)
			}
			wantPtr := "/paths/~1covers~1{isbn}/get/x-amazon-apigateway-integration/responses/default/contentHandling"
			if p := in.Responses[0].ContentHandling.Pointer; p != wantPtr {
				t.Errorf("pointer = %q, want %q", p, wantPtr)
			}
			if e, err := res.Doc.Root.LookupPointer(wantPtr); err != nil || e.Value.Start != in.Responses[0].ContentHandling.Span.Start {
				t.Errorf("the pointer does not lead back to the field: %v", err)
			}
		})
	}
}

func asString[T any](f model.Field[T]) model.Field[string] {
	return model.Field[string]{Value: f.Raw, Raw: f.Raw, Tag: f.Tag, Set: f.Set, Pointer: f.Pointer, Span: f.Span}
}
