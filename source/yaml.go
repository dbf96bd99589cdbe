package source

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	yaml "go.yaml.in/yaml/v3"
)

// MaxNodes bounds how many values one document may hold, YAML aliases
// expanded. The largest public API descriptions we know (GitHub's,
// Stripe's) hold under 200,000; the limit stops alias bombs ("billion
// laughs") and absurd inputs before they exhaust memory or time.
const MaxNodes = 1_000_000

const noDocument = "the file holds no document (it is empty or only comments)"

// yamlConverter turns a yaml.v3 tree into our Node tree: it adds end
// positions and byte offsets, applies merge keys, shares aliased nodes
// instead of copying them, and reports duplicate keys.
type yamlConverter struct {
	file string
	src  []byte
	// yamlLines maps yaml.v3's line:column to offsets; it breaks lines
	// where yaml.v3 does (also at NEL, LS and PS). lines then gives the
	// positions we report, broken at CR and LF only, as editors do.
	yamlLines, lines *lineTable
	errs             Errors
	shared           map[*yaml.Node]*Node // anchored nodes, converted once
	last             Pos                  // the latest position seen, for nodes yaml.v3 gives none
	tooDeep          bool                 // the depth error was reported
}

// parseYAML returns the root, the nodes YAML aliases refer to, and errors.
func parseYAML(file string, src []byte, base int, lines *lineTable) (*Node, map[*Node]bool, Errors) {
	c := &yamlConverter{file: file, src: src, lines: lines, yamlLines: newLineTable(src, base, true), shared: map[*yaml.Node]*Node{}}
	if estimate := valueEstimate(src[base:]); estimate > MaxNodes {
		return nil, nil, Errors{errorAt(file, Pos{}, fmt.Sprintf("the document is too large: it may hold more than %d values (it has %d lines, commas and \": \"/\"- \" indicators)", MaxNodes, estimate))}
	}
	dec := yaml.NewDecoder(bytes.NewReader(src[base:]))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil, Errors{errorAt(file, Pos{}, noDocument)}
		}
		return nil, nil, Errors{c.syntaxError(err)}
	}
	if len(doc.Content) == 0 {
		return nil, nil, Errors{errorAt(file, Pos{}, noDocument)}
	}
	if err := c.onlyEmptyDocumentsFollow(dec); err != nil {
		return nil, nil, Errors{err}
	}
	if size := expandedSize(doc.Content[0], map[*yaml.Node]int{}); size > MaxNodes {
		return nil, nil, Errors{errorAt(file, Pos{}, fmt.Sprintf("the document expands to more than %d values: YAML aliases nested too deeply, or an anchor that contains itself", MaxNodes))}
	}
	root, _ := c.convert(doc.Content[0], 0, -1)
	if doc.HeadComment != "" || doc.FootComment != "" {
		// Comments before the first key, or after the last, belong to the
		// document; they are kept on the root.
		cm := Comments{Head: doc.HeadComment, Foot: doc.FootComment}
		if root.Comments != nil {
			cm.Line = root.Comments.Line
			cm.Head = strings.TrimSpace(cm.Head + "\n\n" + root.Comments.Head)
			cm.Foot = strings.TrimSpace(root.Comments.Foot + "\n\n" + cm.Foot)
		}
		root.Comments = &cm
	}
	shared := make(map[*Node]bool, len(c.shared))
	for _, n := range c.shared {
		shared[n] = true
	}
	return root, shared, c.errs
}

// valueEstimate bounds the number of values a YAML text can hold, cheaply,
// so that huge inputs are refused before yaml.v3 builds its (large) tree.
func valueEstimate(src []byte) int {
	return bytes.Count(src, []byte{'\n'}) + bytes.Count(src, []byte{','}) +
		bytes.Count(src, []byte(": ")) + bytes.Count(src, []byte("- "))
}

// onlyEmptyDocumentsFollow accepts a stream whose further documents are
// empty (a trailing "---", which templating tools often leave) and rejects
// one that holds a second definition.
func (c *yamlConverter) onlyEmptyDocumentsFollow(dec *yaml.Decoder) *Error {
	for {
		var next yaml.Node
		err := dec.Decode(&next)
		switch {
		case errors.Is(err, io.EOF):
			return nil
		case err != nil:
			return c.syntaxError(err)
		}
		if len(next.Content) > 0 && !isEmptyScalar(next.Content[0]) {
			at := c.lines.atOffset(int(c.yamlLines.atLineCol(next.Line, next.Column).Offset))
			return errorAt(c.file, at, "the file holds more than one YAML document; an API definition is a single document")
		}
	}
}

