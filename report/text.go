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
	text, ok := lines.line(d.Span.File, int(d.Span.Start.Line))
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
	start := int(sp.Start.Col) - 1
	if start < 0 || start > len(runes) {
		return ""
	}
	end := start + 1
	switch {
	case sp.End.Line > sp.Start.Line:
		end = len(runes)
	case sp.End.Line == sp.Start.Line && sp.End.Col > sp.Start.Col:
		end = min(int(sp.End.Col)-1, len(runes))
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

// sourceLines reads each file once and keeps where each of its lines starts.
type sourceLines struct {
	read  func(file string) []byte
	files map[string]lineIndex
}

// line returns a 1-based line of file without its line break.
func (s *sourceLines) line(file string, n int) (string, bool) {
	if s.read == nil {
		return "", false
	}
	if s.files == nil {
		s.files = map[string]lineIndex{}
	}
	lines, ok := s.files[file]
	if !ok {
		lines = indexLines(s.read(file))
		s.files[file] = lines
	}
	return lines.line(n)
}

// lineIndex is a file's text and the offset of each line's start: a line
// becomes a string only when a snippet shows it. A string per line cost an
// allocation for each of a large definition's hundred thousand lines, and
// one string of the whole file a copy of it.
type lineIndex struct {
	text   []byte
	starts []int
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// indexLines breaks src at CRLF, CR and LF, the breaks source.Parse counts
// lines by; a byte order mark is not part of line 1's columns there either.
// (YAML's NEL, LS and PS breaks are not counted here: in the rare file that
// has them, a snippet may show the wrong line.) After a final break comes
// the empty last line, where a finding at the end of the file points.
func indexLines(src []byte) lineIndex {
	text := bytes.TrimPrefix(src, utf8BOM)
	starts := make([]int, 1, bytes.Count(text, []byte{'\n'})+1)
	for at := 0; ; {
		i := bytes.IndexAny(text[at:], "\r\n")
		if i < 0 {
			return lineIndex{text: text, starts: starts}
		}
		at += i + 1
		if text[at-1] == '\r' && at < len(text) && text[at] == '\n' {
			at++
		}
		starts = append(starts, at)
	}
}

// line returns the 1-based line n without its line break.
func (l lineIndex) line(n int) (string, bool) {
	if n < 1 || n > len(l.starts) {
		return "", false
	}
	end := len(l.text)
	if n < len(l.starts) {
		end = l.starts[n]
	}
	line := l.text[l.starts[n-1]:end]
	if line, ok := bytes.CutSuffix(line, []byte("\r\n")); ok {
		return string(line), true
	}
	return string(bytes.TrimSuffix(bytes.TrimSuffix(line, []byte("\n")), []byte("\r"))), true
}
