package walk

import (
	"io/fs"
	"os"
	"strings"

	"github.com/apigw-oas/apigw-oas/glob"
	"github.com/apigw-oas/apigw-oas/source"
)

// ignoreRule is one pattern of a .gitignore or info/exclude file, read as
// git reads it (gitignore(5)).
type ignoreRule struct {
	text    string // the pattern, without "!", leading and trailing "/"
	pattern glob.Pattern
	// depth is the number of folders between the walk's base (the git work
	// tree, or the walked folder outside git) and the file's folder: the
	// rule applies to paths below it, relative to it.
	depth    int
	negate   bool // "!": re-include
	dirOnly  bool // a trailing "/": folders only
	basename bool // no other "/": matches a name at any depth below
}

// parseIgnoreLine reads one line; ok is false for blank lines and comments.
// A backslash escapes a leading "#" or "!" and a trailing space; the glob
// reads the backslash as "the next character is literal".
func parseIgnoreLine(line string, depth int) (rule ignoreRule, ok bool) {
	line = trimTrailingSpaces(strings.TrimSuffix(line, "\r"))
	if line == "" || line[0] == '#' {
		return ignoreRule{}, false
	}
	rule.depth = depth
	if rule.negate = line[0] == '!'; rule.negate {
		line = line[1:]
	}
	if rule.dirOnly = strings.HasSuffix(line, "/"); rule.dirOnly {
		line = line[:len(line)-1]
	}
	rule.basename = !strings.Contains(line, "/")
	rule.text = strings.TrimPrefix(line, "/")
	if rule.text == "" {
		return ignoreRule{}, false
	}
	rule.pattern = glob.Compile(rule.text)
	return rule, true
}

// trimTrailingSpaces drops the spaces that end a line, except one that a
// backslash escapes.
func trimTrailingSpaces(line string) string {
	end := 0
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case ' ':
			continue
		case '\\':
			i++ // the escaped character stays, a space too
		}
		end = min(i+1, len(line))
	}
	return line[:end]
}

// matches matches a path relative to the rule's folder.
func (r *ignoreRule) matches(rel []string) bool {
	if r.basename {
		return glob.MatchName(r.text, rel[len(rel)-1])
	}
	return r.pattern.MatchSegments(rel)
}

// ignored reports whether a path, relative to the walk's base, is ignored:
// the last rule that matches it decides, as in git, where a deeper
// .gitignore comes after the ones above it.
func ignored(rules []ignoreRule, segs []string, isDir bool) bool {
	for i := len(rules) - 1; i >= 0; i-- {
		r := &rules[i]
		if (r.dirOnly && !isDir) || len(segs) <= r.depth {
			continue
		}
		if r.matches(segs[r.depth:]) {
			return !r.negate
		}
	}
	return false
}

// readIgnoreFile returns the rules of an ignore file, none when there is
// no such file. Only a regular file is read: git does not follow a
// symbolic .gitignore either, and a named pipe would block the walk.
func readIgnoreFile(path string, depth int) ([]ignoreRule, *Notice) {
	info, err := os.Lstat(path)
	switch {
	case err != nil:
		return nil, nil
	case info.Mode()&fs.ModeSymlink != 0:
		return nil, &Notice{path, "a symbolic link; not read, as git does not read it either"}
	case !info.Mode().IsRegular():
		return nil, &Notice{path, describe(info.Mode()) + ", not a regular file; not read"}
	}
	data, err := source.ReadFile(path, maxIgnoreBytes)
	if err != nil {
		return nil, &Notice{path, "not read: " + err.(*source.Error).Message}
	}
	var rules []ignoreRule
	for _, line := range strings.Split(string(data), "\n") {
		if rule, ok := parseIgnoreLine(line, depth); ok {
			rules = append(rules, rule)
		}
	}
	return rules, nil
}

// maxIgnoreBytes bounds an ignore file as every file read is bounded: its
// rules are held for the whole walk. A megabyte is tens of thousands of
// patterns, far more than real ones hold.
const maxIgnoreBytes = 1 << 20