func isEmptyScalar(y *yaml.Node) bool {
	return y.Kind == yaml.ScalarNode && y.Tag == TagNull && y.Value == ""
}

var yamlLineError = lazyRegexp(`^yaml: line (\d+): (.*)$`)

// syntaxError turns a yaml.v3 error into one with a position. yaml.v3 only
// reports a line; we add a column where the cause can be found on that line.
func (c *yamlConverter) syntaxError(err error) *Error {
	m := yamlLineError().FindStringSubmatch(err.Error())
	if strings.Contains(err.Error(), "exceeded max depth") {
		return errorAt(c.file, c.lines.atOffset(tooDeepFlow(c.src)), fmt.Sprintf("nesting deeper than %d levels", MaxDepth))
	}
	if m == nil {
		return errorAt(c.file, Pos{}, "invalid YAML: "+strings.TrimPrefix(err.Error(), "yaml: "))
	}
	line, _ := strconv.Atoi(m[1])
	for _, l := range []int{line, line + 1} { // yaml.v3 may name the line before the tab
		if off := c.indentTab(l); off >= 0 {
			return errorAt(c.file, c.lines.atOffset(off), "invalid YAML: a tab character is used for indentation; YAML allows only spaces")
		}
	}
	at := Pos{}
	if line >= 1 && line <= len(c.yamlLines.starts) {
		at = c.lines.atOffset(c.yamlLines.starts[line-1])
		at.Col = 0 // yaml.v3 gives no column
	}
	return errorAt(c.file, at, "invalid YAML: "+m[2])
}

// tooDeepFlow finds where flow collections ([ and {) nest deeper than
// MaxDepth, to give yaml.v3's depth error, which has no position, one. It
// skips quoted scalars and comments; brackets in plain scalars are rare
// and balanced enough not to matter here.
func tooDeepFlow(src []byte) int {
	depth := 0
	for i := 0; i < len(src); i++ {
		switch c := src[i]; {
		case c == '[' || c == '{':
			if depth++; depth > MaxDepth {
				return i
			}
		case c == ']' || c == '}':
			depth = max(0, depth-1)
		case (c == '"' || c == '\'') && (i == 0 || bytes.IndexByte([]byte(" \t\n[{,:"), src[i-1]) >= 0):
			i = quotedEnd(src, i, c) - 1
		case c == '#' && (i == 0 || src[i-1] == ' ' || src[i-1] == '\t' || src[i-1] == '\n'):
			for i < len(src) && src[i] != '\n' {
				i++
			}
		}
	}
	return 0
}

