package source

import (
	"github.com/apigw-oas/apigw-oas/internal/goroutine"
)

// splitFrom is the size from which a JSON document's top-level values are
// parsed on other cores, each value that large by its own parser while the
// first parser skips over it. A large definition is mostly two such values
// (paths and components); a file smaller than this is parsed in one go.
var splitFrom = 256 << 10

// split is the parsing of a document's large top-level values in other
// goroutines. Any error, in the first parser or in one of the others, makes
// Parse start again without splitting, so that errors are found and
// reported exactly as in one pass.
type split struct {
	g    goroutine.Group
	subs []*subParse
}

// subParse is one top-level value parsed by its own parser; into is the
// node the first parser placed in the tree for it.
type subParse struct {
	p          *jsonParser
	end        int
	root, into *Node
}

// parseJSONSplit parses a large document with its large top-level values
// parsed concurrently; ok is false when it found an error of any kind.
func parseJSONSplit(file string, src []byte, base int) (root *Node, lines *lineTable, ok bool) {
	p := newJSONParser(file, src, base, emptyLineTable(src, base))
	p.split = &split{}
	root, ok = p.join(p.run())
	return root, p.lines, ok
}

// join waits for the other parsers and puts their values in the tree.
func (p *jsonParser) join(root *Node) (*Node, bool) {
	p.split.g.Wait()
	count := p.count
	for _, s := range p.split.subs {
		if s.root == nil || s.p.errs != nil || s.p.i != s.end {
			return nil, false
		}
		*s.into = *s.root
		count += s.p.count
	}
	if root == nil || p.errs != nil || count > MaxNodes {
		return nil, false
	}
	p.lines.scan(p.i, false)
	return root, true
}

// member parses the value of a top-level entry: a large mapping or
// sequence is skipped and handed to another parser, anything else is
// parsed here.
func (p *jsonParser) member() *Node {
	start := p.i
	if p.split == nil || p.depth != 1 || start >= len(p.src) || (p.src[start] != '{' && p.src[start] != '[') {
		return p.value()
	}
	at := p.pos(start)
	if !p.skipContainer() || p.i-start < splitFrom {
		p.i, p.line, p.col, p.colOff = start, int(at.Line), int(at.Col), start
		p.lines.starts = p.lines.starts[:p.lines.lineOf(start)]
		return p.value()
	}
	// The other parser starts where this one is; the line breaks in its
	// text are recorded here (skipContainer), and its own table only
	// serves to place an error.
	sub := &subParse{p: newJSONParser(p.file, p.src, start, &lineTable{src: p.src, starts: []int{start}}), end: p.i, into: p.node()}
	sub.p.line, sub.p.col, sub.p.depth, sub.p.sub = int(at.Line), int(at.Col), p.depth, true
	p.split.subs = append(p.split.subs, sub)
	p.split.g.Go(func() { sub.root = sub.p.guard(sub.p.value) })
	return sub.into
}

// skipContainer moves past the mapping or sequence at p.i, recording its
// line breaks, without building it. It only matches brackets and skips
// strings: false means it found the text malformed (its parser will say
// how).
func (p *jsonParser) skipContainer() bool {
	depth := 0
	for p.i < len(p.src) {
		p.i += structureStop(p.src, p.i)
		if p.i >= len(p.src) {
			return false
		}
		switch p.src[p.i] {
		case '{', '[':
			depth++
			p.i++
		case '}', ']':
			depth--
			p.i++
			if depth == 0 {
				return true
			}
		case '"':
			p.i++
			if !p.skipString() {
				return false
			}
		case '\n', '\r':
			p.skipSpace()
		default: // the last bytes of the text, which structureStop leaves
			p.i++
		}
	}
	return false
}

// skipString moves past the rest of a string whose opening quote is
// passed.
func (p *jsonParser) skipString() bool {
	for {
		p.i += stringStop(p.src, p.i)
		if p.i >= len(p.src) {
			return false
		}
		switch c := p.src[p.i]; {
		case c == '"':
			p.i++
			return true
		case c == '\\':
			p.i += 2
		case c < 0x20:
			return false
		default:
			p.i++
		}
	}
}
