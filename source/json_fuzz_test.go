package source

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// FuzzJSONMatchesEncodingJSON checks our JSON parser against encoding/json:
// both accept the same texts, and what ours reads is the value encoding/json
// decodes (numbers compared as written, the last of duplicate keys winning
// in both). Texts that checkText turns away before any parsing (binary,
// not UTF-8) and the limits only ours has (MaxDepth, MaxNodes) are left out.
func FuzzJSONMatchesEncodingJSON(f *testing.F) {
	for _, seed := range []string{
		`{"a": [1, -2.5e+3, 0, true, false, null], "b": {"c": "d"}}`,
		`"esc \" \\ \/ \b \f \n \r \t \u00e9 \ud83d\ude00 \ud800 \udc00x"`,
		"[\r\n\t 1 ,\"é – ü\" ]",
		`{"k": 1, "k": 2}`,
		`{"k" 1}`, `[1,]`, `01`, `1.`, `-`, `"\x"`, `"\u12"`, "\"a\x01\"",
		`{"long": "` + strings.Repeat("abcdefgh", 5) + `"}`,
		"[" + strings.Repeat(" ", 40) + "1" + strings.Repeat(" ", 17) + "]",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		base := 0
		if bytes.HasPrefix(src, bom) {
			base = len(bom)
		}
		if (&Document{File: "f.json", Src: src}).checkText(base) != nil {
			return
		}
		d, err := Parse("f.json", src)
		if err != nil && strings.Contains(err.Error(), "nesting deeper than") {
			return
		}
		var want any
		valid := json.Valid(src[base:])
		if valid {
			dec := json.NewDecoder(bytes.NewReader(src[base:]))
			dec.UseNumber()
			if err := dec.Decode(&want); err != nil {
				t.Fatalf("encoding/json calls %q valid but cannot decode it: %v", src, err)
			}
		}
		var root *Node
		if d != nil {
			root = d.Root
		}
		switch {
		case !valid && root != nil:
			t.Fatalf("encoding/json rejects %q, we read it", src)
		case valid && root == nil:
			t.Fatalf("encoding/json reads %q, we reject it: %v", src, err)
		case valid:
			if got := nodeValue(root); !reflect.DeepEqual(got, want) {
				t.Fatalf("%q: we read %#v, encoding/json %#v", src, got, want)
			}
		}
	})
}

// nodeValue turns a JSON tree into the value encoding/json decodes with
// UseNumber.
func nodeValue(n *Node) any {
	switch n.Kind {
	case Mapping:
		m := make(map[string]any, n.Len())
		for i := range n.Len() {
			k, v := n.Pair(i)
			m[k.Value] = nodeValue(v)
		}
		return m
	case Sequence:
		s := make([]any, len(n.Content))
		for i, c := range n.Content {
			s[i] = nodeValue(c)
		}
		return s
	}
	switch n.Tag {
	case TagInt, TagFloat:
		return json.Number(n.Value)
	case TagBool:
		return n.Value == "true"
	case TagNull:
		return nil
	}
	return n.Value
}
