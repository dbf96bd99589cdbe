package report

import (
	"testing"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/source"
)

func TestGitHubEscaping(t *testing.T) {
	r := Findings{Diagnostics: []diag.Diagnostic{{
		Rule: "r:1,x", Severity: diag.Warning, Message: "100% sure:\r\nsee a, b",
		Span: source.Span{File: "dir,x/a:b.yaml", Start: source.Pos{Line: 2, Col: 3}, End: source.Pos{Line: 2, Col: 5}},
	}, {
		Rule: "suppressed", Severity: diag.Error, Message: "not shown",
		Suppression: &diag.Suppression{Kind: diag.SuppressedInline},
	}, {
		Rule: "no-col", Severity: diag.Info, Message: "%0A stays literal",
		Span: source.Span{File: "c.yaml", Start: source.Pos{Line: 4}, End: source.Pos{Line: 4}},
	}}}
	want := "::warning file=dir%2Cx/a%3Ab.yaml,line=2,col=3,endLine=2,endColumn=5,title=r%3A1%2Cx::100%25 sure:%0D%0Asee a, b\n" +
		"::notice file=c.yaml,line=4,endLine=4,title=no-col::%250A stays literal\n"
	if got := string(render(t, "github", r, Options{})); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
