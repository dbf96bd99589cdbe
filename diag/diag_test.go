package diag

import (
	"errors"
	"testing"

	"github.com/apigw-oas/apigw-oas/source"
)

func at(file string, line, col int32) source.Span {
	return source.Span{File: file, Start: source.Pos{Line: line, Col: col}}
}

func TestSortIsByFileLineColumnRule(t *testing.T) {
	ds := []Diagnostic{
		{Rule: "b", Span: at("b.yaml", 1, 1)},
		{Rule: "z", Span: at("a.yaml", 10, 2)},
		{Rule: "a", Span: at("a.yaml", 10, 2)},
		{Rule: "a", Span: at("a.yaml", 2, 30)},
		{Rule: "a", Span: at("a.yaml", 10, 1)},
	}
	Sort(ds)
	want := []string{"a.yaml:2:30 a", "a.yaml:10:1 a", "a.yaml:10:2 a", "a.yaml:10:2 z", "b.yaml:1:1 b"}
	for i, d := range ds {
		if got := d.Span.String() + " " + d.Rule; got != want[i] {
			t.Errorf("%d: %s, want %s", i, got, want[i])
		}
	}
}

func TestFromSourceAndString(t *testing.T) {
	errs := source.Errors{
		{Span: at("a.json", 3, 7), Message: "unexpected character 'x'"},
		{Span: source.Span{File: "b.yaml"}, Message: "the file is empty"},
	}
	ds := FromSource(errs)
	want := []string{
		"a.json:3:7: error: unexpected character 'x' [syntax]",
		"b.yaml: error: the file is empty [syntax]",
	}
	if len(ds) != 2 {
		t.Fatalf("got %d diagnostics", len(ds))
	}
	for i, d := range ds {
		if d.String() != want[i] {
			t.Errorf("%q, want %q", d.String(), want[i])
		}
	}
	if FromSource(nil) != nil || len(FromSource(errors.New("boom"))) != 1 {
		t.Error("FromSource")
	}
}
