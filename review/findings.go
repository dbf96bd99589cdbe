package review

import (
	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/lint"
)

// findingChanges returns the findings only the new side has and those only
// the old side had. A finding is identified as a baseline identifies it
// (rule, file, JSON pointer or message), with a file named by the side it
// pairs with, so moving a line or reading the old side from git does not
// make a finding new; nor does moving it to another pointer (moved).
func findingChanges(old, new []File) (introduced, removed []diag.Diagnostic) {
	pairs := pairFiles(old, new)
	var before, after []named
	for _, p := range pairs {
		name := p.new.Path
		if name == "" {
			name = p.old.Path
		}
		before = append(before, renamed(p.old.Findings, name)...)
		after = append(after, renamed(p.new.Findings, name)...)
	}
	return moved(onlyIn(after, before), onlyIn(before, after))
}

// moved drops the pairs of an introduced and a removed finding with the
// same rule, operation and message: the same finding at another pointer,
// as when a conversion from OpenAPI 2 to 3 moves every setting.
func moved(introduced, removed []diag.Diagnostic) (stillIntroduced, stillRemoved []diag.Diagnostic) {
	type identity struct{ rule, operation, message string }
	left := map[identity]int{}
	for _, d := range removed {
		left[identity{d.Rule, d.Operation, d.Message}]++
	}
	matched := map[identity]int{}
	for _, d := range introduced {
		id := identity{d.Rule, d.Operation, d.Message}
		if left[id] > 0 {
			left[id]--
			matched[id]++
			continue
		}
		stillIntroduced = append(stillIntroduced, d)
	}
	for _, d := range removed {
		id := identity{d.Rule, d.Operation, d.Message}
		if matched[id] > 0 {
			matched[id]--
			continue
		}
		stillRemoved = append(stillRemoved, d)
	}
	return stillIntroduced, stillRemoved
}

// onlyIn returns the active findings of side that other lacks, with the
// file each was written in (renamed copies identify them, the originals
// are reported).
func onlyIn(side, other []named) []diag.Diagnostic {
	renamedSide := make([]diag.Diagnostic, len(side))
	for i, n := range side {
		renamedSide[i] = n.renamed
	}
	kept, _ := baselineOf(other).Filter(renamedSide)
	var out []diag.Diagnostic
	j := 0 // Filter keeps order: kept is a subsequence of side
	for _, n := range side {
		if j < len(kept) && sameFinding(n.renamed, kept[j]) {
			j++
			if !n.original.Suppressed() {
				out = append(out, n.original)
			}
		}
	}
	return out
}

func sameFinding(a, b diag.Diagnostic) bool {
	return a.Rule == b.Rule && a.Span == b.Span && a.Pointer == b.Pointer && a.Message == b.Message
}

// named is a finding and its copy with the file named as its pair is.
type named struct{ original, renamed diag.Diagnostic }

func renamed(ds []diag.Diagnostic, file string) []named {
	out := make([]named, len(ds))
	for i, d := range ds {
		out[i].original = d
		d.Span.File = file
		out[i].renamed = d
	}
	return out
}

func baselineOf(ns []named) *lint.Baseline {
	b := &lint.Baseline{Version: 1}
	for _, n := range ns {
		d := n.renamed
		b.Findings = append(b.Findings, lint.BaselineEntry{Rule: d.Rule, File: d.Span.File, Pointer: d.Pointer, Message: d.Message})
	}
	return b
}
