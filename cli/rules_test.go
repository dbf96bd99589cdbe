package cli

import (
	"encoding/json"
	"os"
	"strings"
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

// rules lists every rule, in text and in JSON (with its help and options).
func TestRulesListsEveryRule(t *testing.T) {
	code, text, _ := run(t, "", "rules")
	if code != 0 {
		t.Fatalf("rules: exit %d", code)
	}
	code, out, _ := run(t, "", "rules", "--format", "json")
	if code != 0 {
		t.Fatalf("rules --format json: exit %d", code)
	}
	var got struct {
		Version int
		Rules   []ruleJSON
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if got.Version != 2 || len(got.Rules) != len(rules.All) {
		t.Fatalf("version %d with %d rules, want version 2 with %d", got.Version, len(got.Rules), len(rules.All))
	}
	for i, r := range rules.All {
		j := got.Rules[i]
		if j.ID != r.ID || j.Help != r.Help() || len(j.Options) != len(r.Options) {
			t.Errorf("JSON rule %d is %s with %d options, want %s's help and its %d options", i, j.ID, len(j.Options), r.ID, len(r.Options))
		}
		if !strings.Contains(text, "\n"+r.ID+" ") {
			t.Errorf("the text list lacks %s", r.ID)
		}
	}
}
