package rules

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/exporter"
	"github.com/apigw-oas/apigw-oas/importer"
	"github.com/apigw-oas/apigw-oas/lint"
	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

// adviceWithoutFix are the rules whose advice is not one mechanical
// change, each with why; every other rule's bad cases must carry a Fix.
var adviceWithoutFix = map[string]string{
	"convert-to-text-body-unused":     "whether the template should read the upload is the author's intent",
	"http-accept-not-forwarded":       "the mapping's source, method.request.header.Accept, must be declared on the method (an OpenAPI header parameter, a CloudFormation RequestParameters entry), which the model does not keep and string edits cannot write",
	"http-api-form-base64":            "the change is in the function's code (decode event.body), not in the definition",
	"lambda-selection-pattern-status": "which errorMessage the function raises for each status is in its code",
	"media-type-never-matches":        "which full media type a */subtype entry meant is not written anywhere",
	"openapi-invalid":                 "the repair of an invalid document depends on what was meant",
	"stream-binary-media-types":       "an info: whether the list is still needed for requests is the author's call",
}

// TestAdvice applies the fix of every finding of each rule's bad cases to
// the file, lints the result again with every rule, and checks that the
// advice is true: the finding is gone, no other finding appears, and
// simulating every operation (each request type, each client for each
// response type) shows no 415, 500, 502 or corrupted body that was not
// there before.
func TestAdvice(t *testing.T) {
	for _, r := range All {
		t.Run(r.ID, func(t *testing.T) {
			fixes := 0
			for _, path := range badDefinitions(r.ID) {
				res := importer.File(path, importer.Options{})
				before := lint.File(res, All, lint.Defaults{})
				for _, d := range before {
					if d.Rule != r.ID || d.Fix == nil {
						continue
					}
					fixes++
					t.Run(fmt.Sprintf("%s:%d", filepath.Base(path), d.Span.Start.Line), func(t *testing.T) {
						fixed := applyFixToFile(t, path, d)
						checkFindings(t, d, before, lint.File(fixed, All, lint.Defaults{}))
						checkOutcomes(t, res, fixed)
					})
				}
			}
			why, exempt := adviceWithoutFix[r.ID]
			switch {
			case fixes == 0 && !exempt:
				t.Errorf("no finding of the bad cases carries a Fix: express the advice as edits, or list the rule in adviceWithoutFix with why")
			case fixes > 0 && exempt:
				t.Errorf("the rule has fixes now; remove it from adviceWithoutFix (%s)", why)
			case (fixes > 0) != (r.Autofix != ""):
				t.Errorf("the rule's Autofix %q does not say whether its findings carry fixes (%d do)", r.Autofix, fixes)
			}
		})
	}
}

// badDefinitions are the definition files of a rule's bad cases: each
// bad_* file but its .out, and the definitions in each bad_* folder (linted
// here with the rules' default options, which the advice must hold for).
func badDefinitions(id string) []string {
	var files []string
	bad, _ := filepath.Glob(filepath.Join("testdata", id, "bad_*"))
	for _, path := range bad {
		if info, err := os.Stat(path); err == nil && info.IsDir() {
			files = append(files, caseDefinitions(path)...)
		} else if !strings.HasSuffix(path, ".out") {
			files = append(files, path)
		}
	}
	return files
}

// caseDefinitions are the definitions of a case folder: its files but its
// configuration. (Its folders hold files the definitions read, such as a
// Terraform module they call.)
func caseDefinitions(folder string) []string {
	var files []string
	entries, _ := os.ReadDir(folder)
	for _, e := range entries {
		if !e.IsDir() && e.Name() != lint.ConfigFileName {
			files = append(files, filepath.Join(folder, e.Name()))
		}
	}
	return files
}

