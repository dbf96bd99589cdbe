package rules

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/importer"
	"github.com/apigw-oas/apigw-oas/lint"
	"github.com/apigw-oas/apigw-oas/source"
)

// FuzzFix mutates the fixtures and the rules' single-file cases, lints
// them, and checks every fix and --unsafe-fixes as a whole: each fix's
// edits stay inside the settings it names (the lines of the value or list
// its pointers address), the file still imports after each fix and after
// all of them, and a second --fix finds nothing to do.
func FuzzFix(f *testing.F) {
	for _, path := range fixInputs() {
		if src, err := os.ReadFile(path); err == nil {
			f.Add(filepath.Base(path), src)
		}
	}
	f.Fuzz(func(t *testing.T, name string, src []byte) {
		name = filepath.Base(name)
		if name == "." || name == "/" || name == lint.ConfigFileName || len(src) > 1<<16 {
			return
		}
		file := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(file, src, 0o644); err != nil {
			return // a name the file system refuses
		}
		opts := lint.Options{Rules: All, Fixes: true}
		inputs := []lint.Input{{Path: file, Explicit: true}}
		found := lint.Run(inputs, opts)
		res := importer.Bytes(file, src, filepath.Dir(file), importer.Options{})
		for _, d := range found.Diagnostics {
			if d.Fix == nil || len(d.Fix.Replacements) == 0 {
				continue
			}
			checkInside(t, res.Doc, d)
			checkImports(t, file, source.Apply(src, d.Fix.Replacements), d.String())
		}
		fixed, _ := lint.Fix(found, opts, lint.FixOptions{Unsafe: true})
		if len(fixed) == 0 {
			return
		}
		checkImports(t, file, fixed[0].After, "every fix")
		if err := os.WriteFile(file, fixed[0].After, 0o644); err != nil {
			t.Fatal(err)
		}
		if again, _ := lint.Fix(lint.Run(inputs, opts), opts, lint.FixOptions{Unsafe: true}); len(again) > 0 {
			t.Errorf("a second --fix changes the file again:\n%s", lint.UnifiedDiff(name, again[0].Before, again[0].After))
		}
	})
}

// checkInside: each replacement of the fix lies within the lines of a
// node one of its edits addresses (the value replaced, or the mapping or
// list an entry is added to or removed from, with its key; for a list or
// key the fix itself adds, the nearest one that exists).
func checkInside(t *testing.T, doc *source.Document, d diag.Diagnostic) {
	t.Helper()
	var regions [][2]int
	for _, e := range d.Fix.Edits {
		ptr := e.Pointer
		if e.Op != diag.EditReplace {
			ptr, _ = splitLast(ptr)
		}
		for {
			if entry, err := doc.Root.LookupPointer(ptr); err == nil {
				start := entry.Value.Start.Offset
				if entry.Key != nil { // an emptied list becomes "key: []"
					start = entry.Key.Start.Offset
				}
				regions = append(regions, [2]int{lineStart(doc.Src, int(start)), lineEnd(doc.Src, int(entry.Value.End.Offset))})
				break
			}
			if ptr == "" {
				t.Fatalf("%s: no node of %s exists", d, e.Pointer)
			}
			ptr, _ = splitLast(ptr)
		}
	}
	for _, r := range d.Fix.Replacements {
		inside := false
		for _, g := range regions {
			inside = inside || (g[0] <= r.Start && r.End <= g[1])
		}
		if !inside {
			t.Errorf("%s: the edit of bytes %d-%d (%q) is outside the settings its fix names", d, r.Start, r.End, r.Text)
		}
	}
}

func splitLast(ptr string) (string, string) {
	i := bytes.LastIndexByte([]byte(ptr), '/')
	if i < 0 {
		return "", ptr
	}
	return ptr[:i], ptr[i+1:]
}

func lineStart(src []byte, at int) int { return bytes.LastIndexAny(src[:at], "\r\n") + 1 }

func lineEnd(src []byte, at int) int {
	if i := bytes.IndexByte(src[at:], '\n'); i >= 0 {
		return at + i + 1
	}
	return len(src)
}

func checkImports(t *testing.T, file string, src []byte, what string) {
	t.Helper()
	res := importer.Bytes(file, src, filepath.Dir(file), importer.Options{})
	if res.Doc == nil || len(res.Diagnostics) > 0 {
		t.Errorf("after %s the file does not import: %v\n%s", what, res.Diagnostics, src)
	}
}
