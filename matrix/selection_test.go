package matrix

import (
	"strconv"
	"testing"
)

// A pattern is compiled once and matches the whole subject; one Go cannot
// read is nil every time; past maxCachedPatterns patterns are still
// compiled, only no longer kept.
func TestSelectionPattern(t *testing.T) {
	first := selectionPattern(`4\d{2}`)
	if first == nil || selectionPattern(`4\d{2}`) != first {
		t.Fatalf("4\\d{2} compiled to %v, then to another expression", first)
	}
	if !first.MatchString("404") || first.MatchString("4040") || first.MatchString("x404") {
		t.Errorf("%v does not match exactly the whole subject", first)
	}
	if re := selectionPattern(`(?<name>x)+++`); re != nil {
		t.Errorf("an invalid pattern compiled to %v", re)
	}
	for i := range maxCachedPatterns + 10 {
		code := strconv.Itoa(1000 + i)
		if re := selectionPattern(code); re == nil || !re.MatchString(code) || re.MatchString(code+"0") {
			t.Fatalf("pattern %s compiled to %v", code, re)
		}
	}
	if n := len(selectionPatterns.compiled); n > maxCachedPatterns {
		t.Errorf("%d patterns kept, more than %d", n, maxCachedPatterns)
	}
}
