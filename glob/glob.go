// Package glob matches slash-separated paths against the globs of ignore
// entries and .gitignore files, with git's wildmatch rules: * and ? stay
// within one folder, ** crosses folders, [...] is a character class and a
// backslash makes the next character literal.
//
// A glob is split at its slashes once, when it is compiled; matching walks
// the path's folders and the glob's parts side by side, without regular
// expressions, so a glob can be matched against thousands of paths cheaply.
package glob

import "strings"

// anyFolders is the part that matches any number of folders.
const anyFolders = "**"

// Pattern is a compiled glob.
type Pattern struct {
	parts []string
}

// Compile splits a glob into its parts. A part "**" matches zero or more
// folders, except at the end, where it matches one or more: "logs/**"
// matches everything inside logs, not logs itself, as in git.
func Compile(glob string) Pattern {
	return Pattern{parts: strings.Split(glob, "/")}
}

// Match matches a slash-separated path.
func (p Pattern) Match(path string) bool {
	return p.MatchSegments(strings.Split(path, "/"))
}

// MatchSegments matches a path already split at its slashes. A "**" part
// absorbs folders; when a later part fails, the most recent "**" takes one
// more folder and matching resumes after it, which is enough because a
// "**" matches any run of folders.
func (p Pattern) MatchSegments(segs []string) bool {
	pi, si := 0, 0
	starPi, starSi := -1, 0
	for pi < len(p.parts) || si < len(segs) {
		if pi < len(p.parts) {
			part := p.parts[pi]
			if part == anyFolders {
				if pi == len(p.parts)-1 {
					return si < len(segs)
				}
				starPi, starSi = pi, si
				pi++
				continue
			}
			if si < len(segs) && MatchName(part, segs[si]) {
				pi++
				si++
				continue
			}
		}
		if starPi < 0 || starSi >= len(segs) {
			return false
		}
		starSi++
		pi, si = starPi+1, starSi
	}
	return true
}

// Match matches a slash-separated path against a glob, the way ignore
// entries of the configuration are matched: a glob without a slash matches
// the file name in any folder, as in .gitignore, and an empty glob matches
// everything.
func Match(glob, path string) bool {
	if glob == "" {
		return true
	}
	if !strings.Contains(glob, "/") {
		glob = anyFolders + "/" + glob
	}
	return Compile(glob).Match(path)
}
