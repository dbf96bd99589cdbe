package review

// Summary counts what a review found. Regressions, fixes and neutral
// changes count probes: one operation fetched by eight browsers is eight.
type Summary struct {
	Regressions        int `json:"regressions"`
	Fixes              int `json:"fixes"`
	Neutral            int `json:"neutral"`
	APIsAdded          int `json:"apis_added"`
	APIsRemoved        int `json:"apis_removed"`
	OperationsAdded    int `json:"operations_added"`
	OperationsRemoved  int `json:"operations_removed"`
	FindingsIntroduced int `json:"findings_introduced"`
	FindingsRemoved    int `json:"findings_removed"`
	PatchOperations    int `json:"patch_operations"`
}

// Summarize counts the report's changes.
func (r *Report) Summarize() Summary {
	s := Summary{FindingsIntroduced: len(r.Introduced), FindingsRemoved: len(r.Removed)}
	for _, a := range r.APIs {
		s.APIsAdded += b2i(a.Presence == Added)
		s.APIsRemoved += b2i(a.Presence == Removed)
		for _, t := range a.Patch {
			s.PatchOperations += len(t.Operations)
		}
		for _, op := range a.Operations {
			if a.Presence == Both {
				s.OperationsAdded += b2i(op.Presence == Added)
				s.OperationsRemoved += b2i(op.Presence == Removed)
			}
			for _, p := range op.Probes {
				s.Regressions += b2i(p.Change == Regression)
				s.Fixes += b2i(p.Change == Fix)
				s.Neutral += b2i(p.Change == Neutral)
			}
		}
	}
	return s
}

// Empty reports whether the review found no difference at all.
func (s Summary) Empty() bool { return s == Summary{} }

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// counts says how many of an API's probes changed, for its heading.
func (a *API) counts() string {
	c := map[Change]int{}
	for _, op := range a.Operations {
		for _, p := range op.Probes {
			c[p.Change]++
		}
	}
	return plural(c[Regression], "regression", "regressions") + ", " + plural(c[Fix], "fix", "fixes") + ", " +
		plural(c[Neutral], "neutral change", "neutral changes")
}
