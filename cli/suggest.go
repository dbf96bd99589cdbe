package cli

import "fmt"

// didYouMean is "; did you mean "x"?" for the candidate closest to typed,
// or "" when none is close enough to be a typing slip.
func didYouMean(typed string, candidates []string) string {
	if best := closest(typed, candidates); best != "" {
		return fmt.Sprintf("; did you mean %q?", best)
	}
	return ""
}

// didYouMeanFlag is didYouMean for flag names, written with their dashes.
func didYouMeanFlag(typed string, names []string) string {
	if best := closest(typed, names); best != "" {
		return fmt.Sprintf("; did you mean %s?", dashed(best))
	}
	return ""
}

// closest is the candidate fewest edits away from typed, if a slip of that
// many edits is plausible for its length (one for "lint", two for
// "explain", and not every letter of what was typed); "" otherwise.
func closest(typed string, candidates []string) string {
	best, bestEdits := "", 0
	for _, c := range candidates {
		edits := editDistance(typed, c)
		plausible := edits <= 1+len([]rune(c))/4 && edits < len([]rune(typed))
		if plausible && (best == "" || edits < bestEdits) {
			best, bestEdits = c, edits
		}
	}
	return best
}

// editDistance counts the insertions, deletions, substitutions and swaps
// of neighbours that turn a into b (optimal string alignment distance):
// "rulse" is one swap from "rules".
func editDistance(a, b string) int {
	x, y := []rune(a), []rune(b)
	// d[i][j] is the distance between x[:i] and y[:j]
	d := make([][]int, len(x)+1)
	for i := range d {
		d[i] = make([]int, len(y)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(x); i++ {
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(x)][len(y)]
}
