package source

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"
)

// MaxDepth is how deeply mappings and sequences may nest. Real API
// definitions stay far below it; the limit keeps hostile input from
// exhausting the stack of every recursive walk that follows.
const MaxDepth = 1000

// jsonParser is a strict RFC 8259 parser that builds Nodes with exact spans.
// We do not use encoding/json because it reports neither positions nor
// duplicate keys, and a YAML parser is several times slower on large JSON.
//
// It is built for multi-megabyte definitions: line starts are recorded as
// the parser passes them (JSON breaks lines only between tokens), positions
// come from a cursor that moves forward with it, strings without escapes are
// slices of the text itself, nodes and children lists are carved from
// blocks rather than allocated one by one, and string bodies, indentation
// and columns are scanned eight bytes at a time (swar.go).
type jsonParser struct {
	src   []byte
	text  string // src as a string (the same memory), of which unescaped strings and numbers are slices
	i     int
	lines *lineTable
	file  string
	errs  Errors
	depth int
	count int // values parsed so far, bounded by MaxNodes

	// The position cursor: offset colOff is at line:col. The parser asks
	// for positions in increasing order, so columns are counted once.
	line, col, colOff int

	nodes    []Node  // the unused rest of the current block of nodes
	children []*Node // the unused rest of the current block of children lists
	// stack holds the children of the mappings and sequences being
	// parsed; a closed one copies its own into an exactly sized list.
	stack []*Node
	// unescaped is where the value of a string with escapes is decoded,
	// reused from one string to the next.
	unescaped []byte
	// spareIndexes are the key indexes of closed mappings, to reuse.
	spareIndexes []map[string]int
}

// errStop unwinds the parser after the first syntax error: JSON offers no
// sensible way to recover, and one precise message beats a cascade.
type errStop struct{}

// parseJSON parses src from offset base and returns the root, its errors
// and the line table of the whole of src.
func parseJSON(file string, src []byte, base int) (*Node, *lineTable, Errors) {
	p := &jsonParser{src: src, text: unsafe.String(unsafe.SliceData(src), len(src)), i: base, lines: emptyLineTable(src, base), file: file,
		line: 1, col: 1, colOff: base}
	root := p.run()
	// the parser recorded the line starts before where it stopped (all of
	// them, unless it stopped at an error)
	p.lines.scan(p.i, false)
	return root, p.lines, p.errs
}

func (p *jsonParser) run() (root *Node) {
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(errStop); !ok {
				panic(r)
			}
			root = nil
		}
	}()
	p.skipSpace()
	root = p.value()
	p.skipSpace()
	if p.i < len(p.src) {
		p.fail(p.i, "unexpected %s after the end of the JSON document", p.describe(p.i))
	}
	return root
}

// pos returns the position of offset off, which is on the line the parser
// is at (only whitespace holds line breaks, and skipSpace moves the cursor
// past them). Columns count code points: bytes that do not continue a UTF-8
// sequence (checkText has made sure the text is UTF-8).
func (p *jsonParser) pos(off int) Pos {
	if off < p.colOff { // an error at the start of a token already passed
		return p.lines.atOffset(off)
	}
	p.col += codePoints(p.src[p.colOff:off])
	p.colOff = off
	return makePos(p.line, p.col, off)
}

// newLine moves the cursor to the line that starts at p.i.
func (p *jsonParser) newLine() {
	p.lines.starts = append(p.lines.starts, p.i)
	p.line++
	p.col, p.colOff = 1, p.i
}

// node returns a zero Node from the current block.
func (p *jsonParser) node() *Node {
	if len(p.nodes) == 0 {
		p.nodes = make([]Node, blockSize(p.count))
	}
	n := &p.nodes[0]
	p.nodes = p.nodes[1:]
	return n
}

// blockSize grows blocks with the document, so that a small file does not
// pay for a large block.
func blockSize(count int) int { return min(max(count/4, 16), 1024) }

// closeChildren gives n the children pushed on the stack since mark.
func (p *jsonParser) closeChildren(n *Node, mark int) {
	k := len(p.stack) - mark
	if k == 0 {
		return
	}
	if len(p.children) < k {
		p.children = make([]*Node, max(k, 4*blockSize(p.count)))
	}
	// the capacity is cut so that appending to a node's children never
	// writes into the next node's
	n.Content = p.children[:k:k]
	p.children = p.children[k:]
	copy(n.Content, p.stack[mark:])
	clear(p.stack[mark:])
	p.stack = p.stack[:mark]
}

func (p *jsonParser) fail(off int, format string, args ...any) {
	p.errs = append(p.errs, errorAt(p.file, p.pos(off), fmt.Sprintf(format, args...)))
	panic(errStop{})
}

