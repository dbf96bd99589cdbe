package source

import (
	"math"
	"slices"
	"strconv"
	"strings"
)

// AppendJSONScalar appends a scalar as JSON. A YAML tree carries values
// JSON spells differently, so each is written the way a JSON reader would
// have seen it: numbers as written when JSON allows it, YAML-only forms
// (0x1F, 1_000) as the number they mean and .inf/.nan as strings;
// timestamps and custom tags (a CloudFormation !Sub) as strings.
func AppendJSONScalar(b []byte, n *Node) []byte {
	switch n.Tag {
	case TagNull:
		return append(b, "null"...)
	case TagBool:
		return strconv.AppendBool(b, strings.EqualFold(n.Value, "true"))
	case TagInt, TagFloat:
		if IsJSONNumber(n.Value) {
			return append(b, n.Value...)
		}
		if i, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 0, 64); err == nil {
			return strconv.AppendInt(b, i, 10)
		}
		if f, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64); err == nil && !math.IsInf(f, 0) && !math.IsNaN(f) {
			return strconv.AppendFloat(b, f, 'g', -1, 64)
		}
	}
	return AppendJSONString(b, n.Value)
}

// IsJSONNumber reports whether s is a number as JSON writes it:
// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func IsJSONNumber(s string) bool {
	i := 0
	digits := func() bool {
		start := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		return i > start
	}
	if i < len(s) && s[i] == '-' {
		i++
	}
	if i < len(s) && s[i] == '0' {
		i++
	} else if !digits() {
		return false
	}
	if i < len(s) && s[i] == '.' {
		i++
		if !digits() {
			return false
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if !digits() {
			return false
		}
	}
	return i == len(s)
}

// AppendJSONString appends s as a JSON string. The parser has already
// checked that text is valid UTF-8, so only quotes, backslashes and
// control characters need escaping.
func AppendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = slices.Grow(b, len(s)+2) // one allocation: a multi-MB string grown byte by byte took 6x its size
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c == '\n':
			b = append(b, '\\', 'n')
		case c == '\t':
			b = append(b, '\\', 't')
		case c == '\r':
			b = append(b, '\\', 'r')
		case c < 0x20:
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		default:
			b = append(b, c)
		}
	}
	return append(b, '"')
}
