package source

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"

	yaml "go.yaml.in/yaml/v3"
)

// MaxNodes bounds how many values one document may hold once YAML aliases
// are expanded. The largest public API descriptions we know (GitHub's,
// Stripe's) hold well under a million; the limit stops alias bombs
// ("billion laughs") and absurd inputs before they exhaust memory or time.
const MaxNodes = 4_000_000

// yamlConverter turns a yaml.v3 tree into our Node tree: it adds end
// positions and byte offsets, applies merge keys, shares aliased nodes
// instead of copying them, and reports duplicate keys.
type yamlConverter struct {
	file   string
	src    []byte
	lines  *lineTable
	errs   Errors
	shared map[*yaml.Node]*Node // anchored nodes, converted once
	last   Pos                  // the latest position seen, for nodes yaml.v3 gives none
}

func parseYAML(file string, src []byte, base int, lines *lineTable) (*Node, Errors) {
	c := &yamlConverter{file: file, src: src, lines: lines, shared: map[*yaml.Node]*Node{}}
	dec := yaml.NewDecoder(bytes.NewReader(src[base:]))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, Errors{c.errorAt(Pos{}, "the file holds no document (it is empty or only comments)")}
		}
		return nil, Errors{c.syntaxError(err)}
	}
	if len(doc.Content) == 0 {
		return nil, Errors{c.errorAt(Pos{}, "the file holds no document (it is empty or only comments)")}
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case err == nil:
		at := c.lines.atLineCol(next.Line, next.Column)
		return nil, Errors{c.errorAt(at, "the file holds more than one YAML document; an API definition is a single document")}
	case !errors.Is(err, io.EOF):
		return nil, Errors{c.syntaxError(err)}
	}
	if size := expandedSize(doc.Content[0], map[*yaml.Node]int{}); size > MaxNodes {
		return nil, Errors{c.errorAt(Pos{}, fmt.Sprintf("the document expands to more than %d values (YAML aliases nested too deeply, or a self-referencing anchor)", MaxNodes))}
	}
	root, _ := c.convert(doc.Content[0], 0)
	return root, c.errs
}

func (c *yamlConverter) errorAt(at Pos, msg string) *Error {
	return &Error{Span: Span{File: c.file, Start: at, End: at}, Message: msg}
}

var yamlLineError = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// syntaxError turns a yaml.v3 error into one with a position. yaml.v3 only
// reports a line; we add a column where the cause can be found on that line.
func (c *yamlConverter) syntaxError(err error) *Error {
	m := yamlLineError.FindStringSubmatch(err.Error())
	if m == nil {
		return c.errorAt(Pos{}, "invalid YAML: "+trimYAMLPrefix(err.Error()))
	}
	line, _ := strconv.Atoi(m[1])
	if col := c.indentTab(line); col > 0 {
		return c.errorAt(c.lines.atLineCol(line, col), "invalid YAML: a tab character is used for indentation; YAML allows only spaces")
	}
	at := Pos{Line: line}
	if line <= len(c.lines.starts) {
		at.Offset = c.lines.starts[line-1]
	}
	return c.errorAt(at, "invalid YAML: "+m[2])
}

func trimYAMLPrefix(s string) string {
	if len(s) > 6 && s[:6] == "yaml: " {
		return s[6:]
	}
	return s
}

// indentTab returns the 1-based column of a tab in the leading whitespace of
// line, or 0.
func (c *yamlConverter) indentTab(line int) int {
	if line < 1 || line > len(c.lines.starts) {
		return 0
	}
	text := c.src[c.lines.starts[line-1]:c.lines.lineEnd(line)]
	for i, b := range text {
		switch b {
		case '\t':
			return i + 1
		case ' ':
			continue
		}
		return 0
	}
	return 0
}

// expandedSize counts the values of n with every alias expanded, stopping
// early once the count passes MaxNodes. Anchored nodes are memoized, so the
// count costs time linear in the size of the file, not of the expansion.
func expandedSize(n *yaml.Node, memo map[*yaml.Node]int) int {
	if n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if n == nil {
		return 1
	}
	if size, ok := memo[n]; ok {
		return size // negative while the node is still being counted: a cycle
	}
	if n.Anchor != "" {
		memo[n] = -MaxNodes - 1 // an anchor whose value contains itself
	}
	size := 1
	for _, child := range n.Content {
		s := expandedSize(child, memo)
		if s < 0 {
			return MaxNodes + 1
		}
		size += s
		if size > MaxNodes {
			break
		}
	}
	if n.Anchor != "" {
		memo[n] = size
	}
	return size
}

