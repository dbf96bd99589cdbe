package review

import (
	"slices"
	"strings"

	"github.com/apigw-oas/apigw-oas/clients"
)

// Group is one change seen by several clients: the same operation, payload
// and outcomes on both sides. Text and Markdown list groups, not probes,
// so that eight browsers losing their images is one line.
type Group struct {
	Operation string
	Side      Side
	MediaType string
	Change    Change
	Old, New  *Outcome
	Clients   []string // empty for requests
}

// Changes groups an API's changed probes, regressions first, in the order
// of the operations.
func (a *API) Changes() []*Group {
	var groups []*Group
	byKey := map[groupKey]*Group{}
	for _, op := range a.Operations {
		for _, p := range op.Probes {
			if p.Change == None {
				continue
			}
			k := groupKey{op.Name(), p.Side, p.MediaType, p.Change, p.Old.Label(), p.New.Label(), p.Old.Rule, p.New.Rule}
			g := byKey[k]
			if g == nil {
				g = &Group{Operation: op.Name(), Side: p.Side, MediaType: p.MediaType, Change: p.Change, Old: p.Old, New: p.New}
				byKey[k] = g
				groups = append(groups, g)
			}
			if p.Client != "" {
				g.Clients = append(g.Clients, p.Client)
			}
		}
	}
	order := map[Change]int{Regression: 0, Fix: 1, Neutral: 2}
	slices.SortStableFunc(groups, func(a, b *Group) int { return order[a.Change] - order[b.Change] })
	return groups
}

type groupKey struct {
	op                 string
	side               Side
	mediaType          string
	change             Change
	oldLabel, newLabel string
	oldRule, newRule   string
}

// Exchange names what a group's probes exchange: "request image/png",
// "CORS preflight (no Content-Type)", "response image/png".
func (g *Group) Exchange() string {
	return exchangeName(g.Side, g.MediaType, g.Operation)
}

func exchangeName(side Side, mediaType, operation string) string {
	switch {
	case side == ResponseSide:
		return "response " + mediaType
	case mediaType != "":
		return "request " + mediaType
	case strings.HasPrefix(operation, "OPTIONS "):
		return "CORS preflight (no Content-Type)"
	}
	return "request without Content-Type"
}

// Who names the clients a group concerns: "every client", a list, or
// "any client" for requests.
func (g *Group) Who() string {
	switch {
	case g.Side == RequestSide:
		return "any client"
	case len(g.Clients) == len(clients.Profiles):
		return "every client"
	}
	return strings.Join(g.Clients, ", ")
}
