package report

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
)

// fingerprints identify each of f's diagnostics across runs, for the CI
// systems that track findings (GitHub code scanning, GitLab Code Quality).
// The identity is a baseline's (lint.Baseline): the rule, the file as
// repoPath names it, and the JSON pointer, or the message when there is no
// pointer, so a finding keeps its fingerprint when lines move or the
// linter is run from another folder. The n-th finding with the same
// identity gets the n-th fingerprint, so no two findings share one.
func fingerprints(f Findings) []string {
	out := make([]string, len(f.Diagnostics))
	seen := map[string]int{}
	for i, d := range f.Diagnostics {
		file, _ := f.repoPath(d.Span.File)
		where := d.Pointer
		if where == "" {
			where = "\x00" + d.Message
		}
		identity := d.Rule + "\x00" + file + "\x00" + where
		seen[identity]++
		sum := sha256.Sum256([]byte(identity + "\x00" + strconv.Itoa(seen[identity])))
		out[i] = hex.EncodeToString(sum[:16])
	}
	return out
}
