package lint

import (
	"bytes"
	"fmt"
	"strings"
)

// What `lint --diff` prints: a unified diff of a file's text before and
// after its fixes, as `diff -u` and `git diff` write it.

// UnifiedDiff returns the unified diff of two texts of the file name
// (a/name, b/name), with three lines of context; "" when they are equal.
func UnifiedDiff(name string, before, after []byte) string {
	a, b := splitLines(before), splitLines(after)
	same := UnchangedLines(before, after)
	if len(same) == len(a) && len(a) == len(b) {
		return ""
	}
	var out strings.Builder
	fmt.Fprintf(&out, "--- a/%s\n+++ b/%s\n", name, name)
	for _, h := range hunks(a, b, same, 3) {
		fmt.Fprintf(&out, "@@ -%s +%s @@\n", hunkRange(h.a0, h.a1), hunkRange(h.b0, h.b1))
		i, j := h.a0, h.b0
		for i < h.a1 || j < h.b1 {
			switch k, ok := same[i]; {
			case ok && k == j:
				writeLine(&out, ' ', a[i])
				i, j = i+1, j+1
			case i < h.a1 && !ok:
				writeLine(&out, '-', a[i])
				i++
			default:
				writeLine(&out, '+', b[j])
				j++
			}
		}
	}
	return out.String()
}

// hunk is a range of lines of each text, 0-based and half-open.
type hunk struct{ a0, a1, b0, b1 int }

// hunks groups the changed lines with context lines around them, merging
// groups whose context meets.
func hunks(a, b [][]byte, same map[int]int, context int) []hunk {
	var out []hunk
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		if k, ok := same[i]; ok && k == j {
			i, j = i+1, j+1
			continue
		}
		h := hunk{a0: max(0, i-context), b0: max(0, j-context)}
		if n := len(out); n > 0 && out[n-1].a1 >= h.a0 {
			h, out = out[n-1], out[:n-1]
		}
		for i < len(a) || j < len(b) { // to the end of the change
			if k, ok := same[i]; ok && k == j {
				break
			}
			if _, ok := same[i]; i < len(a) && !ok {
				i++
			} else {
				j++
			}
		}
		h.a1, h.b1 = min(len(a), i+context), min(len(b), j+context)
		out = append(out, h)
	}
	return out
}

func hunkRange(from, to int) string {
	if to-from == 1 {
		return fmt.Sprint(from + 1)
	}
	if to == from {
		return fmt.Sprintf("%d,0", from)
	}
	return fmt.Sprintf("%d,%d", from+1, to-from)
}

func writeLine(out *strings.Builder, mark byte, line []byte) {
	out.WriteByte(mark)
	out.Write(line)
	if !bytes.HasSuffix(line, []byte("\n")) {
		out.WriteString("\n\\ No newline at end of file\n")
	}
}

// splitLines splits after each LF, keeping line endings (a CRLF line ends
// in "\r\n"), so that joining the lines gives the text back.
func splitLines(text []byte) [][]byte {
	var lines [][]byte
	for len(text) > 0 {
		i := bytes.IndexByte(text, '\n') + 1
		if i == 0 {
			i = len(text)
		}
		lines = append(lines, text[:i])
		text = text[i:]
	}
	return lines
}

// UnchangedLines maps each line of before (0-based) that after keeps to
// its line there, by a shortest edit script over lines (Myers' diff).
func UnchangedLines(before, after []byte) map[int]int {
	a, b := splitLines(before), splitLines(after)
	same := map[int]int{}
	// the common head and tail are most of a fixed file
	head := 0
	for head < len(a) && head < len(b) && bytes.Equal(a[head], b[head]) {
		same[head] = head
		head++
	}
	tail := 0
	for tail < len(a)-head && tail < len(b)-head && bytes.Equal(a[len(a)-1-tail], b[len(b)-1-tail]) {
		same[len(a)-1-tail] = len(b) - 1 - tail
		tail++
	}
	for i, j := range myers(a[head:len(a)-tail], b[head:len(b)-tail]) {
		same[head+i] = head + j
	}
	return same
}

// myers returns the matched lines of a shortest edit script from a to b.
func myers(a, b [][]byte) map[int]int {
	n, m := len(a), len(b)
	offset := n + m + 1
	v := make([]int, 2*offset+1)
	var trace [][]int // the frontier at the start of each round
	for d := 0; d <= n+m; d++ {
		trace = append(trace, append([]int(nil), v...))
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || (k != d && v[offset+k-1] < v[offset+k+1]) {
				x = v[offset+k+1]
			} else {
				x = v[offset+k-1] + 1
			}
			y := x - k
			for x < n && y < m && bytes.Equal(a[x], b[y]) {
				x, y = x+1, y+1
			}
			v[offset+k] = x
			if x >= n && y >= m {
				return backtrack(trace, offset, n, m)
			}
		}
	}
	return map[int]int{}
}

// backtrack walks the frontiers back from the end and collects the
// diagonal moves: the matched lines.
func backtrack(trace [][]int, offset, x, y int) map[int]int {
	same := map[int]int{}
	for d := len(trace) - 1; d >= 0; d-- {
		v := trace[d]
		k := x - y
		prevK := k - 1
		if k == -d || (k != d && v[offset+k-1] < v[offset+k+1]) {
			prevK = k + 1
		}
		prevX := v[offset+prevK]
		prevY := prevX - prevK
		for x > prevX && y > prevY {
			x, y = x-1, y-1
			same[x] = y
		}
		x, y = prevX, prevY
	}
	return same
}
