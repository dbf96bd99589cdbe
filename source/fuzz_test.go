package source

import (
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
		checkTree(t, d.Root, len(src), 0)
	})
}

func checkTree(t *testing.T, n *Node, size, depth int) {
	if depth > MaxDepth+1 {
		t.Fatalf("tree deeper than MaxDepth")
	}
	if n.Start.Line < 1 || n.Start.Col < 1 || n.Start.Offset > n.End.Offset || n.End.Offset > size {
		t.Fatalf("bad span %v-%v (offsets %d-%d) in a %d-byte file", n.Start, n.End, n.Start.Offset, n.End.Offset, size)
	}
	for _, c := range n.Content {
		checkTree(t, c, size, depth+1)
	}
}
