package rules

import (
	"net/http"
	"testing"
)

// Our table of reason phrases is net/http's for every status code API
// Gateway allows.
func TestReasonPhraseIsNetHTTPs(t *testing.T) {
	for code := 100; code <= 599; code++ {
		if got, want := reasonPhrase(code), http.StatusText(code); got != want {
			t.Errorf("%d: %q, net/http says %q", code, got, want)
		}
	}
}
