package validate

import (
	"regexp"
	"strings"
	"sync"
)

// Patterns are compiled with Go's regexp package, as kin-openapi did:
// JSON Schema's patterns are ECMA-262 regular expressions, of which Go
// reads all but lookaround and backreferences. ECMA-262's \uXXXX escape
// is rewritten to Go's \x{XXXX} first.
//
// A large definition repeats the same patterns in many schemas, so each
// is compiled once per process; nothing is compiled before it is needed.
var patterns = struct {
	sync.Mutex
	compiled map[string]compiledRegexp
}{compiled: map[string]compiledRegexp{}}

// maxCachedPatterns bounds the cache: a long run over many documents must
// not keep every pattern it ever saw.
const maxCachedPatterns = 4096

type compiledRegexp struct {
	re  *regexp.Regexp
	err string
}

func compilePattern(pattern string) compiledRegexp {
	patterns.Lock()
	c, ok := patterns.compiled[pattern]
	patterns.Unlock()
	if ok {
		return c
	}
	re, err := regexp.Compile(goRegexp(pattern))
	c = compiledRegexp{re: re}
	if err != nil {
		c.err = err.Error()
	}
	patterns.Lock()
	if len(patterns.compiled) < maxCachedPatterns {
		patterns.compiled[pattern] = c
	}
	patterns.Unlock()
	return c
}

// patternError says why a pattern cannot be compiled, or returns "".
func patternError(pattern string) string { return compilePattern(pattern).err }

// compiledPattern is the compiled pattern, or nil when it cannot be
// compiled (reported where it is written).
func compiledPattern(pattern string) *regexp.Regexp { return compilePattern(pattern).re }

// goRegexp rewrites ECMA-262's \uXXXX escapes as Go's \x{XXXX}, leaving
// every other escape as it is.
func goRegexp(pattern string) string {
	if !strings.Contains(pattern, `\u`) {
		return pattern
	}
	var b strings.Builder
	for i := 0; i < len(pattern); i++ {
		c := pattern[i]
		if c != '\\' || i+1 >= len(pattern) {
			b.WriteByte(c)
			continue
		}
		if pattern[i+1] == 'u' && i+6 <= len(pattern) && isHex(pattern[i+2:i+6]) {
			b.WriteString(`\x{` + pattern[i+2:i+6] + `}`)
			i += 5
			continue
		}
		b.WriteString(pattern[i : i+2]) // an escape, kept whole so \\u stays a backslash and a u
		i++
	}
	return b.String()
}

func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// matchesFormat judges a string against the formats OpenAPI defines a
// form for (byte, date, date-time); any other format is a hint that
// constrains nothing here.
func matchesFormat(format, s string) bool {
	switch format {
	case "byte":
		return isBase64ish(s)
	case "date":
		return isFullDate(s)
	case "date-time":
		return isDateTime(s)
	}
	return true
}

// isBase64ish accepts base64 and base64url text: the alphabets' letters
// then padding, as kin-openapi did (lengths are not checked).
func isBase64ish(s string) bool {
	body := strings.TrimRight(s, "=")
	for i := 0; i < len(body); i++ {
		c := body[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '+' || c == '/' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// isFullDate accepts RFC 3339's full-date: 2024-02-29 (days up to 31 in
// any month, as kin-openapi did).
func isFullDate(s string) bool {
	return len(s) == 10 && digitsIn(s[0:4]) && s[4] == '-' && inRange(s[5:7], 1, 12) && s[7] == '-' && inRange(s[8:10], 1, 31)
}

// isDateTime accepts RFC 3339's date-time: 2024-02-29T12:00:00.5+01:00,
// T and Z in either case (RFC 3339 section 5.6 allows both).
func isDateTime(s string) bool {
	if len(s) < 20 || !isFullDate(s[:10]) || (s[10] != 'T' && s[10] != 't') {
		return false
	}
	t := s[11:]
	if !(inRange(t[0:2], 0, 23) && t[2] == ':' && inRange(t[3:5], 0, 59) && t[5] == ':' && inRange(t[6:8], 0, 60)) {
		return false
	}
	t = t[8:]
	if len(t) > 1 && t[0] == '.' {
		i := 1
		for i < len(t) && '0' <= t[i] && t[i] <= '9' {
			i++
		}
		if i == 1 {
			return false
		}
		t = t[i:]
	}
	switch {
	case t == "Z" || t == "z":
		return true
	case len(t) == 6 && (t[0] == '+' || t[0] == '-') && t[3] == ':':
		return digitsIn(t[1:3]) && digitsIn(t[4:6])
	}
	return false
}

func digitsIn(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// inRange reports whether s is two digits from lo to hi.
func inRange(s string, lo, hi int) bool {
	if len(s) != 2 || !digitsIn(s) {
		return false
	}
	n := int(s[0]-'0')*10 + int(s[1]-'0')
	return lo <= n && n <= hi
}
