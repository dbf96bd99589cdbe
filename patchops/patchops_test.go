package patchops

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/apigw-oas/apigw-oas/exporter"
	"github.com/apigw-oas/apigw-oas/importer"
	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

// base is the definition the seed examples start from: a Lambda (non
// proxy) integration that returns images, with templates.
const base = `openapi: 3.0.1
info: {title: images, version: "1"}
x-amazon-apigateway-binary-media-types: [image/jpeg]
paths:
  /images/{id}:
    get:
      responses:
        "200":
          description: an image
          content:
            image/jpeg: {}
      x-amazon-apigateway-integration:
        type: aws
        httpMethod: POST
        uri: arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:images/invocations
        passthroughBehavior: when_no_templates
        requestTemplates:
          application/json: '{"id": "$input.params(''id'')"}'
        responses:
          default:
            statusCode: "200"
            responseTemplates:
              image/jpeg: $input.body
`

func api(t *testing.T, name, text string) *model.API {
	t.Helper()
	res := importer.Bytes(name, []byte(text), "", importer.Options{})
	if len(res.APIs) != 1 || len(res.Diagnostics) > 0 {
		t.Fatalf("%s: %v", name, res.Diagnostics)
	}
	return res.APIs[0]
}

// seedCases are the changes binary-semantics.md §7 and the seed pages show,
// each as a change to base and the operations it needs.
var seedCases = []struct {
	name    string
	old     string // replacements applied to base for OLD ("" = base)
	new     [][2]string
	targets string
}{
	{
		name:    "add image/jpeg",
		old:     "x-amazon-apigateway-binary-media-types: [image/jpeg]\n",
		new:     [][2]string{{"x-amazon-apigateway-binary-media-types: [image/jpeg]\n", "x-amazon-apigateway-binary-media-types: [image/jpeg]\n"}},
		targets: `[{"kind":"restapi","resource":"/restapis/{restapi_id}","patchOperations":[{"op":"add","path":"/binaryMediaTypes/image~1jpeg"}]}]`,
	},
	{
		name:    "replace image/jpeg with application/octet-stream: remove and add, never replace",
		new:     [][2]string{{"[image/jpeg]", "[application/octet-stream]"}},
		targets: `[{"kind":"restapi","resource":"/restapis/{restapi_id}","patchOperations":[{"op":"remove","path":"/binaryMediaTypes/image~1jpeg"},{"op":"add","path":"/binaryMediaTypes/application~1octet-stream"}]}]`,
	},
	{
		name:    "CONVERT_TO_BINARY on the integration",
		new:     [][2]string{{"        passthroughBehavior: when_no_templates\n", "        passthroughBehavior: when_no_templates\n        contentHandling: CONVERT_TO_BINARY\n"}},
		targets: `[{"kind":"integration","resource":"/restapis/{restapi_id}/resources/{resource_id}/methods/GET/integration","path":"/images/{id}","method":"GET","patchOperations":[{"op":"replace","path":"/contentHandling","value":"CONVERT_TO_BINARY"}]}]`,
	},
	{
		name:    "CONVERT_TO_BINARY on the integration response",
		new:     [][2]string{{"            statusCode: \"200\"\n", "            statusCode: \"200\"\n            contentHandling: CONVERT_TO_BINARY\n"}},
		targets: `[{"kind":"integration-response","resource":"/restapis/{restapi_id}/resources/{resource_id}/methods/GET/integration/responses/200","path":"/images/{id}","method":"GET","status":"200","patchOperations":[{"op":"replace","path":"/contentHandling","value":"CONVERT_TO_BINARY"}]}]`,
	},
	{
		name:    "WHEN_NO_MATCH passthrough (the singular property)",
		new:     [][2]string{{"when_no_templates", "when_no_match"}},
		targets: `[{"kind":"integration","resource":"/restapis/{restapi_id}/resources/{resource_id}/methods/GET/integration","path":"/images/{id}","method":"GET","patchOperations":[{"op":"replace","path":"/passthroughBehavior","value":"WHEN_NO_MATCH"}]}]`,
	},
	{
		name: "CONVERT_TO_TEXT with a template for the binary type",
		new: [][2]string{
			{"        passthroughBehavior: when_no_templates\n", "        passthroughBehavior: when_no_templates\n        contentHandling: CONVERT_TO_TEXT\n"},
			{"        requestTemplates:\n", "        requestTemplates:\n          application/octet-stream: '{\"body\": \"$input.body\"}'\n"},
		},
		targets: `[{"kind":"integration","resource":"/restapis/{restapi_id}/resources/{resource_id}/methods/GET/integration","path":"/images/{id}","method":"GET","patchOperations":[{"op":"replace","path":"/contentHandling","value":"CONVERT_TO_TEXT"},{"op":"add","path":"/requestTemplates/application~1octet-stream","value":"{\"body\": \"$input.body\"}"}]}]`,
	},
}

func variant(t *testing.T, edits [][2]string) string {
	t.Helper()
	s := base
	for _, e := range edits {
		if !strings.Contains(s, e[0]) {
			t.Fatalf("base has no %q", e[0])
		}
		s = strings.Replace(s, e[0], e[1], 1)
	}
	return s
}

func TestDiffSeedExamples(t *testing.T) {
	for _, c := range seedCases {
		t.Run(c.name, func(t *testing.T) {
			oldText := base
			if c.old != "" {
				oldText = strings.Replace(base, c.old, "", 1)
			}
			newText := variant(t, c.new)
			got, err := json.Marshal(Diff(api(t, "old.yaml", oldText), api(t, "new.yaml", newText)))
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != c.targets {
				t.Errorf("got  %s\nwant %s", got, c.targets)
			}
		})
	}
}

