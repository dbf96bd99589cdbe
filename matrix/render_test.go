package matrix

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestExpandBodyMatchesReplacer: expandBody writes what a strings.Replacer
// of the body references writes, on templates made of references, their
// parts, dollars and text, and a payload that holds references itself.
func TestExpandBodyMatchesReplacer(t *testing.T) {
	payload := `{"a":"$input.body"}`
	replacer := strings.NewReplacer("${input.body}", payload, "$input.body", payload,
		`$input.json('$')`, payload, `$input.json("$")`, payload)
	parts := append([]string{"$", "${", "$input", "$input.json('", "{", "}", "x", "é", "\n", "$$"}, bodyReferences...)
	rng := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		var b strings.Builder
		for range rng.IntN(8) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		template := b.String()
		if got, want := string(expandBody(template, []byte(payload))), replacer.Replace(template); got != want {
			t.Fatalf("expandBody(%q) = %q, want %q", template, got, want)
		}
	}
}
