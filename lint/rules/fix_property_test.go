package rules

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/importer"
	"github.com/apigw-oas/apigw-oas/lint"
	"github.com/apigw-oas/apigw-oas/source"
)

// fixInputs are every rule case (bad and good, files and the files of
// case folders) and every fixture.
func fixInputs() []string {
	var out []string
	cases, _ := filepath.Glob(filepath.Join("testdata", "*", "*_*"))
	fixtures, _ := filepath.Glob(filepath.Join("..", "..", "fixtures", "*"))
	for _, path := range append(cases, fixtures...) {
		if info, err := os.Stat(path); err == nil && info.IsDir() {
			out = append(out, caseDefinitions(path)...)
		} else if ext := filepath.Ext(path); ext != ".out" && ext != ".md" {
			out = append(out, path)
		}
	}
	return out
}

// TestFixProperty applies every fix, unsafe ones too, to every rule case
// and fixture (in a copy of its folder), and checks what --fix promises:
// the fixed findings are gone and no new one appears, the files still
// import, every value outside the edited lines is where it was, and a
// second --fix changes nothing. A fix may edit another file than the one
// linted (a body, a .tf file of the module): every file it changes is
// checked so.
func TestFixProperty(t *testing.T) {
	for _, path := range fixInputs() {
		t.Run(path, func(t *testing.T) {
			t.Parallel()
			file, opts := copyCase(t, path)
			inputs := []lint.Input{{Path: file, Explicit: true}}
			before := lint.Run(inputs, opts)
			fixed, refused := lint.Fix(before, opts, lint.FixOptions{Unsafe: true})
			if len(refused) > 0 {
				t.Errorf("fixes refused: %v", refused)
			}
			if len(fixed) == 0 {
				return
			}
			writeFixed(t, fixed)
			after := lint.Run(inputs, opts)
			t.Cleanup(func() {
				if t.Failed() {
					t.Logf("the fixes:\n%s", diffOf(fixed))
				}
			})
			checkFixedFindings(t, before.Diagnostics, after.Diagnostics)
			for _, f := range fixed {
				checkPositionsKept(t, f.File, f.Before, f.After)
			}
			if again, _ := lint.Fix(after, opts, lint.FixOptions{Unsafe: true}); len(again) > 0 {
				t.Errorf("a second --fix changes the files again:\n%s", diffOf(again))
			}
			writeOriginals(t, fixed)
			checkLineEndsKept(t, file, fixed, opts)
		})
	}
}

