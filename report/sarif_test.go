package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/source"
)

// sarifSchemaFile is the OASIS SARIF 2.1.0 schema, kept beside the project
// (third-party files are not copied into it).
const sarifSchemaFile = "../../shared/schemas/sarif-schema-2.1.0.json"

// TestSARIFSchema validates the output against the OASIS SARIF 2.1.0 schema
// (draft-07), formats such as "uri" asserted.
func TestSARIFSchema(t *testing.T) {
	if _, err := os.Stat(sarifSchemaFile); err != nil {
		t.Skipf("the SARIF schema is not there: %v", err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	schema, err := c.Compile(sarifSchemaFile)
	if err != nil {
		t.Fatal(err)
	}
	outside := sampleFindings(t)
	outside.WorkDir = "/elsewhere" // every file outside the root: absolute file: URIs
	for name, f := range map[string]Findings{"sample": sampleFindings(t), "outside": outside, "clean": cleanFindings(), "empty": {}} {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(render(t, "sarif", f, Options{})))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := schema.Validate(doc); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func decodeSARIF(t *testing.T, f Findings) sarifRun {
	t.Helper()
	var log sarifLog
	if err := json.Unmarshal(render(t, "sarif", f, Options{}), &log); err != nil {
		t.Fatal(err)
	}
	return log.Runs[0]
}

// TestSARIFSemantics checks what the schema cannot: that indexes point to
// the right rule and suppressions and locations map as documented.
func TestSARIFSemantics(t *testing.T) {
	run := decodeSARIF(t, sampleFindings(t))
	if run.ColumnKind != "unicodeCodePoints" || run.AutomationDetails.ID != "apigw-oas/lint/" {
		t.Errorf("columnKind %q, automationDetails %+v", run.ColumnKind, run.AutomationDetails)
	}
	if d := run.Tool.Driver; d.Version != "1.2.3" || d.SemanticVersion != "1.2.3" {
		t.Errorf("driver version %q, semanticVersion %q", d.Version, d.SemanticVersion)
	}
	if base := run.OriginalURIBaseIDs[srcRoot].URI; base != "file:///repo/" {
		t.Errorf("%%SRCROOT%% is %q, want file:///repo/", base)
	}
	// syntax is among the sample's rules; config is added
	ids := map[string]bool{}
	for _, r := range run.Tool.Driver.Rules {
		ids[r.ID] = true
	}
	if len(run.Tool.Driver.Rules) != len(sampleRules)+1 || !ids[diag.RuleSyntax] || !ids[diag.RuleConfig] {
		t.Errorf("rules %v, want the sample's and config", ids)
	}
	kinds := map[string]string{}
	prints := map[string]bool{}
	for _, res := range run.Results {
		if res.RuleIndex == nil || run.Tool.Driver.Rules[*res.RuleIndex].ID != res.RuleID {
			t.Errorf("%s: ruleIndex %v does not point to its rule", res.RuleID, res.RuleIndex)
		}
		for _, s := range res.Suppressions {
			kinds[res.RuleID] = s.Kind
		}
		if p := res.PartialFingerprints[sarifFingerprint]; p == "" || prints[p] {
			t.Errorf("%s: fingerprint %q missing or shared", res.RuleID, p)
		} else {
			prints[p] = true
		}
		for i, rel := range res.RelatedLocations {
			if rel.ID != i+1 {
				t.Errorf("%s: related location %d has id %d", res.RuleID, i, rel.ID)
			}
		}
		for _, loc := range res.Locations {
			if a := loc.PhysicalLocation.ArtifactLocation; a.URIBaseID != srcRoot || !strings.HasPrefix(a.URI, "services/") {
				t.Errorf("%s: artifact %+v, want services/… relative to %%SRCROOT%%", res.RuleID, a)
			}
		}
	}
	if kinds["request-binary-unlisted"] != "inSource" || kinds["openapi-version-old"] != "external" {
		t.Errorf("suppression kinds %v", kinds)
	}
}

// A file gets the same URI whatever path named it: relative to where the
// tool ran, with "..", or absolute. A file outside the root is named by its
// absolute file: URI.
func TestSARIFArtifactURIs(t *testing.T) {
	cases := []struct {
		workDir, file, uri, base string
	}{
		{"/repo/services", "api/x.yaml", "services/api/x.yaml", srcRoot},
		{"/repo/services", "./api/../api/x.yaml", "services/api/x.yaml", srcRoot},
		{"/repo/other", "../services/api/x.yaml", "services/api/x.yaml", srcRoot},
		{"/", "/repo/services/api/x.yaml", "services/api/x.yaml", srcRoot},
		{"/repo", "/elsewhere/a b.yaml", "file:///elsewhere/a%20b.yaml", ""},
		{"/repo", "../repo2/x.yaml", "file:///repo2/x.yaml", ""},
	}
	for _, c := range cases {
		f := Findings{Root: "/repo", WorkDir: c.workDir}
		if got := sarifArtifactOf(f, c.file); got.URI != c.uri || got.URIBaseID != c.base {
			t.Errorf("%s from %s: %+v, want %s based on %q", c.file, c.workDir, got, c.uri, c.base)
		}
	}
}

// A fingerprint survives lines moving and the tool running from another
// folder; it changes with the rule, the file or the pointer, and two
// findings never share one.
func TestFingerprints(t *testing.T) {
	at := func(file string, line int32, pointer string) diag.Diagnostic {
		return diag.Diagnostic{Rule: "r", Severity: diag.Warning, Message: "m", Pointer: pointer,
			Span: source.Span{File: file, Start: source.Pos{Line: line, Col: 1}}}
	}
	base := fingerprints(Findings{Root: "/repo", WorkDir: "/repo", Diagnostics: []diag.Diagnostic{at("a.yaml", 3, "/x")}})[0]
	same := []Findings{
		{Root: "/repo", WorkDir: "/repo", Diagnostics: []diag.Diagnostic{at("a.yaml", 30, "/x")}},
		{Root: "/repo", WorkDir: "/tmp", Diagnostics: []diag.Diagnostic{at("/repo/a.yaml", 3, "/x")}},
	}
	for i, f := range same {
		if got := fingerprints(f)[0]; got != base {
			t.Errorf("case %d: fingerprint %s, want %s", i, got, base)
		}
	}
	other := fingerprints(Findings{Root: "/repo", WorkDir: "/repo", Diagnostics: []diag.Diagnostic{
		at("b.yaml", 3, "/x"), at("a.yaml", 3, "/y"), at("a.yaml", 3, "/x"), at("a.yaml", 4, "/x"),
	}})
	seen := map[string]bool{base: true}
	for i, p := range other {
		if i == 2 {
			if p != base {
				t.Errorf("the first of two equal findings: %s, want %s", p, base)
			}
			continue
		}
		if seen[p] {
			t.Errorf("finding %d shares fingerprint %s", i, p)
		}
		seen[p] = true
	}
}

// Beyond GitHub's limit the least severe findings are left out, and a
// notification says how many.
func TestSARIFResultLimit(t *testing.T) {
	ds := make([]diag.Diagnostic, sarifMaxResults+2)
	for i := range ds {
		ds[i] = diag.Diagnostic{Rule: "r", Severity: diag.Info, Message: fmt.Sprint(i)}
	}
	ds[len(ds)-1].Severity = diag.Error
	run := decodeSARIF(t, Findings{Diagnostics: ds})
	if len(run.Results) != sarifMaxResults || run.Results[len(run.Results)-1].Level != "error" {
		t.Fatalf("%d results, the last %+v; want %d, the error kept", len(run.Results), run.Results[len(run.Results)-1], sarifMaxResults)
	}
	if len(run.Invocations) != 1 || len(run.Invocations[0].Notifications) != 1 ||
		!strings.HasPrefix(run.Invocations[0].Notifications[0].Message.Text, "2 of 25002 findings were left out") {
		t.Errorf("invocations %+v", run.Invocations)
	}
	if run := decodeSARIF(t, Findings{Diagnostics: ds[:10]}); run.Invocations != nil {
		t.Errorf("a notification without anything left out: %+v", run.Invocations)
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
