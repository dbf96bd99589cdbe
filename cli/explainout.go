package cli

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/apigw-oas/apigw-oas/clients"
	"github.com/apigw-oas/apigw-oas/matrix"
	"github.com/apigw-oas/apigw-oas/model"
)

// writeExplanation prints the reasoning for each side of an exchange.
func writeExplanation(w io.Writer, op *model.Operation, e explanation) {
	fmt.Fprintf(w, "%s (%s)\n", e.Operation, op.Span)
	type section struct {
		name string
		side *sideResult
	}
	sections := []section{{"request", e.Request}, {"response", e.Response}}
	if e.Responses != nil {
		sections = sections[:1]
		for _, r := range e.Responses {
			sections = append(sections, section{"response, when the integration answers " + r.ContentType, r})
		}
	}
	for _, s := range sections {
		if s.side == nil {
			continue
		}
		r := s.side.Outcome
		fmt.Fprintf(w, "\n%s:\n", s.name)
		for i, step := range r.Steps {
			fmt.Fprintf(w, "  %d. %s\n", i+1, step)
		}
		fmt.Fprintf(w, "  behavior: %s: %s\n            (%s)\n", r.Behavior.ID, r.Behavior.Summary, r.Behavior.Source)
		if r.Status == 0 { // a WebSocket frame has no status
			fmt.Fprintf(w, "  => %s%s\n", r.Action, bodySummary(s.side))
		} else {
			fmt.Fprintf(w, "  => status %d, %s%s\n", r.Status, r.Action, bodySummary(s.side))
		}
	}
}

func bodySummary(s *sideResult) string {
	if s.BodyBase64 == nil {
		return ""
	}
	if *s.BodyBase64 == nil {
		return ", no body"
	}
	return fmt.Sprintf(", %d bytes", len(*s.BodyBase64))
}

// clientTable is what every known client gets from an operation's
// responses, explain's answer when no exchange is given.
type clientTable struct {
	Version   int           `json:"version"`
	Operation string        `json:"operation"`
	Payloads  []string      `json:"payloads"` // the column headings
	Clients   []clientCells `json:"clients"`
}

type clientCells struct {
	clients.Profile
	AcceptFirst   string `json:"accept_first"`
	AcceptsBinary bool   `json:"accepts_binary"`
	// AcceptsBinaryUnknown: a binary media type computed at deploy time
	// may match the first Accept range that no known one matches.
	AcceptsBinaryUnknown bool        `json:"accepts_binary_unknown,omitempty"`
	Results              []cellValue `json:"results"`
}

type cellValue struct {
	Payload  string        `json:"payload"`
	Action   matrix.Action `json:"action"`
	Status   int           `json:"status"`
	Behavior string        `json:"behavior"`
	// Binary says whether the client receives the original bytes.
	Binary bool `json:"binary"`
}

func buildClientTable(cfg matrix.Config, op *model.Operation) clientTable {
	t := clientTable{Version: explainVersion, Operation: op.Name()}
	payloads := matrix.ResponseTypes(op)
	if cfg.Integration == model.AWSProxy {
		payloads = []string{"Lambda body with isBase64Encoded"}
	}
	t.Payloads = payloads
	for _, p := range clients.Profiles {
		row := clientCells{Profile: p}
		for _, payload := range payloads {
			r := matrix.ServeBinary(cfg, p.Accept, payload)
			if r.AcceptFirst != nil { // HTTP APIs do not look at Accept
				row.AcceptFirst, row.AcceptsBinary = *r.AcceptFirst, *r.AcceptsBinary
				row.AcceptsBinaryUnknown = r.AcceptsBinaryUnknown
			}
			row.Results = append(row.Results, cellValue{Payload: payload, Action: r.Action, Status: r.Status, Behavior: r.Behavior.ID, Binary: r.ClientGetsBinary()})
		}
		t.Clients = append(t.Clients, row)
	}
	return t
}

func writeClientTable(w io.Writer, t clientTable) error {
	fmt.Fprintf(w, "%s: what each client receives\n\n", t.Operation)
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "CLIENT\tFIRST ACCEPT RANGE\tACCEPTS BINARY")
	for _, p := range t.Payloads {
		fmt.Fprintf(tw, "\t%s", p)
	}
	fmt.Fprintln(tw)
	for _, c := range t.Clients {
		fmt.Fprintf(tw, "%s\t%s\t%s", c.Name, c.AcceptFirst, c.acceptsBinaryText())
		for _, r := range c.Results {
			fmt.Fprintf(tw, "\t%s", cellText(r))
		}
		fmt.Fprintln(tw)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w, "\nbinary = the bytes arrive as sent; base64 text = the client receives base64 instead of the bytes;")
	fmt.Fprintln(w, "text = read as UTF-8 (invalid bytes become U+FFFD). Run with --client NAME to see why.")
	if t.hasUnknown() {
		fmt.Fprintln(w, "unknown = a setting computed at deploy time decides it.")
	}
	return nil
}

func (t clientTable) hasUnknown() bool {
	for _, c := range t.Clients {
		if c.AcceptsBinaryUnknown {
			return true
		}
		for _, r := range c.Results {
			if r.Action == matrix.Unknown {
				return true
			}
		}
	}
	return false
}

func cellText(r cellValue) string {
	switch {
	case r.Action == matrix.Unknown:
		return "unknown"
	case r.Status >= 400:
		return fmt.Sprintf("%d error", r.Status)
	case r.Binary:
		return "binary"
	case r.Action == matrix.Base64Encode || r.Behavior == matrix.LambdaVerbatim.ID:
		return "base64 text"
	}
	return "text"
}

// acceptsBinaryText is the ACCEPTS BINARY column: unknown, as the cells
// are, when a deploy-time binary media type may match the client's Accept.
func (c clientCells) acceptsBinaryText() string {
	if c.AcceptsBinaryUnknown {
		return "unknown"
	}
	return yesNo(c.AcceptsBinary)
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
