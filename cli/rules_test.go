package cli

import (
	"os"
	"testing"

	"github.com/apigw-oas/apigw-oas/internal/golden"
	"github.com/apigw-oas/apigw-oas/lint/rules"
)

// docs/rules.md is generated from the rules' metadata; this test fails when
// it is stale (APIGW_OAS_UPDATE=1 go test ./cli rewrites it).
func TestRulesDocIsCurrent(t *testing.T) {
	const path = "../docs/rules.md"
	want := rulesMarkdown(rules.All)
	if golden.Updating() {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != want {
		t.Errorf("docs/rules.md is stale: run APIGW_OAS_UPDATE=1 go test ./cli")
	}
}
