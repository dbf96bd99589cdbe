package source

import (
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
)

// A split parse must build the tree and line table one parser builds,
// position for position.
// It returns how many values were split off.
func checkSplitMatches(t *testing.T, src []byte) int {
	t.Helper()
	base := 0
	if strings.HasPrefix(string(src), string(bom)) {
		base = len(bom)
	}
	if (&Document{File: "f.json", Src: src}).checkText(base) != nil {
		return 0
	}
	one := newJSONParser("f.json", src, base, emptyLineTable(src, base))
	want := one.run()
	one.lines.scan(one.i, false)
	p := newJSONParser("f.json", src, base, emptyLineTable(src, base))
	p.split = &split{}
	got, ok := p.join(p.run())
	if !ok {
		if want != nil && one.errs == nil {
			t.Fatalf("%q: the split parse failed where one parser succeeds", src)
		}
		return 0
	}
	if want == nil || one.errs != nil {
		t.Fatalf("%q: the split parse succeeded where one parser fails: %v", src, one.errs)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%q: the split parse built another tree", src)
	}
	if !reflect.DeepEqual(p.lines.starts, one.lines.starts) {
		t.Fatalf("%q: line starts %v, want %v", src, p.lines.starts, one.lines.starts)
	}
	return len(p.split.subs)
}

// withSplitFrom lowers the size from which values are split, so that small
// inputs exercise it.
func withSplitFrom(t testing.TB, size int) {
	old := splitFrom
	splitFrom = size
	t.Cleanup(func() { splitFrom = old })
}

func FuzzJSONSplit(f *testing.F) {
	for _, seed := range []string{
		"{\"a\": {\"b\": [1, 2]},\r\n \"c\": [\"é\\n\", {\"d\": null}],\n\t\"e\": 1}",
		`{"a": {"x": 1}, "a": [2]}`, `{"a": {"b": "}"}, "c": ["]"]}`, `{"a": {"b": 1]}`,
		`{"a": {"b": "\"{"}}`, "{\"a\": {\"b\": \"x\ny\"}}", `{"a": [`, `[{"a": {}}]`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		withSplitFrom(t, 0)
		checkSplitMatches(t, src)
	})
}

// TestJSONSplitLarge splits a generated document of many lines, with
// multi-byte text and CRLF breaks, and the bench file when it is there.
func TestJSONSplitLarge(t *testing.T) {
	var b strings.Builder
	b.WriteString("{\r\n  \"openapi\": \"3.0.1\",\r\n  \"paths\": {")
	for i := range 2000 {
		fmt.Fprintf(&b, "%s\r\n    \"/p%d\": {\"get\": {\"description\": \"ü – \\\"%d\\\"\", \"x\": [%d, true]}}", map[bool]string{true: ",", false: ""}[i > 0], i, i, i)
	}
	b.WriteString("\r\n  },\r\n  \"components\": {\"schemas\": {\"s\": {\"type\": \"string\"}}}, \"tail\": [1]\r\n}\r\n")
	withSplitFrom(t, 16)
	if parts := checkSplitMatches(t, []byte(b.String())); parts != 2 {
		t.Errorf("%d values split off, want paths and components", parts)
	}
	if data, err := os.ReadFile("../../shared/bench/api.github.com.apigw.json"); err == nil {
		withSplitFrom(t, 256<<10)
		if parts := checkSplitMatches(t, data); parts == 0 {
			t.Error("the bench file was not split")
		}
	}
}
