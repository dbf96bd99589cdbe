package report

import (
	"fmt"
	"strings"
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

// Errors come first, then warnings, then infos. GitHub annotates 10 of each
// kind per step: beyond that, one notice, before the infos so that it is
// among the notices shown, says how many were left out.
func TestGitHubOrderAndOverflow(t *testing.T) {
	var ds []diag.Diagnostic
	add := func(n int, sev diag.Severity) {
		for i := range n {
			ds = append(ds, diag.Diagnostic{Rule: "r", Severity: sev, Message: fmt.Sprint(sev, i),
				Span: source.Span{File: "a.yaml", Start: source.Pos{Line: int32(len(ds) + 1)}}})
		}
	}
	add(11, diag.Info)
	add(3, diag.Warning)
	add(12, diag.Error)
	lines := strings.Split(strings.TrimSuffix(string(render(t, GitHub, Findings{Diagnostics: ds}, Options{})), "\n"), "\n")
	var kinds []string
	for _, l := range lines {
		kind, _, _ := strings.Cut(strings.TrimPrefix(l, "::"), " ")
		if len(kinds) == 0 || kinds[len(kinds)-1] != kind {
			kinds = append(kinds, kind)
		}
	}
	if got := strings.Join(kinds, ","); got != "error,warning,notice" || len(lines) != 27 {
		t.Fatalf("kinds in order %s, %d lines; want error,warning,notice and 26 findings + 1 notice", got, len(lines))
	}
	want := "::notice title=apigw-oas::4 findings are not annotated (2 errors, 2 infos): GitHub shows 10 annotations of each kind per step."
	if notice := lines[15]; !strings.HasPrefix(notice, want) {
		t.Errorf("line 16 is\n%s\nwant it to start with\n%s", notice, want)
	}

	// ten of each: all shown, no notice
	ds = nil
	add(10, diag.Info)
	add(10, diag.Error)
	if out := string(render(t, GitHub, Findings{Diagnostics: ds}, Options{})); strings.Contains(out, "not annotated") {
		t.Errorf("a notice when every finding is annotated:\n%s", out)
	}
}
