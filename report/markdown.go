package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/apigw-oas/apigw-oas/diag"
)

// mdText makes plain text safe in a GitHub-flavoured Markdown table cell:
// Markdown's punctuation is backslash-escaped so that a message renders as
// written (a "*" or "<b>" in a message is text, not markup), "|" would end
// the cell and a line break the row, so breaks become <br>.
var mdText = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", `\<`, ">", `\>`, "&", `\&`, "~", `\~`, "|", `\|`,
	"\r\n", "<br>", "\r", "<br>", "\n", "<br>",
)

// MarkdownText is mdText for other Markdown writers (review's comment).
func MarkdownText(s string) string { return mdText.Replace(s) }

// writeMarkdown writes a report for a pull request comment: a heading, the
// summary, a table of the findings and the suppressed ones folded away.
func writeMarkdown(w io.Writer, f Findings, _ Options) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "## %s\n\n", MarkdownText(toolName(f)))
	active, suppressed := partition(f.Diagnostics)
	if len(active) == 0 {
		fmt.Fprint(bw, "No problems found.\n")
	} else {
		fmt.Fprintf(bw, "%s\n\n", MarkdownText(summaryLine(Summarize(f))))
		writeMarkdownFindings(bw, active)
	}
	if len(suppressed) > 0 {
		writeMarkdownSuppressed(bw, suppressed)
	}
	return bw.Flush()
}

func writeMarkdownFindings(w io.Writer, ds []diag.Diagnostic) {
	fmt.Fprint(w, "| Severity | Location | Rule | Message |\n| --- | --- | --- | --- |\n")
	for _, d := range ds {
		fmt.Fprintf(w, "| %s | %s | %s | %s |\n", d.Severity,
			MarkdownCode(d.Span.String()), MarkdownCode(d.Rule), MarkdownText(d.Message))
	}
}

func writeMarkdownSuppressed(w io.Writer, ds []diag.Diagnostic) {
	fmt.Fprintf(w, "\n<details>\n<summary>%s</summary>\n\n", plural(len(ds), "suppressed finding"))
	fmt.Fprint(w, "| Location | Rule | Message | Reason |\n| --- | --- | --- | --- |\n")
	for _, d := range ds {
		reason := d.Suppression.Kind
		if d.Suppression.Reason != "" {
			reason += ": " + d.Suppression.Reason
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s |\n", MarkdownCode(d.Span.String()), MarkdownCode(d.Rule),
			MarkdownText(d.Message), MarkdownText(reason))
	}
	fmt.Fprint(w, "\n</details>\n")
}

// MarkdownCode puts s in a code span, so file names and rule ids need no
// backslashes. The fence is longer than any run of backticks in s, and a
// "|" is still escaped: GFM splits table cells before it reads code spans.
func MarkdownCode(s string) string {
	s = strings.ReplaceAll(oneLine(s), "|", `\|`)
	if s == "" {
		return ""
	}
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	pad := ""
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		pad = " "
	}
	return fence + pad + s + pad + fence
}
