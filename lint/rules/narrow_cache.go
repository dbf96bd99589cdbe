package rules

import (
	"sync"

	"github.com/apigw-oas/apigw-oas/model"
)

// narrowEntry is computeNarrowing, remembered per API and entry. Its answer
// simulates every operation, and three rules ask it once per finding: on
// GitHub's API under */*, 656 findings times 873 operations made lint
// quadratic. Only the APIs being linted now are kept (workers lint a few
// files at a time), so a long run does not hold every API it saw.
func narrowEntry(api *model.API, matched string) (narrowing, bool) {
	narrowings.Lock()
	r, seen := narrowings.byAPI[api][matched]
	narrowings.Unlock()
	if seen {
		return r.n, r.ok
	}
	r.n, r.ok = computeNarrowing(api, matched) // outside the lock: other files go on
	narrowings.Lock()
	defer narrowings.Unlock()
	if narrowings.byAPI[api] == nil {
		if len(narrowings.byAPI) >= 16 {
			clear(narrowings.byAPI)
		}
		narrowings.byAPI[api] = map[string]narrowAnswer{}
	}
	narrowings.byAPI[api][matched] = r
	return r.n, r.ok
}

type narrowAnswer struct {
	n  narrowing
	ok bool
}

var narrowings = struct {
	sync.Mutex
	byAPI map[*model.API]map[string]narrowAnswer
}{byAPI: map[*model.API]map[string]narrowAnswer{}}
