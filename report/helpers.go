package report

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/apigw-oas/apigw-oas/diag"
)

// defaultTool names the tool when Findings leave Tool empty, so no format
// ever writes an empty tool name.
const defaultTool = "apigw-oas"

func toolName(f Findings) string {
	if f.Tool == "" {
		return defaultTool
	}
	return f.Tool
}

// fileGroup is one file and its diagnostics, in the order of the Findings.
type fileGroup struct {
	File        string
	Diagnostics []diag.Diagnostic
}

// byFile groups f's diagnostics by file: the files of f.Files first, in
// their order and clean ones included, then any file that only a diagnostic
// names, so that no finding is lost when a caller leaves a file out of Files.
func byFile(f Findings) []fileGroup {
	index := map[string]int{}
	var groups []fileGroup
	at := func(file string) int {
		i, ok := index[file]
		if !ok {
			i = len(groups)
			index[file] = i
			groups = append(groups, fileGroup{File: file})
		}
		return i
	}
	for _, file := range f.Files {
		at(file)
	}
	for _, d := range f.Diagnostics {
		i := at(d.Span.File)
		groups[i].Diagnostics = append(groups[i].Diagnostics, d)
	}
	return groups
}

// partition separates the findings to show from the suppressed ones, which
// most formats only count or list apart.
func partition(ds []diag.Diagnostic) (active, suppressed []diag.Diagnostic) {
	for _, d := range ds {
		if d.Suppressed() {
			suppressed = append(suppressed, d)
		} else {
			active = append(active, d)
		}
	}
	return active, suppressed
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// summaryLine is the closing sentence of the text and markdown formats:
// "3 errors, 1 warning, 0 infos in 2 files (1 suppressed)".
func summaryLine(s Summary) string {
	var line string
	if s.Errors+s.Warnings+s.Infos == 0 {
		line = "no problems in " + plural(s.Files, "file")
	} else {
		line = fmt.Sprintf("%s, %s, %s in %s", plural(s.Errors, "error"),
			plural(s.Warnings, "warning"), plural(s.Infos, "info"), plural(s.Files, "file"))
	}
	if s.Suppressed > 0 {
		line += fmt.Sprintf(" (%d suppressed)", s.Suppressed)
	}
	return line
}

// lineBreaks turns every line break (CRLF, CR, LF) into a space. CRLF comes
// first so that it counts as one break, not two.
var lineBreaks = strings.NewReplacer("\r\n", " ", "\r", " ", "\n", " ")

// oneLine keeps a finding on one line for the formats read line by line
// (grep, editors' error parsers, problem matchers).
func oneLine(s string) string { return lineBreaks.Replace(s) }

// writeJSON writes v with a 2-space indent. HTML escaping is off: messages
// quote media types and templates, and "\u003c" would make them unreadable.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// writeXML writes the XML declaration and v with a 2-space indent.
func writeXML(w io.Writer, v any) error {
	out, err := xml.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s%s\n", xml.Header, out)
	return err
}