// convert returns the Node for y and where y's own text ends: for an alias,
// the end of "*name", since the shared node it resolves to lies elsewhere.
func (c *yamlConverter) convert(y *yaml.Node, depth int) (*Node, Pos) {
	if y.Kind == yaml.AliasNode {
		start := c.position(y)
		target, _ := c.convert(y.Alias, depth)
		return target, c.lines.atOffset(start.Offset + 1 + len(y.Value))
	}
	if n, ok := c.shared[y]; ok {
		return n, n.End
	}
	start := c.position(y)
	if depth > MaxDepth {
		c.errs = append(c.errs, c.errorAt(start, fmt.Sprintf("nesting deeper than %d levels", MaxDepth)))
		return &Node{Kind: Scalar, Tag: TagNull, Start: start, End: start}, start
	}
	n := &Node{Start: start, Tag: y.Tag}
	if y.Anchor != "" {
		c.shared[y] = n
	}
	switch y.Kind {
	case yaml.ScalarNode:
		n.Kind = Scalar
		n.Value = y.Value
		n.Quoted = y.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0
		n.End = c.lines.atOffset(scalarEnd(c.src, start.Offset, y))
	case yaml.MappingNode:
		n.Kind = Mapping
		last := c.mapping(n, y, depth)
		n.End = c.collectionEnd(n, y, last, '{', '}')
	case yaml.SequenceNode:
		n.Kind = Sequence
		last := start
		for _, item := range y.Content {
			child, end := c.convert(item, depth+1)
			n.Content = append(n.Content, child)
			last = end
		}
		n.End = c.collectionEnd(n, y, last, '[', ']')
	default:
		n.Kind, n.Tag, n.End = Scalar, TagNull, start
	}
	return n, n.End
}

// position returns where y starts. Implicit nodes (the missing value of
// "? key") have no position in yaml.v3; they get the latest one seen.
func (c *yamlConverter) position(y *yaml.Node) Pos {
	if y.Line > 0 {
		if p := c.lines.atLineCol(y.Line, y.Column); p.IsValid() {
			c.last = p
		}
	}
	if !c.last.IsValid() {
		c.last = c.lines.atOffset(c.lines.starts[0])
	}
	return c.last
}

// mapping converts the entries of a mapping: explicit keys first, then the
// keys of merged mappings (<<) that are not already present. It returns
// where the text of the last entry ends.
func (c *yamlConverter) mapping(n *Node, y *yaml.Node, depth int) (last Pos) {
	last = n.Start
	var index entryIndex
	var merges []*Node
	for i := 0; i+1 < len(y.Content); i += 2 {
		yk, yv := y.Content[i], y.Content[i+1]
		key, _ := c.convert(yk, depth+1)
		value, end := c.convert(yv, depth+1)
		last = end
		switch {
		case yk.Tag == "!!merge":
			merges = append(merges, value)
		case key.Kind != Scalar:
			c.errs = append(c.errs, &Error{Span: Span{File: c.file, Start: key.Start, End: key.End}, Message: "a mapping key must be a scalar; complex keys cannot be addressed by a JSON pointer"})
		default:
			if first := index.set(n, key, value); first != nil {
				c.errs = append(c.errs, duplicateKey(c.file, first, key))
			}
		}
	}
	for _, m := range merges {
		c.merge(n, &index, m)
	}
	return last
}

// merge adds the entries of a merged mapping (or of a sequence of them).
// Keys already present win: explicit ones, then those of earlier merges.
func (c *yamlConverter) merge(n *Node, index *entryIndex, src *Node) {
	sources := []*Node{src}
	if src.Kind == Sequence {
		sources = src.Content
	}
	for _, s := range sources {
		if s.Kind != Mapping {
			c.errs = append(c.errs, &Error{Span: Span{File: c.file, Start: s.Start, End: s.End}, Message: "a merge key (<<) must refer to a mapping"})
			continue
		}
		for i := 0; i < s.Len(); i++ {
			k, v := s.Pair(i)
			if index.find(n, k.Value) < 0 {
				index.set(n, k, v)
			}
		}
	}
}

// collectionEnd finds where a mapping or sequence ends: after its closing
// bracket in flow style, after the text of its last entry in block style.
func (c *yamlConverter) collectionEnd(n *Node, y *yaml.Node, last Pos, open, close byte) Pos {
	from := skipProperties(c.src, n.Start.Offset)
	if y.Style&yaml.FlowStyle == 0 || from >= len(c.src) || c.src[from] != open {
		return last
	}
	return c.lines.atOffset(closingBracket(c.src, max(from+1, last.Offset), close))
}