func writeFixed(t *testing.T, fixed []lint.Fixed) {
	t.Helper()
	for _, f := range fixed {
		if err := os.WriteFile(f.File, f.After, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func writeOriginals(t *testing.T, fixed []lint.Fixed) {
	t.Helper()
	for _, f := range fixed {
		if err := os.WriteFile(f.File, f.Before, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func diffOf(fixed []lint.Fixed) string {
	var out strings.Builder
	for _, f := range fixed {
		out.WriteString(lint.UnifiedDiff(f.File, f.Before, f.After))
	}
	return out.String()
}

// checkLineEndsKept fixes the files written with CRLF line endings and a
// byte order mark, and checks that the fixed texts keep both.
func checkLineEndsKept(t *testing.T, file string, fixed []lint.Fixed, opts lint.Options) {
	t.Helper()
	for _, f := range fixed {
		if bytes.Contains(f.Before, []byte("\r")) || bytes.HasPrefix(f.Before, []byte("\ufeff")) {
			return
		}
	}
	for _, f := range fixed {
		crlf := append([]byte("\ufeff"), bytes.ReplaceAll(f.Before, []byte("\n"), []byte("\r\n"))...)
		if err := os.WriteFile(f.File, crlf, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	again, _ := lint.Fix(lint.Run([]lint.Input{{Path: file, Explicit: true}}, opts), opts, lint.FixOptions{Unsafe: true})
	if len(again) != len(fixed) {
		t.Errorf("with CRLF line endings and a byte order mark, %d files are fixed, not %d", len(again), len(fixed))
	}
	for _, f := range again {
		if !bytes.HasPrefix(f.After, []byte("\ufeff")) || bytes.Count(f.After, []byte("\n")) != bytes.Count(f.After, []byte("\r\n")) {
			t.Errorf("the fixes lose the CRLF line endings or the byte order mark of %s:\n%q", f.File, f.After)
		}
	}
}

// copyCase copies the folder of path (other files a definition refers to
// come with it) and returns the copy of path and the options its folder's
// configuration gives.
func copyCase(t *testing.T, path string) (string, lint.Options) {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Dir(path))); err != nil {
		t.Fatal(err)
	}
	opts := lint.Options{Rules: All, Fixes: true}
	if config := filepath.Join(dir, lint.ConfigFileName); fileExists(config) {
		cfg, problems := lint.LoadConfig(config, All)
		if problems != nil {
			t.Fatal(problems)
		}
		opts.Config = cfg
	}
	return filepath.Join(dir, filepath.Base(path)), opts
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// stateFindings are infos about a state that needs binary media types to
// exist (uploads a template drops): a fix that adds the API's first one
// brings them to light, though the state was there before.
var stateFindings = []string{"convert-to-text-body-unused"}

// checkFixedFindings: each finding whose fix could apply is gone, and no
// finding appears that was not there before (by message, or at the same
// pointer: a message may describe the new state).
func checkFixedFindings(t *testing.T, before, after []diag.Diagnostic) {
	t.Helper()
	key := func(d diag.Diagnostic) string { return d.Rule + ": " + d.Message }
	was, is, fixable := map[string]int{}, map[string]int{}, map[string]int{}
	for _, d := range before {
		was[key(d)]++
		if d.Fix != nil && len(d.Fix.Replacements) > 0 && !d.Suppressed() {
			fixable[key(d)]++
		}
	}
	for _, d := range after {
		is[key(d)]++
		if d.Rule == diag.RuleSyntax {
			t.Errorf("the fixed file does not import: %s", d)
		}
	}
	for k, n := range fixable {
		if is[k] > was[k]-n {
			t.Errorf("a fixed finding is still there: %s", k)
		}
	}
	samePlace := func(d diag.Diagnostic) bool {
		return slices.ContainsFunc(before, func(b diag.Diagnostic) bool { return b.Rule == d.Rule && b.Pointer == d.Pointer })
	}
	for _, d := range after {
		if is[key(d)] > was[key(d)] && !samePlace(d) && !slices.Contains(outcomeFindings, d.Rule) && !slices.Contains(stateFindings, d.Rule) {
			t.Errorf("the fix brings a new finding: %s", d)
		}
	}
}

// checkPositionsKept reads both texts and checks that every value written
// on lines the fixes left alone is read at the same place, mapped line for
// line, with the same value.
func checkPositionsKept(t *testing.T, file string, before, after []byte) {
	t.Helper()
	old, now := treeOf(t, file, before), treeOf(t, file, after)
	same := lint.UnchangedLines(before, after)
	at := map[[2]int32]*source.Node{}
	walk(now, func(n *source.Node) { at[[2]int32{n.Start.Line, n.Start.Col}] = n })
	walk(old, func(n *source.Node) {
		first, ok1 := same[int(n.Start.Line)-1]
		last, ok2 := same[int(n.End.Line)-1]
		if !ok1 || !ok2 || last-first != int(n.End.Line-n.Start.Line) {
			return
		}
		m := at[[2]int32{int32(first) + 1, n.Start.Col}]
		if m == nil || m.Value != n.Value || m.End.Col != n.End.Col {
			t.Errorf("%q at %s moved or changed on an unedited line", n.Value, n.Start)
		}
	})
}

func treeOf(t *testing.T, file string, src []byte) *source.Node {
	t.Helper()
	res := importer.Bytes(file, src, filepath.Dir(file), importer.Options{})
	if res.Doc == nil {
		t.Fatalf("%s does not parse: %v", file, res.Diagnostics)
	}
	return res.Doc.Root
}

// walk visits the scalars of a tree that have a place in the file.
func walk(n *source.Node, visit func(*source.Node)) {
	if n.Kind == source.Scalar && n.Start.IsValid() {
		visit(n)
	}
	for _, c := range n.Content {
		walk(c, visit)
	}
}
