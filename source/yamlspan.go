package source

import (
	"bytes"

	yaml "go.yaml.in/yaml/v3"
)

// yaml.v3 gives every node a start position but no end. The helpers here
// find the end of a node's text by scanning the source from its start; they
// only need to understand the lexical shape of YAML scalars, not its grammar.

// textStyles are the scalar styles whose text has delimiters, so that even
// an empty value has a span ("" or an empty block scalar).
const textStyles = yaml.DoubleQuotedStyle | yaml.SingleQuotedStyle | yaml.LiteralStyle | yaml.FoldedStyle

// contentStart skips the tag (!Ref) and anchor (&name) that yaml.v3
// includes in a node's position. It returns where the node's own text
// starts, which may be on a later line ("key: !Sub" then an indented
// value), and where its properties end.
func contentStart(src []byte, off int) (content, propsEnd int) {
	start := off
	propsEnd = off
	for off < len(src) && (src[off] == '!' || src[off] == '&') {
		if src[off] == '&' {
			// yaml.v3 ends an anchor's name at the first character that is
			// not a letter, digit, '_' or '-': in "&a:b" the value is ":b"
			for off++; off < len(src) && isAnchorChar(src[off]); off++ {
			}
		} else {
			for off < len(src) && !isSpaceOrBreak(src[off]) {
				off++
			}
		}
		propsEnd = off
		off = skipSpaces(src, off)
	}
	if propsEnd > start && off < len(src) && (src[off] == '\n' || src[off] == '\r' || src[off] == '#') {
		off = skipBlank(src, off)
	}
	return off, propsEnd
}

func skipSpaces(src []byte, off int) int {
	for off < len(src) && (src[off] == ' ' || src[off] == '\t') {
		off++
	}
	return off
}

// skipBlank skips spaces, line breaks and comments.
func skipBlank(src []byte, off int) int {
	for off < len(src) {
		switch src[off] {
		case ' ', '\t', '\r', '\n':
			off++
		case '#':
			for off < len(src) && src[off] != '\n' && src[off] != '\r' {
				off++
			}
		default:
			return off
		}
	}
	return off
}

func isAnchorChar(b byte) bool {
	return b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b == '_' || b == '-'
}

func isSpaceOrBreak(b byte) bool { return b == ' ' || b == '\t' || b == '\r' || b == '\n' }

// unicodeBreakLen returns the length of a NEL, LS or PS at the start of b,
// line breaks to yaml.v3 (which folds them in plain scalars), or 0.
func unicodeBreakLen(b []byte) int {
	switch {
	case len(b) >= 2 && b[0] == 0xC2 && b[1] == 0x85:
		return 2
	case len(b) >= 3 && b[0] == 0xE2 && b[1] == 0x80 && (b[2] == 0xA8 || b[2] == 0xA9):
		return 3
	}
	return 0
}

// scalarEnd returns the offset just after the scalar y whose text starts at
// off; indent is the indentation of the enclosing block collection.
func (c *yamlConverter) scalarEnd(off int, y *yaml.Node, indent int) int {
	src := c.src
	switch {
	case off >= len(src):
		return len(src)
	case y.Style&yaml.DoubleQuotedStyle != 0:
		return quotedEnd(src, off, '"')
	case y.Style&yaml.SingleQuotedStyle != 0:
		return quotedEnd(src, off, '\'')
	case y.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		return blockScalarEnd(c.yamlLines, off, y.Value == "", indent)
	case y.Value == "" || (y.Tag == TagNull && !bytes.HasPrefix(src[off:], []byte(y.Value))):
		return off // an empty value: "key:" with nothing after it
	}
	return plainEnd(src, off, y.Value)
}

// quotedEnd finds the closing quote. Double quotes end at an unescaped '"';
// single quotes are escaped by doubling them.
func quotedEnd(src []byte, off int, quote byte) int {
	for i := off + 1; i < len(src); i++ {
		switch {
		case quote == '"' && src[i] == '\\':
			i++
		case src[i] == quote && quote == '\'' && i+1 < len(src) && src[i+1] == '\'':
			i++
		case src[i] == quote:
			return i + 1
		}
	}
	return len(src)
}

// plainEnd matches the words of an unquoted scalar's value against the
// source. A multi-line plain scalar is folded into single spaces, so the
// words are searched across line breaks. Only YAML's own white space
// separates words: a no-break space is part of one.
func plainEnd(src []byte, off int, value string) int {
	if bytes.HasPrefix(src[off:], []byte(value)) {
		return off + len(value)
	}
	end := off
	for _, word := range bytes.FieldsFunc([]byte(value), func(r rune) bool { return r < 0x80 && isSpaceOrBreak(byte(r)) }) {
		at := end
		for at < len(src) {
			if isSpaceOrBreak(src[at]) {
				at++
			} else if n := unicodeBreakLen(src[at:]); n > 0 {
				at += n
			} else {
				break
			}
		}
		if !bytes.HasPrefix(src[at:], word) {
			break
		}
		end = at + len(word)
	}
	if end == off { // the source does not hold the value verbatim: end at the line's end
		for end < len(src) && src[end] != '\n' && src[end] != '\r' {
			end++
		}
	}
	return end
}

// blockScalarEnd finds the end of a literal (|) or folded (>) scalar whose
// header starts at off. Its content lines are indented by at least the
// header's indentation indicator more than the enclosing collection, or
// else as deeply as its first non-blank line; it ends with the last
// non-blank of them. An empty block scalar ends with its header.
func blockScalarEnd(t *lineTable, off int, empty bool, indent int) int {
	src := t.src
	end, minIndent := off+1, -1
	for end < len(src) && !isSpaceOrBreak(src[end]) { // the header: |, >-, |2+ …
		if d := src[end]; d >= '1' && d <= '9' {
			minIndent = max(indent, 0) + int(d-'0')
		}
		end++
	}
	if empty {
		return end
	}
	for line := t.lineOf(off) + 1; line <= len(t.starts); line++ {
		width, blank := lineIndent(src, t.starts[line-1], t.lineEnd(line))
		if blank {
			continue
		}
		if minIndent < 0 {
			minIndent = width
		}
		if width < minIndent {
			break
		}
		end = t.lineEnd(line)
		for end > t.starts[line-1] && (src[end-1] == ' ' || src[end-1] == '\t') {
			end--
		}
	}
	return end
}

// lineIndent counts the leading spaces of the line [from, to) and whether
// the line holds nothing else.
func lineIndent(src []byte, from, to int) (width int, blank bool) {
	for from+width < to && src[from+width] == ' ' {
		width++
	}
	return width, from+width >= to
}

// closingBracket returns the offset after the bracket that closes a flow
// collection, scanning from the end of its last entry.
func closingBracket(src []byte, off int, close byte) int {
	for off < len(src) {
		off = skipBlank(src, off)
		if off >= len(src) {
			break
		}
		switch src[off] {
		case close:
			return off + 1
		case ',':
			off++
		default:
			return off
		}
	}
	return off
}
