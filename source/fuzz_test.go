package source

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// FuzzParse checks that no input panics the parsers and that every span
// they report lies inside the file, start before end.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		"openapi: 3.0.1\npaths:\n  /a:\n    get: {}\n",
		`{"swagger": "2.0", "x": [1, 2.5e3, "é\u00e9", null, true]}`,
		"a: &a [1]\nb: *a\nc:\n  <<: {k: v}\n",
		"k: |\n  text\n\nl: >-\n  x\n",
		"\xef\xbb\xbf{\"a\":1}",
	} {
		f.Add("f.yaml", []byte(seed))
		f.Add("f.json", []byte(seed))
	}
	f.Fuzz(func(t *testing.T, name string, src []byte) {
		began := time.Now()
		d, err := Parse(name, src)
		if took := time.Since(began); took > 2*time.Second {
			t.Fatalf("Parse took %v on a %d-byte input", took, len(src))
		}
		if err != nil || d == nil || d.Root == nil {
			return
		}
		fresh := newLineTable(src, d.lines.starts[0], false)
		if !slices.Equal(d.lines.starts, fresh.starts) {
			t.Fatalf("line starts %v, want %v", d.lines.starts, fresh.starts)
		}
		checkTree(t, d, fresh, d.Root, 0)
	})
}

// checkTree checks every span: inside the file, start before end, line and
// column agreeing with the offset, and a one-line scalar's text being its
// value (or its value quoted).
func checkTree(t *testing.T, d *Document, fresh *lineTable, n *Node, depth int) {
	if depth > MaxDepth+1 {
		t.Fatalf("tree deeper than MaxDepth")
	}
	if n.Start.Line < 1 || n.Start.Col < 1 || n.Start.Offset > n.End.Offset || int(n.End.Offset) > len(d.Src) {
		t.Fatalf("bad span %v-%v (offsets %d-%d) in a %d-byte file", n.Start, n.End, n.Start.Offset, n.End.Offset, len(d.Src))
	}
	for _, p := range []Pos{n.Start, n.End} {
		if q := fresh.atOffset(int(p.Offset)); q != p {
			t.Fatalf("position %v does not match offset %d, which is at %v", p, p.Offset, q)
		}
	}
	if n.Kind == Scalar && n.Start.Line == n.End.Line && n.Start.Offset < n.End.Offset {
		text := string(d.Src[n.Start.Offset:n.End.Offset])
		switch text[0] {
		case '"', '\'':
			if len(text) < 2 || text[len(text)-1] != text[0] {
				t.Fatalf("quoted scalar %q spans %q", n.Value, text)
			}
		case '|', '>':
		default: // NEL, LS and PS fold like line breaks though editors show one line
			if text != n.Value && !strings.ContainsAny(text, "\u0085\u2028\u2029") {
				t.Fatalf("scalar %q spans %q", n.Value, text)
			}
		}
	}
	for _, c := range n.Content {
		checkTree(t, d, fresh, c, depth+1)
	}
}
