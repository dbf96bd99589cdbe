package glob

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MatchName matches one file or folder name against one part of a glob:
// * matches any run of characters, ? one character, [...] one character of
// a class ([!...] or [^...] one not in it; ranges a-z; [:alpha:] and the
// other POSIX classes), and a backslash makes the next character literal.
// A malformed part (an unclosed class, a trailing backslash) matches
// nothing, as in git.
func MatchName(part, name string) bool {
	pi, ni := 0, 0
	starPi, starNi := -1, 0
	for pi < len(part) || ni < len(name) {
		if pi < len(part) {
			switch c := part[pi]; c {
			case '*':
				starPi, starNi = pi, ni
				pi++
				continue
			case '?':
				if ni < len(name) {
					_, w := utf8.DecodeRuneInString(name[ni:])
					pi, ni = pi+1, ni+w
					continue
				}
			case '[':
				if ni < len(name) {
					r, w := utf8.DecodeRuneInString(name[ni:])
					in, end, ok := matchClass(part, pi, r)
					if !ok {
						return false
					}
					if in {
						pi, ni = end, ni+w
						continue
					}
				}
			default:
				if c == '\\' {
					if pi++; pi == len(part) {
						return false
					}
					c = part[pi]
				}
				if ni < len(name) && name[ni] == c {
					pi, ni = pi+1, ni+1
					continue
				}
			}
		}
		if starPi < 0 || starNi >= len(name) {
			return false
		}
		_, w := utf8.DecodeRuneInString(name[starNi:])
		starNi += w
		pi, ni = starPi+1, starNi
	}
	return true
}

// matchClass reads the class that starts at part[start] ('[') and reports
// whether r is in it and where the class ends; ok is false when the class
// is not closed.
func matchClass(part string, start int, r rune) (in bool, end int, ok bool) {
	i := start + 1
	negate := i < len(part) && (part[i] == '!' || part[i] == '^')
	if negate {
		i++
	}
	for first := true; i < len(part); first = false {
		if part[i] == ']' && !first {
			return in != negate, i + 1, true
		}
		if strings.HasPrefix(part[i:], "[:") {
			if j := strings.Index(part[i+2:], ":]"); j >= 0 {
				in = in || inNamedClass(part[i+2:i+2+j], r)
				i += j + 4
				continue
			}
		}
		lo, w, valid := classChar(part, i)
		if !valid {
			return false, 0, false
		}
		i += w
		hi := lo
		if i+1 < len(part) && part[i] == '-' && part[i+1] != ']' {
			if hi, w, valid = classChar(part, i+1); !valid {
				return false, 0, false
			}
			i += 1 + w
		}
		in = in || (lo <= r && r <= hi)
	}
	return false, 0, false
}

// classChar reads one (possibly escaped) character of a class.
func classChar(part string, i int) (r rune, width int, ok bool) {
	if part[i] == '\\' {
		if i+1 == len(part) {
			return 0, 0, false
		}
		r, w := utf8.DecodeRuneInString(part[i+1:])
		return r, w + 1, true
	}
	r, w := utf8.DecodeRuneInString(part[i:])
	return r, w, true
}

// namedClasses are the POSIX classes git's wildmatch knows.
var namedClasses = map[string]func(rune) bool{
	"alnum": func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) },
	"alpha": unicode.IsLetter, "blank": func(r rune) bool { return r == ' ' || r == '\t' },
	"cntrl": unicode.IsControl, "digit": unicode.IsDigit,
	"graph": func(r rune) bool { return unicode.IsGraphic(r) && !unicode.IsSpace(r) },
	"lower": unicode.IsLower, "print": unicode.IsPrint,
	"punct": func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) },
	"space": unicode.IsSpace, "upper": unicode.IsUpper,
	"xdigit": func(r rune) bool { return strings.ContainsRune("0123456789abcdefABCDEF", r) },
}

func inNamedClass(name string, r rune) bool {
	is, ok := namedClasses[name]
	return ok && is(r)
}
