package review

import (
	"fmt"
	"io"
	"strings"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/report"
)

// commentLimit is GitHub's limit on a comment's length (65,536
// characters); the budget keeps room for the closing lines. Bytes are
// counted, never fewer than characters.
const (
	commentLimit  = 65536
	commentBudget = commentLimit - 4096
)

// WriteMarkdown writes the review as a pull-request comment: a summary
// line, then per API a collapsible section (open when it has regressions)
// with a table of the changes, the operations added and removed and the
// patchOperations, then the lint findings. What would take the comment
// past GitHub's limit is left out and summarised at the end.
func WriteMarkdown(w io.Writer, r *Report) error {
	m := &markdown{}
	s := r.Summarize()
	m.add("## apigw-oas review\n\n")
	m.add(fmt.Sprintf("%s\n\n%s → %s\n", markdownSummary(s), report.MarkdownCode(r.Old), report.MarkdownCode(r.New)))
	for _, a := range r.APIs {
		if !a.quiet() {
			m.api(a)
		}
	}
	m.findings("Lint findings introduced", r.Introduced)
	m.findings("Lint findings removed", r.Removed)
	m.leftOut()
	_, err := io.WriteString(w, m.b.String())
	return err
}

// markdown builds a comment within the budget. Changes that do not fit
// are summarised by kind at the end.
type markdown struct {
	b       strings.Builder
	omitted int
	kinds   []*leftOutKind
}

// leftOutKind is the changes left out that read alike: the same change
// of the same exchange, in several operations.
type leftOutKind struct {
	change             Change
	exchange, from, to string
	operations         map[string]bool
}

// add appends s when it fits the budget; it reports whether it did.
func (m *markdown) add(s string) bool {
	if m.b.Len()+len(s) > commentBudget {
		return false
	}
	m.b.WriteString(s)
	return true
}

// row appends a table row, or counts it as left out.
func (m *markdown) row(s string) {
	if !m.add(s) {
		m.omitted++
	}
}

func markdownSummary(s Summary) string {
	line := SummaryLine(s)
	if s.Regressions > 0 {
		return "**" + report.MarkdownText(line) + "**"
	}
	return report.MarkdownText(line)
}

func (m *markdown) api(a *API) {
	groups := a.Changes()
	open := ""
	if len(groups) > 0 && groups[0].Change == Regression {
		open = " open"
	}
	if !m.add(fmt.Sprintf("\n<details%s>\n<summary><b>%s</b>: %s</summary>\n\n", open, htmlText(a.Title()), a.counts())) {
		for _, g := range groups {
			m.leaveOut(g)
		}
		m.omitted++
		return
	}
	if len(groups) > 0 && !m.add("| Change | Operation | Exchange | Clients | Before | After |\n| --- | --- | --- | --- | --- | --- |\n") {
		for _, g := range groups {
			m.leaveOut(g)
		}
		groups = nil
	}
	for _, g := range groups {
		if !m.add(fmt.Sprintf("| %s | %s | %s | %s | %s | %s |\n", changeMark(g.Change), report.MarkdownCode(g.Operation),
			report.MarkdownText(g.Exchange()), report.MarkdownText(g.Who()), outcomeCell(g.Old), outcomeCell(g.New))) {
			m.leaveOut(g)
		}
	}
	m.operations(a)
	if len(a.Patch) > 0 {
		var b strings.Builder
		b.WriteString("\npatchOperations that deploy the change:\n\n```text\n")
		for _, t := range a.Patch {
			writeTextTarget(&b, t, "")
		}
		b.WriteString("```\n")
		m.row(b.String())
	}
	m.b.WriteString("\n</details>\n")
}

func (m *markdown) operations(a *API) {
	if a.Presence != Both {
		return
	}
	for _, p := range []Presence{Added, Removed} {
		var names []string
		for _, op := range a.Operations {
			if op.Presence == p {
				names = append(names, report.MarkdownCode(op.Name()))
			}
		}
		if names != nil {
			m.row(fmt.Sprintf("\nOperations %s: %s\n", p, strings.Join(names, ", ")))
		}
	}
}

func (m *markdown) findings(title string, ds []diag.Diagnostic) {
	if len(ds) == 0 {
		return
	}
	if !m.add(fmt.Sprintf("\n<details>\n<summary>%s: %d</summary>\n\n| Severity | Location | Rule | Message |\n| --- | --- | --- | --- |\n", title, len(ds))) {
		m.omitted += len(ds)
		return
	}
	for _, d := range ds {
		m.row(fmt.Sprintf("| %s | %s | %s | %s |\n", d.Severity, report.MarkdownCode(d.Span.String()), report.MarkdownCode(d.Rule), report.MarkdownText(d.Message)))
	}
	m.b.WriteString("\n</details>\n")
}

func (m *markdown) leaveOut(g *Group) {
	from, to := g.Old.Label(), g.New.Label()
	for _, k := range m.kinds {
		if k.change == g.Change && k.exchange == g.Exchange() && k.from == from && k.to == to {
			k.operations[g.Operation] = true
			return
		}
	}
	m.kinds = append(m.kinds, &leftOutKind{change: g.Change, exchange: g.Exchange(), from: from, to: to, operations: map[string]bool{g.Operation: true}})
}

// leftOut summarises what did not fit: the changes by kind, with how many
// operations each concerns, and a count of the other rows.
func (m *markdown) leftOut() {
	if len(m.kinds) == 0 && m.omitted == 0 {
		return
	}
	m.b.WriteString("\n### Left out to stay within GitHub's comment limit\n\n")
	if len(m.kinds) > 0 {
		m.b.WriteString("| Change | Exchange | Before | After | Operations |\n| --- | --- | --- | --- | --- |\n")
		shown := 0
		for _, k := range m.kinds {
			if m.b.Len() > commentLimit-1024 {
				break
			}
			fmt.Fprintf(&m.b, "| %s | %s | **%s** | **%s** | %d |\n", changeMark(k.change), report.MarkdownText(k.exchange), report.MarkdownText(k.from), report.MarkdownText(k.to), len(k.operations))
			shown++
		}
		if shown < len(m.kinds) {
			fmt.Fprintf(&m.b, "\n%s more.\n", plural(len(m.kinds)-shown, "kind of change", "kinds of change"))
		}
	}
	if m.omitted > 0 {
		fmt.Fprintf(&m.b, "\n%s (operations added or removed, patchOperations, lint findings) left out.\n", plural(m.omitted, "other row", "other rows"))
	}
	m.b.WriteString("\nEvery cell is in `apigw-oas review --format html`.\n")
}

func changeMark(c Change) string {
	switch c {
	case Regression:
		return "🔴 regression"
	case Fix:
		return "🟢 fix"
	}
	return "⚪ neutral"
}

// outcomeCell is "**500** (`template-binary-500`)".
func outcomeCell(o *Outcome) string {
	return "**" + report.MarkdownText(o.Label()) + "** (" + report.MarkdownCode(o.Rule) + ")"
}

// htmlText escapes text inside the HTML a Markdown comment may hold.
var htmlText = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace
