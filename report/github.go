package report

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/apigw-oas/apigw-oas/diag"
)

var githubCommands = map[diag.Severity]string{
	diag.Error: "error", diag.Warning: "warning", diag.Info: "notice",
}

// The escaping of GitHub's runner (toolkit/core's command.ts): "%" first so
// the other escapes are not escaped again; property values also lose the
// ":" and "," that delimit them.
var (
	githubData     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	githubProperty = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// writeGitHub writes one workflow command per unsuppressed finding, which
// GitHub Actions shows as an annotation on the file and line.
func writeGitHub(w io.Writer, f Findings, _ Options) error {
	bw := bufio.NewWriter(w)
	for _, d := range f.Diagnostics {
		if d.Suppressed() {
			continue
		}
		fmt.Fprintf(bw, "::%s %s::%s\n", githubCommands[d.Severity], githubProperties(d), githubData.Replace(d.Message))
	}
	return bw.Flush()
}

// githubProperties leaves out what is unknown: a column without a line, or
// an end column without a start column, means nothing to GitHub.
func githubProperties(d diag.Diagnostic) string {
	var props []string
	add := func(key, value string) { props = append(props, key+"="+githubProperty.Replace(value)) }
	sp := d.Span
	if sp.File != "" {
		add("file", sp.File)
	}
	if sp.Start.Line > 0 {
		add("line", strconv.Itoa(sp.Start.Line))
		hasCol := sp.Start.Col > 0
		if hasCol {
			add("col", strconv.Itoa(sp.Start.Col))
		}
		if sp.End.Line >= sp.Start.Line {
			add("endLine", strconv.Itoa(sp.End.Line))
			if hasCol && sp.End.Col > 0 {
				add("endColumn", strconv.Itoa(sp.End.Col))
			}
		}
	}
	add("title", d.Rule)
	return strings.Join(props, ",")
}