// describe names the input at off for an error message.
func (p *jsonParser) describe(off int) string {
	if off >= len(p.src) {
		return "end of input (the document is truncated)"
	}
	r, _ := utf8.DecodeRune(p.src[off:])
	return fmt.Sprintf("character %q", r)
}

func (p *jsonParser) skipSpace() {
	for p.i < len(p.src) {
		switch p.src[p.i] {
		case ' ':
			p.i++
			p.i += spaceRun(p.src, p.i)
		case '\t':
			p.i++
		case '\n':
			p.i++
			p.newLine()
		case '\r':
			p.i++
			if p.i < len(p.src) && p.src[p.i] == '\n' {
				p.i++
			}
			p.newLine()
		default:
			return
		}
	}
}

func (p *jsonParser) value() *Node {
	if p.i >= len(p.src) {
		p.fail(p.i, "unexpected end of input (the document is truncated): expected a JSON value")
	}
	if p.count++; p.count > MaxNodes {
		p.fail(p.i, "the document holds more than %d values", MaxNodes)
	}
	switch c := p.src[p.i]; {
	case c == '{':
		return p.object()
	case c == '[':
		return p.array()
	case c == '"':
		return p.str()
	case c == '-' || (c >= '0' && c <= '9'):
		return p.number()
	case c == 't':
		return p.literal("true", TagBool)
	case c == 'f':
		return p.literal("false", TagBool)
	case c == 'n':
		return p.literal("null", TagNull)
	}
	p.fail(p.i, "unexpected %s: expected a JSON value", p.describe(p.i))
	return nil
}

func (p *jsonParser) enter(off int) {
	p.depth++
	if p.depth > MaxDepth {
		p.fail(off, "nesting deeper than %d levels", MaxDepth)
	}
}

func (p *jsonParser) object() *Node {
	n := p.node()
	n.Kind, n.Tag, n.Start = Mapping, TagMap, p.pos(p.i)
	p.enter(p.i)
	p.i++ // {
	p.skipSpace()
	mark := len(p.stack)
	index := entryIndex{spare: &p.spareIndexes}
	if p.i < len(p.src) && p.src[p.i] == '}' {
		return p.close(n, mark)
	}
	for {
		if p.i >= len(p.src) || p.src[p.i] != '"' {
			p.fail(p.i, "unexpected %s: expected a string key", p.describe(p.i))
		}
		key := p.str()
		p.skipSpace()
		if p.i >= len(p.src) || p.src[p.i] != ':' {
			p.fail(p.i, "unexpected %s: expected ':' after key %q", p.describe(p.i), key.Value)
		}
		p.i++
		p.skipSpace()
		if first := index.set(&p.stack, mark, key, p.value()); first != nil {
			p.errs = append(p.errs, duplicateKey(p.file, first, key))
		}
		p.skipSpace()
		if p.i < len(p.src) && p.src[p.i] == ',' {
			p.i++
			p.skipSpace()
			continue
		}
		if p.i < len(p.src) && p.src[p.i] == '}' {
			index.release()
			return p.close(n, mark)
		}
		p.fail(p.i, "unexpected %s: expected ',' or '}'", p.describe(p.i))
	}
}

func duplicateKey(file string, first, dup *Node) *Error {
	return nodeError(file, dup, fmt.Sprintf("duplicate key %q (first defined at %s); keys must be unique, and only this last one is read", dup.Value, first.Start))
}

func (p *jsonParser) array() *Node {
	n := p.node()
	n.Kind, n.Tag, n.Start = Sequence, TagSeq, p.pos(p.i)
	p.enter(p.i)
	p.i++ // [
	p.skipSpace()
	mark := len(p.stack)
	if p.i < len(p.src) && p.src[p.i] == ']' {
		return p.close(n, mark)
	}
	for {
		item := p.value()
		p.stack = append(p.stack, item)
		p.skipSpace()
		if p.i < len(p.src) && p.src[p.i] == ',' {
			p.i++
			p.skipSpace()
			continue
		}
		if p.i < len(p.src) && p.src[p.i] == ']' {
			return p.close(n, mark)
		}
		p.fail(p.i, "unexpected %s: expected ',' or ']'", p.describe(p.i))
	}
}

// close consumes the closing bracket of n, whose children are on the stack
// from mark on.
func (p *jsonParser) close(n *Node, mark int) *Node {
	p.i++
	p.depth--
	n.End = p.pos(p.i)
	p.closeChildren(n, mark)
	return n
}

// scalar returns a scalar node of the text from start to p.i.
func (p *jsonParser) scalar(tag, value string, start Pos) *Node {
	n := p.node()
	n.Kind, n.Tag, n.Value, n.Start, n.End = Scalar, tag, value, start, p.pos(p.i)
	return n
}

