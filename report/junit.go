package report

import (
	"encoding/xml"
	"fmt"
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
	File      string        `xml:"file,attr"`
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
		file, _ := f.repoPath(g.File)
		s := junitSuiteOf(g, file, toolName(f))
		out.Tests += s.Tests
		out.Failures += s.Failures
		out.Skipped += s.Skipped
		out.Suites = append(out.Suites, s)
	}
	return writeXML(w, out)
}

// junitSuiteOf makes one file's suite. Case names are unique within it:
// GitLab keys cases by suite, class and name and shows one of those that
// share them, so a second finding of a rule at the same place is "(2)".
// file is the file relative to the repository, for GitLab's links.
func junitSuiteOf(g fileGroup, file, tool string) junitSuite {
	s := junitSuite{Name: g.File}
	seen := map[string]int{}
	for _, d := range g.Diagnostics {
		name := d.Rule + " " + d.Span.String()
		if seen[name]++; seen[name] > 1 {
			name += fmt.Sprintf(" (%d)", seen[name])
		}
		c := junitCase{Name: name, Classname: d.Rule, File: file}
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
		s.Cases = append(s.Cases, junitCase{Name: tool, File: file})
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
