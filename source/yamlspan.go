package source

import (
	"bytes"
	"strings"

	yaml "go.yaml.in/yaml/v3"
)

// yaml.v3 gives every node a start position but no end. The helpers here
// find the end of a node's text by scanning the source from its start; they
// only need to understand the lexical shape of YAML scalars, not its grammar.

// skipProperties skips a node's tag (!Ref) and anchor (&name), which yaml.v3
// includes in the node's start position.
func skipProperties(src []byte, off int) int {
	for off < len(src) && (src[off] == '!' || src[off] == '&') {
		for off < len(src) && !isSpaceOrBreak(src[off]) {
			off++
		}
		off = skipBlank(src, off)
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

func isSpaceOrBreak(b byte) bool { return b == ' ' || b == '\t' || b == '\r' || b == '\n' }

// scalarEnd returns the offset just after the scalar y that starts at off.
func scalarEnd(src []byte, off int, y *yaml.Node) int {
	off = skipProperties(src, off)
	switch {
	case off >= len(src):
		return len(src)
	case y.Style&yaml.DoubleQuotedStyle != 0:
		return quotedEnd(src, off, '"')
	case y.Style&yaml.SingleQuotedStyle != 0:
		return quotedEnd(src, off, '\'')
	case y.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		return blockScalarEnd(src, off, y.Value == "")
	case y.Value == "" || y.Tag == TagNull && !bytes.HasPrefix(src[off:], []byte(y.Value)):
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
// words are searched across line breaks.
func plainEnd(src []byte, off int, value string) int {
	if bytes.HasPrefix(src[off:], []byte(value)) {
		return off + len(value)
	}
	end := off
	for _, word := range strings.Fields(value) {
		at := end
		for at < len(src) && isSpaceOrBreak(src[at]) {
			at++
		}
		if !bytes.HasPrefix(src[at:], []byte(word)) {
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

// blockScalarEnd finds the end of a literal (|) or folded (>) scalar: its
// content lines are those indented at least as deeply as the first
// non-blank one, and it ends with the last non-blank of them. An empty
// block scalar ends with its header.
func blockScalarEnd(src []byte, off int, empty bool) int {
	end := off
	for end < len(src) && !isSpaceOrBreak(src[end]) { // the header: |, >-, |2+ …
		end++
	}
	if empty {
		return end
	}
	lineStart := nextLine(src, off)
	indent := -1
	for lineStart < len(src) {
		width, blank := lineIndent(src, lineStart)
		if !blank {
			if indent < 0 {
				indent = width
			}
			if width < indent {
				break
			}
			end = lineContentEnd(src, lineStart)
		}
		lineStart = nextLine(src, lineStart)
	}
	return end
}

// nextLine returns the offset of the line after the one containing off.
func nextLine(src []byte, off int) int {
	for off < len(src) && src[off] != '\n' && src[off] != '\r' {
		off++
	}
	if off < len(src) && src[off] == '\r' {
		off++
	}
	if off < len(src) && src[off] == '\n' {
		off++
	}
	return off
}

// lineIndent counts the leading spaces of the line at off and whether the
// line holds nothing else.
func lineIndent(src []byte, off int) (width int, blank bool) {
	for off+width < len(src) && src[off+width] == ' ' {
		width++
	}
	at := off + width
	return width, at >= len(src) || src[at] == '\n' || src[at] == '\r'
}

// lineContentEnd returns the end of the line at off without trailing spaces.
func lineContentEnd(src []byte, off int) int {
	end := off
	for end < len(src) && src[end] != '\n' && src[end] != '\r' {
		end++
	}
	for end > off && (src[end-1] == ' ' || src[end-1] == '\t') {
		end--
	}
	return end
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
