package report

import (
	"encoding/xml"
	"io"

	"github.com/apigw-oas/apigw-oas/diag"
)

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr,omitempty"`
	Failure   *junitFailure `xml:"failure,omitempty"`
	Skipped   *junitSkipped `xml:"skipped,omitempty"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

type junitSkipped struct {
	Message string `xml:"message,attr"`
}

// writeJUnit makes each file a test suite and each finding a failed test
// case, so CI test reports list lint problems next to test failures. A file
// with no unsuppressed finding gets one passing case, or CI systems would
// show it as empty rather than clean; suppressed findings are skipped cases.
func writeJUnit(w io.Writer, f Findings, _ Options) error {
	out := junitSuites{Name: toolName(f)}
	for _, g := range byFile(f) {
		s := junitSuiteOf(g, toolName(f))
		out.Tests += s.Tests
		out.Failures += s.Failures
		out.Skipped += s.Skipped
		out.Suites = append(out.Suites, s)
	}
	return writeXML(w, out)
}

func junitSuiteOf(g fileGroup, tool string) junitSuite {
	s := junitSuite{Name: g.File}
	for _, d := range g.Diagnostics {
		c := junitCase{Name: d.Rule + " " + d.Span.String(), Classname: d.Rule}
		if d.Suppressed() {
			c.Skipped = &junitSkipped{Message: suppressedMessage(d.Suppression)}
			s.Skipped++
		} else {
			c.Failure = &junitFailure{Message: d.Message, Type: d.Severity.String(), Text: d.String()}
			s.Failures++
		}
		s.Cases = append(s.Cases, c)
	}
	if s.Failures == 0 {
		s.Cases = append(s.Cases, junitCase{Name: tool})
	}
	s.Tests = len(s.Cases)
	return s
}

func suppressedMessage(s *diag.Suppression) string {
	if s.Reason == "" {
		return "suppressed"
	}
	return "suppressed: " + s.Reason
}
