package report

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/source"
)

// ANSI colors of the severities.
var severityColors = map[diag.Severity]string{
	diag.Error:   "\x1b[31m", // red
	diag.Warning: "\x1b[33m", // yellow
	diag.Info:    "\x1b[34m", // blue
}

const colorReset = "\x1b[0m"

// snippetGutter starts the source and caret lines. Both lines get the same
// prefix so that tabs copied into the caret line land on the same tab stops.
const snippetGutter = "  | "

// writeText writes one line per unsuppressed finding,
//
//	file:line:col: severity: message [rule-id]
//
// and a closing summary line. Line breaks inside a message (or a file name)
// become single spaces: the format promises one line per finding so that
// grep, editors and CI problem matchers can read it; the structured formats
// keep messages as written. Suppressed findings are only counted.
func writeText(w io.Writer, f Findings, opts Options) error {
	bw := bufio.NewWriter(w)
	lines := &sourceLines{read: f.Source}
	for _, d := range f.Diagnostics {
		if d.Suppressed() {
			continue
		}
		fmt.Fprintln(bw, textLine(d, opts.Color))
		if opts.Snippets {
			writeSnippet(bw, lines, d, opts.Color)
		}
	}
	fmt.Fprintln(bw, summaryLine(Summarize(f)))
	return bw.Flush()
}

func textLine(d diag.Diagnostic, color bool) string {
	return fmt.Sprintf("%s: %s: %s [%s]", oneLine(d.Span.String()),
		paint(d.Severity.String(), d.Severity, color), oneLine(d.Message), d.Rule)
}

func paint(s string, sev diag.Severity, color bool) string {
	if !color || s == "" {
		return s
	}
	return severityColors[sev] + s + colorReset
}

// writeSnippet writes the finding's source line and a caret line under its
// span; nothing when the line or the source is unknown, and no caret line
// when the column is.
func writeSnippet(w io.Writer, lines *sourceLines, d diag.Diagnostic, color bool) {
	text, ok := lines.line(d.Span.File, d.Span.Start.Line)
	if !ok {
		return
	}
	fmt.Fprintf(w, "%s%s\n", snippetGutter, text)
	if caret := caretLine(text, d.Span); caret != "" {
		fmt.Fprintf(w, "%s%s\n", snippetGutter, paint(caret, d.Severity, color))
	}
}

// caretLine underlines sp on line: "^" at the start column and "~" up to
// the end column, or to the end of the line for a span that goes on past
// it. Columns count code points, as source.Pos does; tabs before the span
// are copied so that the caret lines up however wide the terminal's tabs.
func caretLine(line string, sp source.Span) string {
	runes := []rune(line)
	start := sp.Start.Col - 1
	if start < 0 || start > len(runes) {
		return ""
	}
	end := start + 1
	switch {
	case sp.End.Line > sp.Start.Line:
		end = len(runes)
	case sp.End.Line == sp.Start.Line && sp.End.Col > sp.Start.Col:
		end = min(sp.End.Col-1, len(runes))
	}
	var b strings.Builder
	for _, r := range runes[:start] {
		if r == '\t' {
			b.WriteByte('\t')
		} else {
			b.WriteByte(' ')
		}
	}
	b.WriteByte('^')
	b.WriteString(strings.Repeat("~", max(0, end-start-1)))
	return b.String()
}

// sourceLines reads each file once and keeps it split into lines.
type sourceLines struct {
	read  func(file string) []byte
	files map[string][]string
}

// line returns a 1-based line of file without its line break.
func (s *sourceLines) line(file string, n int) (string, bool) {
	if s.read == nil || n < 1 {
		return "", false
	}
	if s.files == nil {
		s.files = map[string][]string{}
	}
	lines, ok := s.files[file]
	if !ok {
		lines = splitLines(s.read(file))
		s.files[file] = lines
	}
	if n > len(lines) {
		return "", false
	}
	return lines[n-1], true
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// splitLines breaks src at CRLF, CR and LF, the breaks source.Parse counts
// lines by; a byte order mark is not part of line 1's columns there either.
// (YAML's NEL, LS and PS breaks are not counted here: in the rare file that
// has them, a snippet may show the wrong line.)
func splitLines(src []byte) []string {
	src = bytes.TrimPrefix(src, utf8BOM)
	var lines []string
	for {
		i := bytes.IndexAny(src, "\r\n")
		if i < 0 {
			// After a final break this is the empty last line, where a
			// finding at the end of the file points.
			return append(lines, string(src))
		}
		lines = append(lines, string(src[:i]))
		if src[i] == '\r' && i+1 < len(src) && src[i+1] == '\n' {
			i++
		}
		src = src[i+1:]
	}
}