// indentTab returns the offset of a tab in the leading whitespace of line,
// or -1.
func (c *yamlConverter) indentTab(line int) int {
	if line < 1 || line > len(c.yamlLines.starts) {
		return -1
	}
	for off := c.yamlLines.starts[line-1]; off < len(c.src); off++ {
		switch c.src[off] {
		case '\t':
			return off
		case ' ':
			continue
		}
		return -1
	}
	return -1
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
		memo[n] = -1
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
// indent is the indentation of the enclosing block collection (-1 at the
// root), which block scalars with an indentation indicator count from.
func (c *yamlConverter) convert(y *yaml.Node, depth, indent int) (*Node, Pos) {
	if y.Kind == yaml.AliasNode {
		start := c.offset(y)
		target, _ := c.convert(y.Alias, depth, indent)
		return target, c.lines.atOffset(start + 1 + len(y.Value))
	}
	if n, ok := c.shared[y]; ok {
		return n, n.End
	}
	content, propsEnd := contentStart(c.src, c.offset(y))
	if y.Kind == yaml.ScalarNode && y.Value == "" && y.Style&textStyles == 0 {
		content = propsEnd // an empty value ("key:", "key: !!str"): a point where its text would be
	}
	start := c.lines.atOffset(content)
	if depth > MaxDepth {
		if !c.tooDeep {
			c.tooDeep = true
			c.errs = append(c.errs, errorAt(c.file, start, fmt.Sprintf("nesting deeper than %d levels", MaxDepth)))
		}
		return &Node{Kind: Scalar, Tag: TagNull, Start: start, End: start}, start
	}
	n := &Node{Start: start, Tag: y.Tag}
	if y.HeadComment != "" || y.LineComment != "" || y.FootComment != "" {
		n.Comments = &Comments{Head: y.HeadComment, Line: y.LineComment, Foot: y.FootComment}
	}
	if y.Anchor != "" {
		c.shared[y] = n
	}
	switch y.Kind {
	case yaml.ScalarNode:
		n.Kind = Scalar
		n.Value = y.Value
		n.End = c.lines.atOffset(c.scalarEnd(content, y, indent))
	case yaml.MappingNode:
		n.Kind = Mapping
		last := c.mapping(n, y, depth)
		n.End = c.collectionEnd(n, y, last, '{', '}')
	case yaml.SequenceNode:
		n.Kind = Sequence
		last := start
		for _, item := range y.Content {
			child, end := c.convert(item, depth+1, int(start.Col)-1)
			n.Content = append(n.Content, child)
			last = end
		}
		n.End = c.collectionEnd(n, y, last, '[', ']')
	default:
		n.Kind, n.Tag, n.End = Scalar, TagNull, start
	}
	if len(n.Content) > 0 && n.Content[0].Start.Offset < n.Start.Offset {
		// "&a: x" anchors the empty first key, not the mapping, yet
		// contentStart skipped "&a" as the mapping's own property
		n.Start = n.Content[0].Start
	}
	if n.End.Offset < n.Start.Offset {
		n.End = n.Start // yaml.v3 misplaces nodes around odd anchors ("&0:: ", an anchor named "0:")
	}
	return n, n.End
}

// offset returns where yaml.v3 says y starts. Implicit nodes (the missing
// value of "? key") have no position in yaml.v3; they get the latest one.
func (c *yamlConverter) offset(y *yaml.Node) int {
	if y.Line > 0 {
		if p := c.yamlLines.atLineCol(y.Line, y.Column); p.IsValid() {
			c.last = p
		}
	}
	if !c.last.IsValid() {
		c.last = c.yamlLines.atOffset(c.yamlLines.starts[0])
	}
	return int(c.last.Offset)
}

// mapping converts the entries of a mapping: explicit keys first, then the
// keys of merged mappings (<<) that are not already present. It returns
// where the text of the last entry ends.
func (c *yamlConverter) mapping(n *Node, y *yaml.Node, depth int) (last Pos) {
	last = n.Start
	indent := int(n.Start.Col) - 1
	var index entryIndex
	var merges []*Node
	for i := 0; i+1 < len(y.Content); i += 2 {
		yk, yv := y.Content[i], y.Content[i+1]
		key, _ := c.convert(yk, depth+1, indent)
		value, end := c.convert(yv, depth+1, indent)
		last = end
		switch {
		case yk.Tag == "!!merge":
			merges = append(merges, value)
		case key.Kind != Scalar:
			c.errs = append(c.errs, nodeError(c.file, key, "a mapping key must be a scalar; complex keys cannot be addressed by a JSON pointer"))
		default:
			if first := index.set(&n.Content, 0, key, value); first != nil {
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
			c.errs = append(c.errs, nodeError(c.file, s, "a merge key (<<) must refer to a mapping"))
			continue
		}
		for i := 0; i < s.Len(); i++ {
			k, v := s.Pair(i)
			if index.find(n.Content, k.Value) < 0 {
				index.set(&n.Content, 0, k, v)
			}
		}
	}
}

// collectionEnd finds where a mapping or sequence ends: after its closing
// bracket in flow style, after the text of its last entry in block style.
func (c *yamlConverter) collectionEnd(n *Node, y *yaml.Node, last Pos, open, close byte) Pos {
	from := int(n.Start.Offset)
	if y.Style&yaml.FlowStyle == 0 || from >= len(c.src) || c.src[from] != open {
		return last
	}
	return c.lines.atOffset(closingBracket(c.src, max(from+1, int(last.Offset)), close))
}