func (p *jsonParser) literal(word, tag string) *Node {
	start := p.i
	if !strings.HasPrefix(string(p.src[p.i:min(len(p.src), p.i+len(word))]), word) {
		p.fail(p.i, "unexpected %s: expected a JSON value", p.describe(p.i))
	}
	startPos := p.pos(start)
	p.i += len(word)
	return p.scalar(tag, word, startPos)
}

func (p *jsonParser) number() *Node {
	start := p.i
	startPos := p.pos(start)
	tag := TagInt
	if p.src[p.i] == '-' {
		p.i++
	}
	switch {
	case p.i < len(p.src) && p.src[p.i] == '0':
		p.i++
	case p.i < len(p.src) && p.src[p.i] >= '1' && p.src[p.i] <= '9':
		p.digits()
	default:
		p.fail(p.i, "unexpected %s: expected a digit", p.describe(p.i))
	}
	if p.i < len(p.src) && p.src[p.i] == '.' {
		tag = TagFloat
		p.i++
		p.requireDigits()
	}
	if p.i < len(p.src) && (p.src[p.i] == 'e' || p.src[p.i] == 'E') {
		tag = TagFloat
		p.i++
		if p.i < len(p.src) && (p.src[p.i] == '+' || p.src[p.i] == '-') {
			p.i++
		}
		p.requireDigits()
	}
	return p.scalar(tag, p.text[start:p.i], startPos)
}

func (p *jsonParser) requireDigits() {
	if p.i >= len(p.src) || p.src[p.i] < '0' || p.src[p.i] > '9' {
		p.fail(p.i, "unexpected %s: expected a digit", p.describe(p.i))
	}
	p.digits()
}

func (p *jsonParser) digits() {
	for p.i < len(p.src) && p.src[p.i] >= '0' && p.src[p.i] <= '9' {
		p.i++
	}
}

func (p *jsonParser) str() *Node {
	start := p.i
	startPos := p.pos(start)
	p.i++ // opening quote
	plainFrom := p.i
	escaped := false // whether p.unescaped holds the value so far
	for {
		p.i += stringStop(p.src, p.i)
		if p.i >= len(p.src) {
			p.fail(start, "unterminated string")
		}
		c := p.src[p.i]
		switch {
		case c == '"':
			value := p.text[plainFrom:p.i]
			if escaped {
				p.unescaped = append(p.unescaped, value...)
				value = string(p.unescaped)
			}
			p.i++
			return p.scalar(TagStr, value, startPos)
		case c == '\\':
			if !escaped {
				p.unescaped, escaped = p.unescaped[:0], true
			}
			p.unescaped = append(p.unescaped, p.src[plainFrom:p.i]...)
			p.escape()
			plainFrom = p.i
		case c < 0x20:
			p.fail(p.i, "control character %q inside a string must be escaped", rune(c))
		default:
			p.i++
		}
	}
}

// escape decodes one backslash escape at p.i onto p.unescaped.
func (p *jsonParser) escape() {
	at := p.i
	p.i++
	if p.i >= len(p.src) {
		p.fail(at, "unterminated string")
	}
	c := p.src[p.i]
	p.i++
	switch c {
	case '"', '\\', '/':
		p.unescaped = append(p.unescaped, c)
	case 'b':
		p.unescaped = append(p.unescaped, '\b')
	case 'f':
		p.unescaped = append(p.unescaped, '\f')
	case 'n':
		p.unescaped = append(p.unescaped, '\n')
	case 'r':
		p.unescaped = append(p.unescaped, '\r')
	case 't':
		p.unescaped = append(p.unescaped, '\t')
	case 'u':
		r := p.hex4(at)
		if utf16.IsSurrogate(r) {
			r = p.lowSurrogate(r)
		}
		p.unescaped = utf8.AppendRune(p.unescaped, r)
	default:
		p.fail(at, "invalid escape \\%c in string", c)
	}
}

// lowSurrogate completes a UTF-16 surrogate pair; an unpaired half becomes
// U+FFFD, as encoding/json does.
func (p *jsonParser) lowSurrogate(high rune) rune {
	if p.i+1 < len(p.src) && p.src[p.i] == '\\' && p.src[p.i+1] == 'u' {
		save := p.i
		p.i += 2
		low := p.hex4(save)
		if r := utf16.DecodeRune(high, low); r != utf8.RuneError {
			return r
		}
		p.i = save
	}
	return utf8.RuneError
}

func (p *jsonParser) hex4(at int) rune {
	if p.i+4 > len(p.src) {
		p.fail(at, "invalid \\u escape: expected four hex digits")
	}
	v, err := strconv.ParseUint(string(p.src[p.i:p.i+4]), 16, 32)
	if err != nil {
		p.fail(at, "invalid \\u escape: expected four hex digits")
	}
	p.i += 4
	return rune(v)
}