// applyFixToFile applies the fix to the bytes of the file it edits (the
// finding's: the linted file, or a body or .tf file it reads) as --fix does
// (for YAML and JSON a fix --fix cannot write in the file's style is
// applied to the tree and the tree written out instead), writes the result
// in a copy of the linted file's folder, and imports the linted file there.
func applyFixToFile(t *testing.T, path string, d diag.Diagnostic) *importer.Result {
	t.Helper()
	out, err := fixedBytes(importer.File(d.Span.File, importer.Options{}), d.Fix)
	if err != nil {
		t.Fatalf("the fix does not apply: %v", err)
	}
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Dir(path))); err != nil {
		t.Fatal(err)
	}
	rel, err := filepath.Rel(filepath.Dir(path), d.Span.File)
	if err != nil || strings.HasPrefix(rel, "..") {
		t.Fatalf("the fix edits %s, outside the folder of %s", d.Span.File, path)
	}
	if err := os.WriteFile(filepath.Join(dir, rel), out, 0o644); err != nil {
		t.Fatal(err)
	}
	fixedPath := filepath.Join(dir, filepath.Base(path))
	res := importer.File(fixedPath, importer.Options{})
	if len(res.Diagnostics) > 0 || !res.IsDefinition() {
		t.Fatalf("the fixed file does not import cleanly: %v\n%s", res.Diagnostics, out)
	}
	return res
}

func fixedBytes(orig *importer.Result, fix *diag.Fix) ([]byte, error) {
	_, out, err := lint.FixBytes(orig.Doc, fix, lint.ParserFor(orig, importer.Options{}))
	if err == nil || orig.Doc.Syntax == source.HCL {
		return out, err
	}
	doc, err := source.Parse(orig.Doc.File, orig.Doc.Src)
	if err != nil {
		return nil, err
	}
	if err := lint.ApplyFix(doc.Root, fix); err != nil {
		return nil, err
	}
	if doc.Syntax == source.YAML {
		return exporter.YAML(doc.Root)
	}
	return exporter.JSON(doc.Root), nil
}

// outcomeFindings are rules whose findings only name a failure that
// checkOutcomes simulates (a browser getting base64 text): a fix that
// makes the binary list effective may bring one to light, and it is new
// only if the failure is, which checkOutcomes reports.
var outcomeFindings = []string{"browser-accept-unmatched"}

// checkFindings compares findings by rule and message, since positions
// move when the file is rewritten: the fixed finding is gone, and every
// finding after the fix was there before, with the same message or at the
// same pointer (a message may describe the new state: "with no binary
// media types" no longer holds once one is added).
func checkFindings(t *testing.T, fixed diag.Diagnostic, before, after []diag.Diagnostic) {
	t.Helper()
	key := func(d diag.Diagnostic) string { return d.Rule + ": " + d.Message }
	count := func(ds []diag.Diagnostic) map[string]int {
		m := map[string]int{}
		for _, d := range ds {
			m[key(d)]++
		}
		return m
	}
	was, is := count(before), count(after)
	if is[key(fixed)] >= was[key(fixed)] {
		t.Errorf("the finding is still there after its fix: %s", key(fixed))
	}
	samePlace := func(d diag.Diagnostic) bool {
		return slices.ContainsFunc(before, func(b diag.Diagnostic) bool { return b.Rule == d.Rule && b.Pointer == d.Pointer })
	}
	for _, d := range after {
		if is[key(d)] > was[key(d)] && !samePlace(d) && !slices.Contains(outcomeFindings, d.Rule) {
			t.Errorf("the fix brings a new finding: %s", key(d))
		}
	}
}

// checkOutcomes simulates every operation before and after the fix and
// fails on each failure (415, 500, 502, corrupted bytes) the fix brings.
// A file with no API (a setting that reached none) has nothing to serve.
func checkOutcomes(t *testing.T, before, after *importer.Result) {
	t.Helper()
	if len(before.APIs) == 0 && len(after.APIs) == 0 {
		return
	}
	was := failures(before.APIs[0])
	for exchange, failure := range failures(after.APIs[0]) {
		if _, failed := was[exchange]; !failed {
			t.Errorf("the fix brings a failure: %s: %s", exchange, failure)
		}
	}
}

// failures are the exchanges of an API that fail, as lint.Simulate
// serves them.
func failures(api *model.API) map[string]string {
	out := map[string]string{}
	for name, served := range lint.Simulate(api) {
		if served.Failure != "" {
			out[name] = served.Failure
		}
	}
	return out
}
