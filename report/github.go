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

// githubShown is how many annotations of each kind (error, warning,
// notice) GitHub shows for a step; it keeps the rest in the log only.
const githubShown = 10

// writeGitHub writes one workflow command per unsuppressed finding, which
// GitHub Actions shows as an annotation on the file and line: errors first,
// then warnings, then infos, so the annotations GitHub shows are the most
// severe. When some will not show, a notice says how many and where to find
// them; it comes before the infos, as one of the notices GitHub shows.
func writeGitHub(w io.Writer, f Findings, _ Options) error {
	bySeverity := map[diag.Severity][]diag.Diagnostic{}
	for _, d := range f.Diagnostics {
		if !d.Suppressed() {
			bySeverity[d.Severity] = append(bySeverity[d.Severity], d)
		}
	}
	bw := bufio.NewWriter(w)
	for _, sev := range []diag.Severity{diag.Error, diag.Warning, diag.Info} {
		if sev == diag.Info {
			writeGitHubOverflow(bw, toolName(f), bySeverity)
		}
		for _, d := range bySeverity[sev] {
			fmt.Fprintf(bw, "::%s %s::%s\n", githubCommands[d.Severity], githubProperties(f, d), githubData.Replace(d.Message))
		}
	}
	return bw.Flush()
}

// writeGitHubOverflow writes the notice about findings GitHub will not
// annotate, if there are any. The notice takes one of the infos' places.
func writeGitHubOverflow(w io.Writer, tool string, bySeverity map[diag.Severity][]diag.Diagnostic) {
	hidden := func(shown int) (n int, parts []string) {
		for _, sev := range []diag.Severity{diag.Error, diag.Warning, diag.Info} {
			room := githubShown
			if sev == diag.Info {
				room = shown
			}
			if extra := len(bySeverity[sev]) - room; extra > 0 {
				n += extra
				parts = append(parts, plural(extra, sev.String()))
			}
		}
		return n, parts
	}
	if n, _ := hidden(githubShown); n == 0 {
		return
	}
	n, parts := hidden(githubShown - 1)
	msg := fmt.Sprintf("%s are not annotated (%s): GitHub shows %d annotations of each kind per step. "+
		"Every finding is in this step's log and the job summary, and in code scanning when a SARIF report (--output sarif=FILE) is uploaded.",
		plural(n, "finding"), strings.Join(parts, ", "), githubShown)
	fmt.Fprintf(w, "::notice title=%s::%s\n", githubProperty.Replace(tool), githubData.Replace(msg))
}

// githubProperties leaves out what is unknown: a column without a line, or
// an end column without a start column, means nothing to GitHub. GitHub
// places annotations by paths relative to the repository.
func githubProperties(f Findings, d diag.Diagnostic) string {
	var props []string
	add := func(key, value string) { props = append(props, key+"="+githubProperty.Replace(value)) }
	sp := d.Span
	if sp.File != "" {
		file, _ := f.repoPath(sp.File)
		add("file", file)
	}
	if sp.Start.Line > 0 {
		add("line", strconv.Itoa(int(sp.Start.Line)))
		hasCol := sp.Start.Col > 0
		if hasCol {
			add("col", strconv.Itoa(int(sp.Start.Col)))
		}
		if sp.End.Line >= sp.Start.Line {
			add("endLine", strconv.Itoa(int(sp.End.Line)))
			if hasCol && sp.End.Col > 0 {
				add("endColumn", strconv.Itoa(int(sp.End.Col)))
			}
		}
	}
	add("title", d.Rule)
	return strings.Join(props, ",")
}
