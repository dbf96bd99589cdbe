package review

import (
	"bytes"
	"io"
	"path/filepath"
	"testing"

	"github.com/apigw-oas/apigw-oas/importer"
	"github.com/apigw-oas/apigw-oas/internal/golden"
	"github.com/apigw-oas/apigw-oas/lint"
	"github.com/apigw-oas/apigw-oas/lint/rules"
)

// pairs are the review fixtures: each pairs an old and a new version of
// one API for one kind of change (fixtures/review/README.md).
var pairs = []struct{ name, old, new string }{
	{"cors-wildcard", "cors-wildcard.old.yaml", "cors-wildcard.new.yaml"},
	{"image-range", "image-range.old.yaml", "image-range.new.yaml"},
	{"convert-to-text-removed", "convert-to-text-removed.old.yaml", "convert-to-text-removed.new.yaml"},
	{"oas2-to-oas3", "oas2-to-oas3.old.json", "oas2-to-oas3.new.json"},
	{"cloudformation", "cloudformation.old.yaml", "cloudformation.new.yaml"},
	{"terraform", "terraform-old/media-archive.old.tf", "terraform-new/media-archive.new.tf"},
}

var writers = map[string]func(io.Writer, *Report) error{
	"txt": WriteText, "json": WriteJSON, "md": WriteMarkdown, "html": WriteHTML,
}

// loadFixture imports and lints a review fixture as the CLI does.
func loadFixture(t testing.TB, name string) File {
	t.Helper()
	path := filepath.ToSlash(filepath.Join("fixtures/review", name))
	res := importer.File(path, importer.Options{})
	if len(res.Diagnostics) > 0 {
		t.Fatalf("%s: %v", path, res.Diagnostics)
	}
	return File{Path: path, APIs: res.APIs, Findings: lint.File(res, rules.All, lint.Defaults{})}
}

func reviewPair(t testing.TB, name string) *Report {
	t.Helper()
	for _, p := range pairs {
		if p.name == name {
			old, new := loadFixture(t, p.old), loadFixture(t, p.new)
			return Compare(old.Path, []File{old}, new.Path, []File{new})
		}
	}
	t.Fatalf("no pair %s", name)
	return nil
}

// TestGolden renders every fixture pair in every format and compares the
// output with testdata/golden (APIGW_OAS_UPDATE=1 rewrites it).
func TestGolden(t *testing.T) {
	goldenDir, err := filepath.Abs("testdata/golden")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir("..")
	for _, p := range pairs {
		r := reviewPair(t, p.name)
		for ext, write := range writers {
			t.Run(p.name+"."+ext, func(t *testing.T) {
				var out bytes.Buffer
				if err := write(&out, r); err != nil {
					t.Fatal(err)
				}
				golden.Compare(t, filepath.Join(goldenDir, p.name+"."+ext), out.Bytes())
			})
		}
	}
}

// A definition reviewed against itself shows no change: pairing,
// simulation and finding identity are deterministic. Run over the fixtures
// and, when it is present, the corpus of real-world definitions.
func TestSelfReviewShowsNoChange(t *testing.T) {
	files, _ := filepath.Glob("../fixtures/*.*")
	corpus, _ := filepath.Glob("../../shared/corpus/*") // third-party files, read where they are
	checked := 0
	for _, path := range append(files, corpus...) {
		res := importer.File(path, importer.Options{})
		if res.Format == "" || len(res.Diagnostics) > 0 {
			continue // not a definition, or one that cannot be read
		}
		checked++
		side := []File{{Path: path, APIs: res.APIs, Findings: lint.File(res, rules.All, lint.Defaults{})}}
		if s := Compare(path, side, path, side).Summarize(); !s.Empty() {
			t.Errorf("%s against itself: %+v", path, s)
		}
	}
	if checked < len(files)/2 {
		t.Errorf("only %d definitions were reviewed", checked)
	}
	t.Logf("%d definitions reviewed against themselves", checked)
}
