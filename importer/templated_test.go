package importer

import (
	"strings"
	"testing"
)

// keyKind must find what looking up the key lower-cased and without "_"
// finds, which it does without allocating.
func TestKeyKind(t *testing.T) {
	for _, key := range []string{
		"uri", "URI", "Content_Handling", "contentHandling", "IntegrationHttpMethod", "integration_http_method",
		"description", "Summary", "REQUEST_TEMPLATES", "x-amazon-apigateway-binary-media-types",
		"X-Amazon-Apigateway-Binary-Media-Types_", "paths", "", "_", "Ünïcode", "\u212Aey", "tÝpe",
		strings.Repeat("a", 41), strings.Repeat("_", 50) + "uri",
	} {
		norm := strings.ToLower(strings.ReplaceAll(key, "_", ""))
		text, setting := keyKind(key)
		if text != textKeys[norm] || setting != settingKeys[norm] {
			t.Errorf("keyKind(%q) = %v, %v; want %v, %v", key, text, setting, textKeys[norm], settingKeys[norm])
		}
	}
	if allocs := testing.AllocsPerRun(100, func() { keyKind("IntegrationHttpMethod") }); allocs != 0 {
		t.Errorf("keyKind allocates %v times", allocs)
	}
}

// mayHoldPlaceholder must hold for every string templatePlaceholders
// matches: every string up to five characters long over the characters
// the expression's tags and names are made of.
func TestMayHoldPlaceholderBeforeMatch(t *testing.T) {
	const alphabet = "{}%#<>@$a\n"
	matched := 0
	var visit func(s string)
	visit = func(s string) {
		if templatePlaceholders.MatchString(s) {
			matched++
			if !mayHoldPlaceholder(s) {
				t.Errorf("templatePlaceholders matches %q, which mayHoldPlaceholder rules out", s)
			}
		}
		if len(s) == 5 {
			return
		}
		for _, c := range alphabet {
			visit(s + string(c))
		}
	}
	visit("")
	if matched == 0 {
		t.Fatal("no string matched: the alphabet misses the expression's tags")
	}
}
