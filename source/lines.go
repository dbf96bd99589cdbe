package source

import (
	"bytes"
	"sort"
	"unicode/utf8"
)

// lineTable maps between byte offsets and line:column positions of one file.
// Column lookups on one line continue from the previous lookup when they move
// forward, so walking a document in order costs linear time even when the
// whole document is on one very long line (minified JSON). That cursor makes
// a table unsafe for concurrent use; parsing is its only user.
type lineTable struct {
	src    []byte
	starts []int // byte offset at which each line begins; starts[0] == first byte after any BOM

	// cur is the last position computed, to continue from.
	cur cursor
}

// newLineTable indexes the line starts of src from offset base on. YAML also
// breaks lines at NEL, LS and PS (as go.yaml.in/yaml/v3 counts them); JSON
// only at CR, LF and CRLF.
func newLineTable(src []byte, base int, yamlBreaks bool) *lineTable {
	t := emptyLineTable(src, base)
	t.scan(base, yamlBreaks)
	return t
}

// emptyLineTable is a table that knows only where the first line starts;
// the JSON parser adds the others as it passes them. Its list is sized for
// the file's LFs (counting them is cheap): growing it a quarter at a time
// allocated five times its size on a large file.
func emptyLineTable(src []byte, base int) *lineTable {
	starts := make([]int, 1, bytes.Count(src[base:], []byte{'\n'})+1)
	starts[0] = base
	return &lineTable{src: src, starts: starts, cur: cursor{line: 1, col: 1, off: base}}
}

// scan adds the starts of the lines that begin after offset from.
func (t *lineTable) scan(from int, yamlBreaks bool) {
	src := t.src
	for i := from; i < len(src); i++ {
		switch b := src[i]; {
		case b > '\r' && b < 0xC2: // neither a line break nor the start of one
		case b == '\n':
			t.starts = append(t.starts, i+1)
		case b == '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				i++
			}
			t.starts = append(t.starts, i+1)
		case yamlBreaks && unicodeBreakLen(src[i:]) > 0:
			i += unicodeBreakLen(src[i:]) - 1
			t.starts = append(t.starts, i+1)
		}
	}
}

// lineEnd returns the offset of the line break ending the given line (or the
// end of the file).
func (t *lineTable) lineEnd(line int) int {
	if line < len(t.starts) {
		end := t.starts[line]
		for end > t.starts[line-1] && (t.src[end-1] == '\n' || t.src[end-1] == '\r') {
			end--
		}
		// A NEL/LS/PS break is 2-3 bytes and is not a CR or LF.
		if end == t.starts[line] {
			_, size := utf8.DecodeLastRune(t.src[t.starts[line-1]:end])
			end -= size
		}
		return end
	}
	return len(t.src)
}

// lineOf returns the 1-based line holding offset off.
func (t *lineTable) lineOf(off int) int {
	return max(1, sort.Search(len(t.starts), func(i int) bool { return t.starts[i] > off }))
}

// atLineCol returns the full position of a 1-based line and column.
func (t *lineTable) atLineCol(line, col int) Pos {
	if line < 1 || line > len(t.starts) {
		return Pos{}
	}
	from := cursor{line: line, col: 1, off: t.starts[line-1]}
	if t.cur.line == line && t.cur.col <= col {
		from = t.cur
	}
	t.cur = t.advance(from, col)
	return t.cur.pos()
}

// advance moves along one line from c until column col (or the line's end).
func (t *lineTable) advance(c cursor, col int) cursor {
	end := t.lineEnd(c.line)
	for c.col < col && c.off < end {
		_, size := utf8.DecodeRune(t.src[c.off:end])
		c.off += size
		c.col++
	}
	return c
}

// atOffset returns the position of a byte offset.
func (t *lineTable) atOffset(off int) Pos {
	if off > len(t.src) {
		off = len(t.src)
	}
	if off < t.starts[0] {
		return makePos(1, 1, t.starts[0])
	}
	line := t.lineOf(off)
	c := cursor{line: line, col: 1, off: t.starts[line-1]}
	if t.cur.line == line && t.cur.off <= off {
		c = t.cur
	}
	for c.off < off {
		_, size := utf8.DecodeRune(t.src[c.off:off])
		c.off += size
		c.col++
	}
	t.cur = c
	return c.pos()
}

// cursor is a position being computed.
type cursor struct{ line, col, off int }

func (c cursor) pos() Pos { return makePos(c.line, c.col, c.off) }
