package terraform

import (
	"testing"

	"github.com/apigw-oas/apigw-oas/source"
)

func hclDocument(t *testing.T, name, text string) *source.Document {
	t.Helper()
	doc, err := source.NewDocument(name, []byte(text), source.HCL, nil)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// A parse under way is shared: the second import of the same name and
// text waits for the first one's body instead of parsing its own; another
// text of the same name is parsed again.
func TestClaimSharesAParseUnderWay(t *testing.T) {
	c := NewCache()
	doc := hclDocument(t, "main.tf", `locals { verb = "GET" }`)
	first, mine := c.claim(doc)
	second, alsoMine := c.claim(hclDocument(t, "main.tf", `locals { verb = "GET" }`))
	if !mine || alsoMine || first != second {
		t.Fatalf("claims: mine %v and %v, one entry %v; want the first claim's entry shared", mine, alsoMine, first == second)
	}
	go first.parse(doc)
	body, diags := second.result(doc)
	if body == nil || body != first.body || len(diags) > 0 {
		t.Errorf("the waiter got body %p (the parse's: %p), diagnostics %v", body, first.body, diags)
	}
	if changed, mine := c.claim(hclDocument(t, "main.tf", `locals { verb = "POST" }`)); !mine || changed == first {
		t.Error("a changed text is not parsed again")
	}
}

// A parse that ended without a body (its parser panicked in another
// worker) does not leave its waiters waiting: each parses the text itself.
func TestWaiterOfAFailedParseParses(t *testing.T) {
	c := NewCache()
	doc := hclDocument(t, "main.tf", `locals { verb = "GET" }`)
	failed, _ := c.claim(doc)
	waiter, _ := c.claim(doc)
	close(failed.ready) // what parse's deferred close does when parse panics
	if body, diags := waiter.result(doc); body == nil || len(diags) > 0 {
		t.Errorf("the waiter got body %v, diagnostics %v", body, diags)
	}
}
