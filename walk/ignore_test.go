package walk

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Each case is a .gitignore (at the base unless the path says otherwise)
// and whether git ignores a path; the git comparison test checks the same
// rules against git itself.
func TestIgnored(t *testing.T) {
	cases := []struct {
		lines string
		path  string
		isDir bool
		want  bool
	}{
		{"/docs", "docs", true, true},
		{"/docs", "services/billing/docs", true, false}, // anchored: only at the file's folder
		{"docs", "services/billing/docs", true, true},   // no slash: at any depth
		{"docs/", "docs", false, false},                 // a trailing slash: folders only
		{"services/docs", "a/services/docs", true, false},
		{"api[12].yaml", "x/api2.yaml", false, true},
		{"api[12].yaml", "x/api3.yaml", false, false},
		{`\#api.yaml`, "#api.yaml", false, true},
		{"#api.yaml", "#api.yaml", false, false}, // a comment
		{`\!api.yaml`, "!api.yaml", false, true},
		{"*.yaml\n!keep.yaml", "keep.yaml", false, false},
		{"*.yaml\n!keep.yaml\nkeep.yaml", "keep.yaml", false, true}, // the last match decides
		{`trailing\ `, "trailing ", false, true},
		{"trailing   ", "trailing", false, true}, // unescaped trailing spaces are dropped
		{"api.yaml\r", "api.yaml", false, true},  // CRLF files
		{"/a/**/b.yaml", "a/x/y/b.yaml", false, true},
		{"a/**", "a", true, false},
		{"**/gen/*.json", "x/gen/a.json", false, true},
	}
	for _, c := range cases {
		var rules []ignoreRule
		for _, line := range strings.Split(c.lines, "\n") {
			if r, ok := parseIgnoreLine(line, 0); ok {
				rules = append(rules, r)
			}
		}
		if got := ignored(rules, strings.Split(c.path, "/"), c.isDir); got != c.want {
			t.Errorf("%q ignores %q: %v, want %v", c.lines, c.path, got, c.want)
		}
	}
}

// A rule applies relative to the folder of its .gitignore.
func TestIgnoredNested(t *testing.T) {
	anchored, _ := parseIgnoreLine("/docs", 2)
	rules := []ignoreRule{anchored}
	for path, want := range map[string]bool{
		"services/billing/docs":        true,
		"services/billing/api/docs":    false,
		"docs":                         false,
		"services/billing/docs/a.yaml": false, // the folder is skipped; its files are not matched themselves
	} {
		if got := ignored(rules, strings.Split(path, "/"), path != "services/billing/docs/a.yaml"); got != want {
			t.Errorf("services/billing/.gitignore /docs ignores %s: %v, want %v", path, got, want)
		}
	}
}

func TestTrimTrailingSpaces(t *testing.T) {
	for in, want := range map[string]string{
		"a  ":     "a",
		`a\ `:     `a\ `,
		`a\  `:    `a\ `,
		`a\\ `:    `a\\`,
		"  ":      "",
		"a b":     "a b",
		`a\`:      `a\`,
		"a\t":     "a\t", // only spaces, as git
		`\ \ `:    `\ \ `,
		`a \ b  `: `a \ b`,
	} {
		if got := trimTrailingSpaces(in); got != want {
			t.Errorf("trimTrailingSpaces(%q) = %q, want %q", in, got, want)
		}
	}
}

// An ignore file is read within a size limit, as every file is: its rules
// are held for the whole walk. One over it is a notice, and the walk goes
// on without its rules.
func TestIgnoreFileOverTheLimit(t *testing.T) {
	dir := t.TempDir()
	huge := strings.Repeat("generated-*.yaml\n", maxIgnoreBytes/17+1)
	for name, text := range map[string]string{".gitignore": huge, "api.yaml": "openapi: 3.0.1\n"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res := Paths([]string{dir}, Options{})
	if len(res.Inputs) != 1 || len(res.Notices) != 1 || !strings.HasSuffix(res.Notices[0].String(), ".gitignore: not read: the file is larger than the 1 MiB size limit") {
		t.Errorf("inputs %v, notices %v; want api.yaml and one notice of the .gitignore's size", res.Inputs, res.Notices)
	}
}
