package version

import (
	"runtime/debug"
	"testing"
)

func TestModuleOf(t *testing.T) {
	for recorded, want := range map[string]string{
		"v0.1.0": "v0.1.0",
		"v0.1.1-0.20261202123456-0123456789ab+dirty": "v0.1.1-0.20261202123456-0123456789ab+dirty",
		"(devel)": "v0.0.0-devel",
		"":        "v0.0.0-devel",
	} {
		info := &debug.BuildInfo{Main: debug.Module{Path: "github.com/apigw-oas/apigw-oas", Version: recorded}}
		got := moduleOf(info)
		if got != want {
			t.Errorf("recorded %q: version %q, want %q", recorded, got, want)
		}
		if !semver.MatchString(Semantic(got)) {
			t.Errorf("recorded %q: %q is not semantic", recorded, Semantic(got))
		}
	}
}

func TestSemantic(t *testing.T) {
	for in, want := range map[string]string{
		"v1.2.3": "1.2.3", "1.2.3-rc.1+x": "1.2.3-rc.1+x", "devel": "0.0.0-devel",
		"devel-0123456789ab": "0.0.0-devel-0123456789ab", "v0.0.0-20261202120000-0123456789ab": "0.0.0-20261202120000-0123456789ab",
		"(devel)": "0.0.0-devel", "v0.0.0-devel": "0.0.0-devel", "": "",
	} {
		if got := Semantic(in); got != want || (got != "" && !semver.MatchString(got)) {
			t.Errorf("Semantic(%q) = %q, want %q", in, got, want)
		}
	}
}
