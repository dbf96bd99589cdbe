package review

import (
	"bufio"
	"fmt"
	"io"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/patchops"
)

// WriteText writes the review for a terminal: the summary, then per API
// its changes (regressions first), added and removed operations and the
// patchOperations, then the lint findings introduced and removed.
func WriteText(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "review: %s -> %s\n%s\n", r.Old, r.New, SummaryLine(r.Summarize()))
	for _, a := range r.APIs {
		writeTextAPI(bw, a)
	}
	writeTextFindings(bw, "lint findings introduced", r.Introduced)
	writeTextFindings(bw, "lint findings removed", r.Removed)
	return bw.Flush()
}

// SummaryLine is the one-line verdict of a review.
func SummaryLine(s Summary) string {
	if s.Empty() {
		return "no change: every client gets what it got before, and no lint finding or binary setting changed"
	}
	line := plural(s.Regressions, "regression", "regressions") + ", " + plural(s.Fixes, "fix", "fixes") + ", " +
		plural(s.Neutral, "neutral change", "neutral changes") + " (client × exchange)"
	if n := s.OperationsAdded + s.OperationsRemoved; n > 0 {
		line += fmt.Sprintf("; operations: %d added, %d removed", s.OperationsAdded, s.OperationsRemoved)
	}
	if n := s.APIsAdded + s.APIsRemoved; n > 0 {
		line += fmt.Sprintf("; APIs: %d added, %d removed", s.APIsAdded, s.APIsRemoved)
	}
	line += fmt.Sprintf("; lint findings: %d introduced, %d removed", s.FindingsIntroduced, s.FindingsRemoved)
	return line + "; " + plural(s.PatchOperations, "patchOperation", "patchOperations")
}

// Title names an API: its file, and its name when the file declares one.
func (a *API) Title() string {
	t := a.File
	if a.Name != "" {
		t += " " + a.Name
	}
	if a.Presence != Both {
		t += " (" + string(a.Presence) + ")"
	}
	return t
}

// quiet reports whether an API has nothing to show in a review.
func (a *API) quiet() bool {
	if a.Presence != Both || len(a.Patch) > 0 {
		return false
	}
	for _, op := range a.Operations {
		if op.Presence != Both {
			return false
		}
		for _, p := range op.Probes {
			if p.Change != None {
				return false
			}
		}
	}
	return true
}

func writeTextAPI(w io.Writer, a *API) {
	if a.quiet() {
		return
	}
	fmt.Fprintf(w, "\n%s\n", a.Title())
	if a.Presence != Both {
		fmt.Fprintf(w, "  %s\n", plural(len(a.Operations), "operation", "operations"))
	}
	for _, g := range a.Changes() {
		fmt.Fprintf(w, "  %-10s  %s: %s, %s: %s -> %s\n", g.Change, g.Operation, g.Exchange(), g.Who(), g.Old.Label(), g.New.Label())
		fmt.Fprintf(w, "      before: %s: %s\n      after:  %s: %s\n", g.Old.Rule, g.Old.RuleSummary, g.New.Rule, g.New.RuleSummary)
	}
	if a.Presence == Both {
		for _, op := range a.Operations {
			if op.Presence != Both {
				fmt.Fprintf(w, "  %-10s  %s\n", op.Presence, op.Name())
			}
		}
	}
	if len(a.Patch) > 0 {
		fmt.Fprintln(w, "  patchOperations:")
		for _, t := range a.Patch {
			writeTextTarget(w, t, "    ")
		}
	}
}

// writeTextTarget writes a target's patchOperations as diff's text does.
func writeTextTarget(w io.Writer, t patchops.Target, indent string) {
	title := "PATCH " + t.Resource
	if t.Method != "" {
		title += "   (" + t.Method + " " + t.Path + ")"
	}
	fmt.Fprintf(w, "%s%s\n", indent, title)
	for _, op := range t.Operations {
		fmt.Fprintf(w, "%s  %s\n", indent, patchLine(op))
	}
	for _, n := range t.Notes {
		fmt.Fprintf(w, "%s  note: %s\n", indent, n)
	}
}

func patchLine(op patchops.Operation) string {
	line := op.Op + " " + op.Path
	if op.Value != nil {
		line += " " + jsonString(*op.Value)
	}
	return line
}

func writeTextFindings(w io.Writer, title string, ds []diag.Diagnostic) {
	if len(ds) == 0 {
		return
	}
	fmt.Fprintf(w, "\n%s:\n", title)
	for _, d := range ds {
		fmt.Fprintf(w, "  %s\n", d)
	}
}
