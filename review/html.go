package review

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strings"
	"sync"

	"github.com/apigw-oas/apigw-oas/clients"
	"github.com/apigw-oas/apigw-oas/diag"
)

// The page is one file with its style inline and no script: its
// Content-Security-Policy forbids loading anything, so it looks the same
// offline, in a CI artifact viewer and in a mail attachment. A cell is a
// link to its explanation, which CSS's :target shows.
//
//go:embed html.tmpl
var pageTemplate string

// page is parsed on first use: parsing it at start-up cost every command
// a thousand allocations.
var page = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("review").Parse(pageTemplate))
})

// WriteHTML writes the review as one self-contained HTML page: per API a
// grid of its operations' exchanges (rows) and the clients (columns), each
// cell showing what the client gets on both sides, classed regression,
// fix, neutral or same, and linking to both sides' explanations. For a
// single version (Single) the cells show that version alone.
func WriteHTML(w io.Writer, r *Report) error {
	return page().Execute(w, buildPage(r))
}

type htmlPage struct {
	Title    string
	Report   *Report
	Summary  string
	Clients  []clients.Profile
	APIs     []htmlAPI
	Worst    []htmlGroup // the first regressions, listed above the grids
	More     int         // regressions not listed there
	Panels   []htmlPanel
	Findings [2]htmlFindings
}

type htmlAPI struct {
	ID, Title, Counts string
	Rows              []htmlRow
	Added, Removed    []string
	Patch             string
}

type htmlRow struct {
	First     bool // the operation's first row, which carries its name
	Span      int  // rows of the operation
	Operation string
	OpClass   string // "added", "removed" or ""
	Exchange  string
	Changed   bool
	Cells     []htmlCell
}

type htmlCell struct {
	Class, Client, Old, New, Panel string
	Span                           int // a request cell spans every client
	Same                           bool
}

type htmlPanel struct {
	ID, Title string
	Sides     []htmlSide
}

type htmlSide struct {
	Heading, Rule, Summary string
	Steps                  []string
}

type htmlGroup struct{ API, Text string }

// maxListed bounds the list of regressions above the grids, which must
// not push them off the first screen of a large review.
const maxListed = 12

type htmlFindings struct {
	Title string
	Lines []string
}

// pageBuilder gives each distinct explanation one panel: cells with the
// same outcomes on both sides share it, which keeps the page of a large
// API small.
type pageBuilder struct {
	page   htmlPage
	panels map[string]string // content key → panel id
}

func buildPage(r *Report) htmlPage {
	b := &pageBuilder{panels: map[string]string{}}
	b.page = htmlPage{Report: r, Clients: clients.Profiles}
	if r.OneSide {
		b.page.Title = "apigw-oas explain: " + r.New
		b.page.Summary = "what every client gets from every operation"
	} else {
		b.page.Title = "apigw-oas review: " + r.Old + " → " + r.New
		b.page.Summary = SummaryLine(r.Summarize())
	}
	for i, a := range r.APIs {
		if !r.OneSide && a.quiet() {
			continue
		}
		b.page.APIs = append(b.page.APIs, b.api(i, a))
		for _, g := range a.Changes() {
			switch {
			case g.Change != Regression:
			case len(b.page.Worst) == maxListed:
				b.page.More++
			default:
				b.page.Worst = append(b.page.Worst, htmlGroup{API: fmt.Sprintf("api-%d", i), Text: groupText(g)})
			}
		}
	}
	b.page.Findings = [2]htmlFindings{findingLines("lint findings introduced", r.Introduced), findingLines("lint findings removed", r.Removed)}
	return b.page
}

func groupText(g *Group) string {
	return g.Operation + ": " + g.Exchange() + ", " + g.Who() + ": " + g.Old.Label() + " → " + g.New.Label()
}

func findingLines(title string, ds []diag.Diagnostic) htmlFindings {
	f := htmlFindings{Title: title}
	for _, d := range ds {
		f.Lines = append(f.Lines, d.String())
	}
	return f
}

