package walk

import (
	"fmt"
	"path/filepath"
	"slices"
	"testing"
)

// The heads are read in parallel; the inputs keep the order of the
// arguments and, in a folder, the lexical order, without the files that
// hold no definition's mark.
func TestPathsKeepOrderWithoutUnmarkedFiles(t *testing.T) {
	dir := t.TempDir()
	const unmarked = "replicas: 3\n"
	named := writeFile(t, dir, "named/chart.yaml", unmarked) // reported: it is named
	want := []string{named}
	for f := range 5 {
		for i := range 40 {
			name := fmt.Sprintf("tree/f%d/%03d.yaml", f, i)
			if (i*7+f)%3 == 0 {
				writeFile(t, dir, name, unmarked)
				continue
			}
			want = append(want, writeFile(t, dir, name, definition))
		}
	}
	res := Paths([]string{named, filepath.Join(dir, "tree")}, Options{})
	var got []string
	for _, in := range res.Inputs {
		got = append(got, in.Path)
	}
	if !slices.Equal(got, want) {
		t.Errorf("inputs\n%q\nwant\n%q", got, want)
	}

	// --only-definitions: named files are candidates too
	values := writeFile(t, dir, "named/values.yaml", unmarked)
	api := writeFile(t, dir, "named/api.yaml", "swagger: '2.0'\n")
	res = Paths([]string{values, api, values}, Options{OnlyDefinitions: true})
	if len(res.Inputs) != 1 || res.Inputs[0].Path != api || res.Inputs[0].Explicit {
		t.Errorf("only definitions: inputs %v, want %s alone", res.Inputs, api)
	}
}

// With CallerReadsMarks the walk reads no file: every candidate is an
// input marked Candidate, in the same order, and a named file is not one.
func TestPathsLeaveMarksToTheCaller(t *testing.T) {
	dir := t.TempDir()
	named := writeFile(t, dir, "named/chart.yaml", "replicas: 3\n")
	unmarked := writeFile(t, dir, "tree/a.yaml", "replicas: 3\n")
	marked := writeFile(t, dir, "tree/b.yaml", definition)
	res := Paths([]string{named, filepath.Join(dir, "tree")}, Options{CallerReadsMarks: true})
	want := []Input{{Path: named, Explicit: true}, {Path: unmarked, Candidate: true}, {Path: marked, Candidate: true}}
	for i := range res.Inputs {
		res.Inputs[i].Root = "" // the walked folder's resolved path: not what this test is about
	}
	if !slices.Equal(res.Inputs, want) {
		t.Errorf("inputs\n%v\nwant\n%v", res.Inputs, want)
	}
}
