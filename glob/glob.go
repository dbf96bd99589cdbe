// Package glob matches slash-separated paths against the globs of ignore
// entries and .gitignore files.
package glob

import (
	"regexp"
	"strings"
)

// Match matches a slash-separated path against a glob in which * matches
// within one folder, ** across folders, ? one character. A glob without a
// slash matches the file name in any folder, as .gitignore does. An empty
// glob matches everything.
func Match(glob, path string) bool {
	if glob == "" {
		return true
	}
	if !strings.Contains(glob, "/") {
		glob = "**/" + glob
	}
	re, err := regexp.Compile("^" + globRegexp(glob) + "$")
	return err == nil && re.MatchString(path)
}

func globRegexp(glob string) string {
	var b strings.Builder
	for i := 0; i < len(glob); i++ {
		switch c := glob[i]; {
		case strings.HasPrefix(glob[i:], "**/"):
			b.WriteString("(?:.*/)?")
			i += 2
		case strings.HasPrefix(glob[i:], "**"):
			b.WriteString(".*")
			i++
		case c == '*':
			b.WriteString("[^/]*")
		case c == '?':
			b.WriteString("[^/]")
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	return b.String()
}
