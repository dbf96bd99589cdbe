package lint

import (
	"fmt"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/source"
)

// Parser reads a file's bytes into the tree fixes' pointers address: the
// YAML or JSON parser, or the Terraform importer for HCL.
type Parser func(src []byte) (*source.Document, error)

// FixBytes writes a fix's edits into the bytes of the file doc was parsed
// from: each edit becomes a replacement in the style the file uses around
// it, applied to the result of the one before, as JSON Patch applies edits.
// The result is checked against ApplyFix on a copy of the tree: the edited file
// must read back as exactly that tree, or there is no byte fix (an error),
// never a wrong one. The replacements are against doc.Src, sorted.
func FixBytes(doc *source.Document, fix *diag.Fix, parse Parser) ([]source.Replacement, []byte, error) {
	cur := doc
	segs := segments{{end: len(doc.Src), orig: true}}
	for _, e := range fix.Edits {
		r, err := byteEdit(cur, e)
		if err != nil {
			return nil, nil, fmt.Errorf("%s %s: %w", e.Op, e.Pointer, err)
		}
		segs = segs.replace(r)
		if cur, err = parse(source.Apply(cur.Src, []source.Replacement{r})); err != nil {
			return nil, nil, fmt.Errorf("%s %s: the edited file does not parse: %w", e.Op, e.Pointer, err)
		}
	}
	want := cloneTree(doc)
	if err := ApplyFix(want, fix); err != nil {
		return nil, nil, err
	}
	if !sameTree(want, cur.Root) {
		return nil, nil, fmt.Errorf("the edited file does not read as the fix says")
	}
	return segs.replacements(len(doc.Src)), cur.Src, nil
}

func byteEdit(doc *source.Document, e diag.Edit) (source.Replacement, error) {
	switch e.Op {
	case diag.EditRemove:
		return doc.RemoveBytes(e.Pointer)
	case diag.EditReplace:
		return doc.ReplaceBytes(e.Pointer, e.Value)
	case diag.EditAdd:
		return doc.AddBytes(e.Pointer, e.Value)
	}
	return source.Replacement{}, fmt.Errorf("cannot write %v", e.Value)
}

// cloneTree copies a document's tree for ApplyFix to change, nodes YAML
// aliases share staying shared, as in a tree parsed afresh. A JSON tree
// shares no nodes, so it is copied without remembering each one (a map
// of every node of a large file).
func cloneTree(doc *source.Document) *source.Node {
	if doc.Syntax == source.JSON {
		return source.DeepCopy(doc.Root)
	}
	return cloneShared(doc.Root, map[*source.Node]*source.Node{})
}

func cloneShared(n *source.Node, done map[*source.Node]*source.Node) *source.Node {
	if c, ok := done[n]; ok {
		return c
	}
	c := *n
	done[n] = &c
	c.Content = make([]*source.Node, len(n.Content))
	for i, child := range n.Content {
		c.Content[i] = cloneShared(child, done)
	}
	return &c
}

// sameTree compares two trees by what they hold, not where.
func sameTree(a, b *source.Node) bool {
	if a.Kind != b.Kind || a.Value != b.Value || a.Tag != b.Tag || len(a.Content) != len(b.Content) {
		return false
	}
	for i := range a.Content {
		if !sameTree(a.Content[i], b.Content[i]) {
			return false
		}
	}
	return true
}

// segments describe an edited text as pieces of the original (orig, from
// start to end) and new text, so that edits made one after another can be
// given as replacements of the original bytes.
type segments []segment

type segment struct {
	start, end int // of the original, when orig
	text       string
	orig       bool
}

func (s segment) length() int {
	if s.orig {
		return s.end - s.start
	}
	return len(s.text)
}

func (s segment) cut(i, j int) segment {
	if s.orig {
		return segment{start: s.start + i, end: s.start + j, orig: true}
	}
	return segment{text: s.text[i:j]}
}

// replace makes a replacement given in the edited text's offsets.
func (ss segments) replace(r source.Replacement) segments {
	var out segments
	put := func(s segment) {
		if s.length() > 0 {
			out = append(out, s)
		}
	}
	inserted, pos := false, 0
	for _, s := range ss {
		a, l := pos, s.length()
		pos += l
		if a < r.Start {
			put(s.cut(0, min(l, r.Start-a)))
		}
		if !inserted && r.Start <= pos {
			put(segment{text: r.Text})
			inserted = true
		}
		if from := max(a, r.End); from < pos {
			put(s.cut(from-a, l))
		}
	}
	if !inserted {
		put(segment{text: r.Text})
	}
	return out
}

// replacements are the segments as replacements of the original, whose
// length is size.
func (ss segments) replacements(size int) []source.Replacement {
	var out []source.Replacement
	at, text := 0, ""
	flush := func(upTo int) {
		if upTo != at || text != "" {
			out = append(out, source.Replacement{Start: at, End: upTo, Text: text})
		}
		text = ""
	}
	for _, s := range ss {
		if !s.orig {
			text += s.text
			continue
		}
		flush(s.start)
		at = s.end
	}
	flush(size)
	return out
}
