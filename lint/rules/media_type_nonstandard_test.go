package rules

import (
	"strings"
	"testing"
)

// The help lists the aliases the rule knows; this keeps it in step with
// standardNames.
func TestNonstandardHelpListsEveryAlias(t *testing.T) {
	help := MediaTypeNonstandard.Help()
	for alias, name := range standardNames {
		if !strings.Contains(help, alias+" → "+name) {
			t.Errorf("docs/media-type-nonstandard.md does not list %s → %s", alias, name)
		}
	}
	if n := strings.Count(help, " → "); n != len(standardNames) {
		t.Errorf("docs/media-type-nonstandard.md lists %d aliases, the rule knows %d", n, len(standardNames))
	}
}
