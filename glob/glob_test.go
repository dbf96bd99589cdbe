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
	}
	for _, c := range cases {
		if got := Match(c.glob, c.path); got != c.want {
			t.Errorf("Match(%q, %q) = %v, want %v", c.glob, c.path, got, c.want)
		}
	}
}
