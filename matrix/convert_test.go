package matrix

import "testing"

// One U+FFFD per maximal subpart, as Python's and Java's decoders do.
func TestReplaceInvalidUTF8(t *testing.T) {
	cases := map[string]string{
		"ok é":         "ok é",
		"\xe2\x82a":    "\uFFFDa",            // a truncated three-byte character: one replacement
		"\xf0\x80":     "\uFFFD\uFFFD",       // 0x80 cannot follow 0xF0: two
		"\xed\xa0\x80": "\uFFFD\uFFFD\uFFFD", // a surrogate: each byte
		"a\xff\xfeb":   "a\uFFFD\uFFFDb",
		"\xf4\x8f\xbf": "\uFFFD",       // truncated at the end of input
		"\xc0\xaf":     "\uFFFD\uFFFD", // an overlong form
	}
	for in, want := range cases {
		if got := string(replaceInvalidUTF8([]byte(in))); got != want {
			t.Errorf("%q: got %q, want %q", in, got, want)
		}
	}
}
