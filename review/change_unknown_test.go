package review

import "testing"

// An outcome a deploy-time setting decides is neither better nor worse
// than a known one: a change to or from it is neutral, never a regression.
func TestChangeToUnknownIsNeutral(t *testing.T) {
	for _, c := range []struct{ old, new Form }{{Intact, Unknown}, {Unknown, Intact}, {Rejected, Unknown}, {Unknown, Mangled}} {
		if got := classify(&Outcome{Form: c.old, Status: 200}, &Outcome{Form: c.new}); got != Neutral {
			t.Errorf("%s → %s: %q, want neutral", c.old, c.new, got)
		}
	}
	if got := classify(&Outcome{Form: Unknown}, &Outcome{Form: Unknown}); got != None {
		t.Errorf("unknown → unknown: %q, want no change", got)
	}
}
