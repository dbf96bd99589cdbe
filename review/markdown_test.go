package review

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// A review too large for one comment is cut to fit GitHub's limit, keeps
// its summary, and says how much it left out.
func TestMarkdownFitsACommentByLeavingRowsOut(t *testing.T) {
	api := &API{File: "api.yaml", Presence: Both}
	for i := range 3000 {
		op := &Operation{Method: "GET", Path: "/items/" + strings.Repeat("x", i%50) + itoa(i), Presence: Both}
		old := &Outcome{Status: 200, Form: Intact, BinaryPayload: true, Rule: "response-table-13"}
		new := &Outcome{Status: 200, Form: Base64, BinaryPayload: true, Rule: "response-table-10"}
		op.Probes = []*Probe{{Side: ResponseSide, Client: "chrome-img", MediaType: "image/png", Old: old, New: new, Change: Regression}}
		api.Operations = append(api.Operations, op)
	}
	r := &Report{Old: "HEAD~1", New: "working tree", APIs: []*API{api}}
	var out bytes.Buffer
	if err := WriteMarkdown(&out, r); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	if n := utf8.RuneCountInString(text); n >= commentLimit {
		t.Errorf("the comment has %d characters; GitHub allows %d", n, commentLimit)
	}
	if !strings.Contains(text, "**3000 regressions, 0 fixes") {
		t.Errorf("the summary counts every regression, shown or not:\n%.300s", text)
	}
	shown := strings.Count(text, "| 🔴 regression | `GET")
	leftOut := "| 🔴 regression | response image/png | **binary** | **base64** | " + itoa(3000-shown) + " |"
	if shown == 0 || !strings.Contains(text, leftOut) {
		t.Errorf("%d rows shown; the comment must summarise the other %d as %q:\n%s", shown, 3000-shown, leftOut, text[len(text)-400:])
	}
}

// docs/review.md shows the comment review writes today.
func TestDocsShowTheCurrentComment(t *testing.T) {
	doc, err := os.ReadFile("../docs/review.md")
	if err != nil {
		t.Fatal(err)
	}
	comment, err := os.ReadFile("testdata/golden/cors-wildcard.md")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(doc, comment) {
		t.Error("docs/review.md does not show testdata/golden/cors-wildcard.md as it is now; paste it again")
	}
}
