package matrix

import (
	"regexp"
	"sync"
)

// maxCachedPatterns bounds selectionPatterns: a definition has a handful
// of distinct selection patterns, but a folder of thousands could bring
// thousands, and past this many the rest are compiled at each use.
const maxCachedPatterns = 512

// selectionPatterns holds the selection patterns compiled so far. A
// simulation picks an integration response for every status and client it
// tries, so each pattern was compiled dozens of times per file (70 times
// for a five-operation one, a tenth of what linting it allocated).
var selectionPatterns struct {
	sync.Mutex
	compiled map[string]*regexp.Regexp // made by the first store, not at start-up
}

// selectionPattern is pattern compiled to match a whole subject, as API
// Gateway matches it, or nil when it is not a regular expression Go reads.
func selectionPattern(pattern string) *regexp.Regexp {
	selectionPatterns.Lock()
	re, ok := selectionPatterns.compiled[pattern]
	selectionPatterns.Unlock()
	if ok {
		return re
	}
	re, err := regexp.Compile("^(?:" + pattern + ")$")
	if err != nil {
		re = nil
	}
	selectionPatterns.Lock()
	if selectionPatterns.compiled == nil {
		selectionPatterns.compiled = map[string]*regexp.Regexp{}
	}
	if len(selectionPatterns.compiled) < maxCachedPatterns {
		selectionPatterns.compiled[pattern] = re
	}
	selectionPatterns.Unlock()
	return re
}
