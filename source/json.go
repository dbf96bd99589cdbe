package source

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// MaxDepth is how deeply mappings and sequences may nest. Real API
// definitions stay far below it; the limit keeps hostile input from
// exhausting the stack of every recursive walk that follows.
const MaxDepth = 1000

// jsonParser is a strict RFC 8259 parser that builds Nodes with exact spans.
// We do not use encoding/json because it reports neither positions nor
// duplicate keys, and a YAML parser is several times slower on large JSON.
type jsonParser struct {
	src   []byte
	i     int
	lines *lineTable
	file  string
	errs  Errors
	depth int
	count int // values parsed so far, bounded by MaxNodes
}

// errStop unwinds the parser after the first syntax error: JSON offers no
// sensible way to recover, and one precise message beats a cascade.
type errStop struct{}

func parseJSON(file string, src []byte, base int, lines *lineTable) (*Node, Errors) {
	p := &jsonParser{src: src, i: base, lines: lines, file: file}
	root := p.run()
	return root, p.errs
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

func (p *jsonParser) pos(off int) Pos { return p.lines.atOffset(off) }

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
		case ' ', '\t', '\n', '\r':
			p.i++
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
	n := &Node{Kind: Mapping, Tag: TagMap, Start: p.pos(p.i)}
	p.enter(p.i)
	p.i++ // {
	p.skipSpace()
	var index entryIndex
	if p.i < len(p.src) && p.src[p.i] == '}' {
		return p.close(n)
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
		if first := index.set(n, key, p.value()); first != nil {
			p.errs = append(p.errs, duplicateKey(p.file, first, key))
		}
		p.skipSpace()
		if p.i < len(p.src) && p.src[p.i] == ',' {
			p.i++
			p.skipSpace()
			continue
		}
		if p.i < len(p.src) && p.src[p.i] == '}' {
			return p.close(n)
		}
		p.fail(p.i, "unexpected %s: expected ',' or '}'", p.describe(p.i))
	}
}

func duplicateKey(file string, first, dup *Node) *Error {
	return nodeError(file, dup, fmt.Sprintf("duplicate key %q (first defined at %s); keys must be unique, and only this last one is read", dup.Value, first.Start))
}

func (p *jsonParser) array() *Node {
	n := &Node{Kind: Sequence, Tag: TagSeq, Start: p.pos(p.i)}
	p.enter(p.i)
	p.i++ // [
	p.skipSpace()
	if p.i < len(p.src) && p.src[p.i] == ']' {
		return p.close(n)
	}
	for {
		n.Content = append(n.Content, p.value())
		p.skipSpace()
		if p.i < len(p.src) && p.src[p.i] == ',' {
			p.i++
			p.skipSpace()
			continue
		}
		if p.i < len(p.src) && p.src[p.i] == ']' {
			return p.close(n)
		}
		p.fail(p.i, "unexpected %s: expected ',' or ']'", p.describe(p.i))
	}
}

// close consumes the closing bracket of n.
func (p *jsonParser) close(n *Node) *Node {
	p.i++
	p.depth--
	n.End = p.pos(p.i)
	return n
}

func (p *jsonParser) literal(word, tag string) *Node {
	start := p.i
	if !strings.HasPrefix(string(p.src[p.i:min(len(p.src), p.i+len(word))]), word) {
		p.fail(p.i, "unexpected %s: expected a JSON value", p.describe(p.i))
	}
	p.i += len(word)
	return &Node{Kind: Scalar, Tag: tag, Value: word, Start: p.pos(start), End: p.pos(p.i)}
}

func (p *jsonParser) number() *Node {
	start := p.i
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
	return &Node{Kind: Scalar, Tag: tag, Value: string(p.src[start:p.i]), Start: p.pos(start), End: p.pos(p.i)}
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
	p.i++ // opening quote
	plainFrom := p.i
	var b *strings.Builder // only allocated when the string has escapes
	for {
		if p.i >= len(p.src) {
			p.fail(start, "unterminated string")
		}
		c := p.src[p.i]
		switch {
		case c == '"':
			var value string
			if b == nil {
				value = string(p.src[plainFrom:p.i])
			} else {
				b.Write(p.src[plainFrom:p.i])
				value = b.String()
			}
			p.i++
			return &Node{Kind: Scalar, Tag: TagStr, Value: value, Start: p.pos(start), End: p.pos(p.i)}
		case c == '\\':
			if b == nil {
				b = &strings.Builder{}
			}
			b.Write(p.src[plainFrom:p.i])
			p.escape(b)
			plainFrom = p.i
		case c < 0x20:
			p.fail(p.i, "control character %q inside a string must be escaped", rune(c))
		default:
			p.i++
		}
	}
}

// escape decodes one backslash escape at p.i into b.
func (p *jsonParser) escape(b *strings.Builder) {
	at := p.i
	p.i++
	if p.i >= len(p.src) {
		p.fail(at, "unterminated string")
	}
	c := p.src[p.i]
	p.i++
	switch c {
	case '"', '\\', '/':
		b.WriteByte(c)
	case 'b':
		b.WriteByte('\b')
	case 'f':
		b.WriteByte('\f')
	case 'n':
		b.WriteByte('\n')
	case 'r':
		b.WriteByte('\r')
	case 't':
		b.WriteByte('\t')
	case 'u':
		r := p.hex4(at)
		if utf16.IsSurrogate(r) {
			r = p.lowSurrogate(r)
		}
		b.WriteRune(r)
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