func (b *pageBuilder) api(i int, a *API) htmlAPI {
	h := htmlAPI{ID: fmt.Sprintf("api-%d", i), Title: a.Title()}
	if !b.page.Report.OneSide {
		h.Counts = a.counts()
	}
	for _, op := range a.Operations {
		if a.Presence == Both && op.Presence == Added {
			h.Added = append(h.Added, op.Name())
		}
		if a.Presence == Both && op.Presence == Removed {
			h.Removed = append(h.Removed, op.Name())
		}
		h.Rows = append(h.Rows, b.rows(op)...)
	}
	var patch strings.Builder
	for _, t := range a.Patch {
		writeTextTarget(&patch, t, "")
	}
	h.Patch = patch.String()
	return h
}

// rows lays an operation out: one row per request media type (one cell
// for every client) and per response media type (a cell per client).
func (b *pageBuilder) rows(op *Operation) []htmlRow {
	var rows []htmlRow
	index := map[string]int{}
	for _, p := range op.Probes {
		ex := exchangeName(p.Side, p.MediaType, op.Name())
		i, ok := index[ex]
		if !ok {
			i = len(rows)
			index[ex] = i
			rows = append(rows, htmlRow{Operation: op.Name(), Exchange: ex, Cells: emptyCells(p.Side)})
		}
		cell := b.cell(op, p, ex)
		if cell.Class != "same" {
			rows[i].Changed = true
		}
		col := 0
		if p.Side == ResponseSide {
			col = clientColumn(p.Client)
		}
		rows[i].Cells[col] = cell
	}
	for i := range rows {
		rows[i].Span = len(rows)
		rows[i].First = i == 0
		if op.Presence != Both && !b.page.Report.OneSide {
			rows[i].OpClass = string(op.Presence)
		}
	}
	return rows
}

// emptyCells are a row's cells before probes fill them: a response row has
// a cell per client ("not fetched" until a probe fills it, as browsers
// send only GETs themselves), a request row one cell for all clients.
func emptyCells(side Side) []htmlCell {
	if side == RequestSide {
		return []htmlCell{{Class: "same", Span: len(clients.Profiles), Client: "any", Same: true}}
	}
	cells := make([]htmlCell, len(clients.Profiles))
	for i, c := range clients.Profiles {
		cells[i] = htmlCell{Class: "none", Client: c.Name, Span: 1, Same: true, New: "·"}
	}
	return cells
}

func clientColumn(name string) int {
	for i, c := range clients.Profiles {
		if c.Name == name {
			return i
		}
	}
	return 0
}

func (b *pageBuilder) cell(op *Operation, p *Probe, exchange string) htmlCell {
	c := htmlCell{Client: p.Client, Span: 1}
	if p.Side == RequestSide {
		c.Client, c.Span = "any", len(clients.Profiles)
	}
	if p.Old != nil {
		c.Old = p.Old.Label()
	}
	if p.New != nil {
		c.New = p.New.Label()
	}
	switch {
	case b.page.Report.OneSide:
		c.Class, c.Same = "form-"+string(p.New.Form), true
	case p.Change != None:
		c.Class = string(p.Change)
	case p.Old == nil || p.New == nil:
		c.Class = "only"
	default:
		c.Class, c.Same = "same", true
	}
	c.Panel = b.panel(op, p, exchange)
	return c
}

// panel returns the id of the explanation of a probe's outcomes.
func (b *pageBuilder) panel(op *Operation, p *Probe, exchange string) string {
	title := op.Name() + " · " + exchange
	var sides []htmlSide
	for _, s := range []struct {
		name string
		o    *Outcome
	}{{"before", p.Old}, {"after", p.New}} {
		if s.o == nil {
			continue
		}
		heading := s.name + ": " + s.o.Label()
		if b.page.Report.OneSide {
			heading = s.o.Label()
		}
		sides = append(sides, htmlSide{Heading: heading, Rule: s.o.Rule, Summary: s.o.RuleSummary, Steps: s.o.Steps})
	}
	key := fmt.Sprint(title, sides)
	if id, ok := b.panels[key]; ok {
		return id
	}
	id := fmt.Sprintf("x%d", len(b.page.Panels)+1)
	b.panels[key] = id
	b.page.Panels = append(b.page.Panels, htmlPanel{ID: id, Title: title, Sides: sides})
	return id
}
