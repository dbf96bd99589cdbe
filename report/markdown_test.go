package report

import "testing"

func TestMarkdownEscaping(t *testing.T) {
	for in, want := range map[string]string{
		"a | b":         `a \| b`,
		"one\r\ntwo\n":  "one<br>two<br>",
		"*x* <b> & _y_": `\*x\* \<b\> \& \_y\_`,
	} {
		if got := mdText.Replace(in); got != want {
			t.Errorf("mdText(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"a.yaml:1:2": "`a.yaml:1:2`",
		"a`b|c":      "``a`b\\|c``",
		"`x":         "`` `x ``",
		"":           "",
	} {
		if got := MarkdownCode(in); got != want {
			t.Errorf("MarkdownCode(%q) = %q, want %q", in, got, want)
		}
	}
}
