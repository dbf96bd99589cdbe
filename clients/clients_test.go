package clients

import (
	"testing"

	"github.com/apigw-oas/apigw-oas/mediatype"
)

// The first media range is all API Gateway reads; these are the values the
// research found (binary-semantics.md §6).
func TestFirstRanges(t *testing.T) {
	want := map[string]string{
		"chrome-img": "image/avif", "edge-img": "image/avif", "firefox-img": "image/avif", "safari-img": "image/webp",
		"chrome-navigation": "text/html", "firefox-navigation": "text/html", "safari-navigation": "text/html",
		"fetch": "*/*", "curl": "*/*",
	}
	for name, first := range want {
		p, ok := Lookup(name)
		if !ok {
			t.Fatalf("no profile %q", name)
		}
		if got, _ := mediatype.FirstRange(p.Accept); got != first {
			t.Errorf("%s: first range %q, want %q", name, got, first)
		}
	}
	seen := map[string]bool{}
	for _, p := range Profiles {
		if seen[p.Name] || p.Source == "" || p.Accept == "" {
			t.Errorf("profile %q is duplicated or lacks an Accept value or a source", p.Name)
		}
		seen[p.Name] = true
	}
	if _, ok := Lookup("netscape"); ok {
		t.Error("Lookup found an unknown profile")
	}
}
