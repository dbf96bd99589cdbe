package report

import (
	"encoding/xml"
	"io"
)

type checkstyleReport struct {
	XMLName xml.Name         `xml:"checkstyle"`
	Version string           `xml:"version,attr"`
	Files   []checkstyleFile `xml:"file"`
}

type checkstyleFile struct {
	Name   string            `xml:"name,attr"`
	Errors []checkstyleError `xml:"error"`
}

// checkstyleError's line is 0 for a finding about the whole file, as
// Checkstyle itself writes it; the column is left out when unknown.
type checkstyleError struct {
	Line     int    `xml:"line,attr"`
	Column   int    `xml:"column,attr,omitempty"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Source   string `xml:"source,attr"`
}

// writeCheckstyle writes the Checkstyle 4.3 XML that code review tools
// (reviewdog, Jenkins, SonarQube) import. Only files with unsuppressed
// findings appear.
func writeCheckstyle(w io.Writer, f Findings, _ Options) error {
	out := checkstyleReport{Version: "4.3"}
	for _, g := range byFile(f) {
		file := checkstyleFile{Name: g.File}
		for _, d := range g.Diagnostics {
			if d.Suppressed() {
				continue
			}
			file.Errors = append(file.Errors, checkstyleError{
				Line: int(d.Span.Start.Line), Column: int(d.Span.Start.Col),
				Severity: d.Severity.String(), Message: d.Message,
				Source: toolName(f) + "." + d.Rule,
			})
		}
		if len(file.Errors) > 0 {
			out.Files = append(out.Files, file)
		}
	}
	return writeXML(w, out)
}
