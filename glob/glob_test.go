package glob

import "testing"

func TestMatch(t *testing.T) {
	cases := []struct {
		glob, path string
		want       bool
	}{
		{"", "any/thing.yaml", true},
		{"*.yaml", "api.yaml", true},
		{"*.yaml", "deep/down/api.yaml", true}, // no slash: any folder
		{"specs/*.yaml", "specs/api.yaml", true},
		{"specs/*.yaml", "specs/v2/api.yaml", false},
		{"specs/**/*.yaml", "specs/v2/api.yaml", true},
		{"specs/**/*.yaml", "specs/api.yaml", true},
		{"legacy/**", "legacy/a/b.json", true},
		{"legacy/**", "new/a.json", false},
		{"api?.yaml", "api1.yaml", true},
		{"api.yaml", "api-yaml", false}, // the dot is literal
		{"api[12].yaml", "api2.yaml", true},
		{"api[12].yaml", "api3.yaml", false},
	}
	for _, c := range cases {
		if got := Match(c.glob, c.path); got != c.want {
			t.Errorf("Match(%q, %q) = %v, want %v", c.glob, c.path, got, c.want)
		}
	}
}

// Compiled patterns follow git's wildmatch with its pathname rule (what
// .gitignore patterns with a slash use).
func TestPatternMatch(t *testing.T) {
	cases := []struct {
		glob, path string
		want       bool
	}{
		{"docs", "docs", true},
		{"docs", "a/docs", false}, // a compiled pattern is anchored
		{"**/docs", "docs", true},
		{"**/docs", "a/b/docs", true},
		{"a/**/b", "a/b", true},
		{"a/**/b", "a/x/y/b", true},
		{"a/**/b", "a/x/y/c", false},
		{"a/**", "a", false}, // a trailing ** is everything inside, not the folder
		{"a/**", "a/x", true},
		{"a/**", "a/x/y", true},
		{"**", "x/y", true},
		{"a/*", "a/x/y", false}, // * stays within a folder
		{"a/*/c", "a/b/c", true},
		{"a**b", "axxb", true}, // ** inside a name is *
		{"a**b", "ax/xb", false},
		{"**/a/**/b/**", "x/a/y/b/z", true},
		{"**/a/**/b/**", "x/a/y/b", false},
		{"*/b", "a/b", true},
		{"*/b", "b", false},
	}
	for _, c := range cases {
		if got := Compile(c.glob).Match(c.path); got != c.want {
			t.Errorf("Compile(%q).Match(%q) = %v, want %v", c.glob, c.path, got, c.want)
		}
	}
}

func TestMatchName(t *testing.T) {
	cases := []struct {
		part, name string
		want       bool
	}{
		{"*", "", true},
		{"*", "anything", true},
		{"a*", "a", true},
		{"*.yaml", ".yaml", true},
		{"*a*b", "xaxaxb", true},
		{"*a*b", "xaxaxc", false},
		{"?", "é", true}, // one character, not one byte
		{"??", "é", false},
		{"v[12]", "v1", true},
		{"v[12]", "v3", false},
		{"v[!12]", "v3", true},
		{"v[^12]", "v1", false},
		{"v[a-c]", "vb", true},
		{"v[a-c]", "vd", false},
		{"v[]]", "v]", true},
		{"v[!]]", "vx", true},
		{"v[[:digit:]]", "v7", true},
		{"v[[:digit:]]", "vx", false},
		{"v[[:alpha:][:digit:]]", "vx", true},
		{"v[x", "v[x", false}, // an unclosed class matches nothing
		{`\#notes`, "#notes", true},
		{`\!keep`, "!keep", true},
		{`a\*`, "a*", true},
		{`a\*`, "ab", false},
		{`trail\ `, "trail ", true},
		{`a\`, `a\`, false}, // a trailing backslash matches nothing
		{"[a-c]*.yaml", "b-api.yaml", true},
	}
	for _, c := range cases {
		if got := MatchName(c.part, c.name); got != c.want {
			t.Errorf("MatchName(%q, %q) = %v, want %v", c.part, c.name, got, c.want)
		}
	}
}