// TestApplyDiffGivesNew: applying diff(OLD, NEW) to OLD gives a definition
// with NEW's binary semantics, for every seed change and every pair of
// them, in both directions.
func TestApplyDiffGivesNew(t *testing.T) {
	texts := []string{base, strings.Replace(base, "x-amazon-apigateway-binary-media-types: [image/jpeg]\n", "", 1)}
	for _, c := range seedCases {
		texts = append(texts, variant(t, c.new))
	}
	for i, oldText := range texts {
		for j, newText := range texts {
			oldRes := importer.Bytes("old.yaml", []byte(oldText), "", importer.Options{})
			newAPI := api(t, "new.yaml", newText)
			if err := Apply(oldRes.Doc.Root, Diff(oldRes.APIs[0], newAPI)); err != nil {
				t.Fatalf("%d→%d: %v", i, j, err)
			}
			patched := api(t, "patched.json", string(exporter.JSON(oldRes.Doc.Root)))
			if d := exporter.Differences(newAPI, patched); len(d) > 0 {
				t.Errorf("%d→%d: patched differs from new: %v", i, j, d)
			}
		}
	}
}

func TestUnsetContentHandlingIsMarked(t *testing.T) {
	withBinary := variant(t, seedCases[2].new)
	targets := Diff(api(t, "old.yaml", withBinary), api(t, "new.yaml", base))
	if len(targets) != 1 || len(targets[0].Notes) != 1 || *targets[0].Operations[0].Value != "" {
		t.Fatalf("unset contentHandling: %+v", targets)
	}
}

func TestApplyRefusesWhatItCannotPlace(t *testing.T) {
	root := importer.Bytes("a.yaml", []byte(base), "", importer.Options{}).Doc.Root
	for _, target := range []Target{
		{Kind: IntegrationTarget, Path: "/nope", Method: "GET", Operations: []Operation{{Op: "replace", Path: "/contentHandling", Value: value("CONVERT_TO_TEXT")}}},
		{Kind: IntegrationResponseTarget, Path: "/images/{id}", Method: "GET", Status: "404", Operations: []Operation{{Op: "replace", Path: "/contentHandling", Value: value("CONVERT_TO_TEXT")}}},
		{Kind: RestAPITarget, Operations: []Operation{{Op: "remove", Path: "/binaryMediaTypes/image~1gif"}}},
		{Kind: IntegrationTarget, Path: "/images/{id}", Method: "GET", Operations: []Operation{{Op: "replace", Path: "/uri", Value: value("x")}}},
	} {
		if err := Apply(root, []Target{target}); err == nil {
			t.Errorf("%+v applied", target)
		}
	}
}

// Operations that would write a broken media type are refused, naming the
// operation by its indexes; the indexed lists and mappings come out as
// plain ones would, holes closed and order kept.
func TestApplyValidatesAndKeepsOrder(t *testing.T) {
	bad := []struct {
		op   Operation
		want string
	}{
		{Operation{Op: "add", Path: "/binaryMediaTypes/"}, `"" is not a media type`},
		{Operation{Op: "add", Path: "/binaryMediaTypes/image~2png"}, `"image~2png" is not escaped as a JSON pointer token`},
		{Operation{Op: "add", Path: "/binaryMediaTypes/image~"}, `"image~" is not escaped`},
		{Operation{Op: "replace", Path: "/binaryMediaTypes/image~1jpeg", Value: value("")}, `value: "" is not a media type`},
	}
	for _, c := range bad {
		def := parse(t, base)
		err := Apply(def, []Target{{Kind: RestAPITarget, Operations: []Operation{{Op: "add", Path: "/binaryMediaTypes/image~1gif"}, c.op}}})
		var ae *ApplyError
		if !errors.As(err, &ae) || ae.Target != 0 || ae.Operation != 1 || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: err = %v, want an ApplyError at 0/1 saying %s", c.op, err, c.want)
		}
	}

	def := parse(t, base)
	err := Apply(def, []Target{
		{Kind: RestAPITarget, Operations: []Operation{
			{Op: "add", Path: "/binaryMediaTypes/image~1png"}, {Op: "remove", Path: "/binaryMediaTypes/image~1jpeg"},
			{Op: "add", Path: "/binaryMediaTypes/image~1jpeg"}, {Op: "add", Path: "/binaryMediaTypes/image~1png"},
		}},
		{Kind: IntegrationTarget, Path: "/images/{id}", Method: "GET", Operations: []Operation{
			{Op: "add", Path: "/requestTemplates/image~1png", Value: value("a")}, {Op: "remove", Path: "/requestTemplates/application~1json"},
			{Op: "replace", Path: "/requestTemplates/image~1png", Value: value("b")}, {Op: "add", Path: "/requestTemplates/text~1plain"},
		}},
	})
	if err != nil {
		t.Fatal(err)
	}
	got := string(exporter.JSON(def))
	for _, want := range []string{`"x-amazon-apigateway-binary-media-types": [
    "image/png",
    "image/jpeg"
  ]`, `"requestTemplates": {
            "image/png": "b",
            "text/plain": ""
          }`} {
		if !strings.Contains(got, want) {
			t.Errorf("want\n%s\nin\n%s", want, got)
		}
	}
}

func parse(t *testing.T, text string) *source.Node {
	t.Helper()
	doc, err := source.Parse("base.yaml", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return doc.Root
}
