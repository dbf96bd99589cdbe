package report

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// TestSARIFSchema validates the output against the OASIS SARIF 2.1.0 schema
// (draft-07), formats such as "uri" asserted.
func TestSARIFSchema(t *testing.T) {
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	schema, err := c.Compile("testdata/sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	for name, r := range map[string]Findings{"sample": sampleFindings(t), "clean": cleanFindings(), "empty": {}} {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(render(t, "sarif", r, Options{})))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := schema.Validate(doc); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// TestSARIFSemantics checks what the schema cannot: that indexes point to
// the right rule and suppressions and locations map as documented.
func TestSARIFSemantics(t *testing.T) {
	var log sarifLog
	if err := json.Unmarshal(render(t, "sarif", sampleFindings(t), Options{}), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if run.ColumnKind != "unicodeCodePoints" || len(run.Tool.Driver.Rules) != len(sampleRules) {
		t.Fatalf("columnKind %q, %d rules", run.ColumnKind, len(run.Tool.Driver.Rules))
	}
	kinds := map[string]string{}
	for _, res := range run.Results {
		if res.RuleIndex == nil || run.Tool.Driver.Rules[*res.RuleIndex].ID != res.RuleID {
			t.Errorf("%s: ruleIndex %v does not point to its rule", res.RuleID, res.RuleIndex)
		}
		for _, s := range res.Suppressions {
			kinds[res.RuleID] = s.Kind
		}
	}
	if kinds["request-binary-unlisted"] != "inSource" || kinds["openapi-version-old"] != "external" {
		t.Errorf("suppression kinds %v", kinds)
	}
}

func TestSARIFURI(t *testing.T) {
	for in, want := range map[string]string{
		"api/宠物-ü.yaml":   "api/%E5%AE%A0%E7%89%A9-%C3%BC.yaml",
		"a b/c%d#e?.json": "a%20b/c%25d%23e%3F.json",
		"a:b,c.yaml":      "a%3Ab%2Cc.yaml",
		"./x.yaml":        "./x.yaml",
	} {
		if got := sarifURI(in); got != want {
			t.Errorf("sarifURI(%q) = %q, want %q", in, got, want)
		}
	}
}
