package report

import (
	"encoding/xml"
	"testing"
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
		Name    string `xml:"name,attr"`
		Failure *struct {
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
