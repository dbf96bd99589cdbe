package report

import (
	"encoding/xml"
	"testing"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/source"
)

// The JUnit shape as a consumer reads it, independent of the writer's types.
type parsedSuites struct {
	XMLName  xml.Name      `xml:"testsuites"`
	Tests    int           `xml:"tests,attr"`
	Failures int           `xml:"failures,attr"`
	Suites   []parsedSuite `xml:"testsuite"`
}

type parsedSuite struct {
	Name     string `xml:"name,attr"`
	Tests    int    `xml:"tests,attr"`
	Failures int    `xml:"failures,attr"`
	Cases    []struct {
		Name      string `xml:"name,attr"`
		Classname string `xml:"classname,attr"`
		File      string `xml:"file,attr"`
		Failure   *struct {
			Message string `xml:"message,attr"`
			Type    string `xml:"type,attr"`
			Text    string `xml:",chardata"`
		} `xml:"failure"`
		Skipped *struct {
			Message string `xml:"message,attr"`
		} `xml:"skipped"`
	} `xml:"testcase"`
}

func TestJUnitParsesBack(t *testing.T) {
	var got parsedSuites
	if err := xml.Unmarshal(render(t, "junit", sampleFindings(t), Options{}), &got); err != nil {
		t.Fatal(err)
	}
	want := []struct {
		name                     string
		tests, failures, skipped int
	}{{fileA, 5, 4, 1}, {fileB, 4, 3, 1}, {fileClean, 1, 0, 0}}
	if len(got.Suites) != len(want) || got.Tests != 10 || got.Failures != 7 {
		t.Fatalf("%d suites, %d tests, %d failures; want 3, 10, 7", len(got.Suites), got.Tests, got.Failures)
	}
	for i, w := range want {
		s := got.Suites[i]
		failures, skipped := 0, 0
		for _, c := range s.Cases {
			if c.Failure != nil {
				failures++
			}
			if c.Skipped != nil {
				skipped++
			}
		}
		if s.Name != w.name || s.Tests != w.tests || len(s.Cases) != w.tests || s.Failures != w.failures || failures != w.failures || skipped != w.skipped {
			t.Errorf("suite %d: %q tests=%d (%d cases) failures=%d (%d) skipped %d; want %+v",
				i, s.Name, s.Tests, len(s.Cases), s.Failures, failures, skipped, w)
		}
	}
	if c := got.Suites[2].Cases[0]; c.Name != "apigw-oas" || c.Failure != nil || c.Skipped != nil {
		t.Errorf("clean file's case %+v, want one passing apigw-oas case", c)
	}
	// The escaped message comes back as written, line break included.
	f := got.Suites[0].Cases[4].Failure
	if f == nil || f.Type != "warning" || f.Text != sampleFindings(t).Diagnostics[4].String() {
		t.Errorf("failure %+v", f)
	}
}

// No two cases share suite, class and name (GitLab would show only one),
// and every case names its file relative to the repository.
func TestJUnitCasesAreUnique(t *testing.T) {
	at := source.Span{File: "api.yaml", Start: source.Pos{Line: 4, Col: 7}}
	f := Findings{Root: "/repo", WorkDir: "/repo/services", Files: []string{"api.yaml", "clean.yaml"}, Diagnostics: []diag.Diagnostic{
		{Rule: "r", Severity: diag.Error, Span: at, Message: "first"},
		{Rule: "r", Severity: diag.Error, Span: at, Message: "second"},
		{Rule: "r", Severity: diag.Warning, Span: at, Message: "third"},
		{Rule: "other", Severity: diag.Error, Span: at, Message: "another rule"},
	}}
	var got parsedSuites
	if err := xml.Unmarshal(render(t, JUnit, f, Options{}), &got); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	cases := 0
	for _, s := range got.Suites {
		for _, c := range s.Cases {
			cases++
			key := s.Name + "\x00" + c.Classname + "\x00" + c.Name
			if seen[key] {
				t.Errorf("two cases are %s / %s / %s", s.Name, c.Classname, c.Name)
			}
			seen[key] = true
			if want := "services/" + s.Name; c.File != want {
				t.Errorf("case %q: file %q, want %q", c.Name, c.File, want)
			}
		}
	}
	if cases != 5 {
		t.Errorf("%d cases, want 4 findings and 1 clean file", cases)
	}
}
