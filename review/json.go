package review

import (
	"encoding/json"
	"io"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/patchops"
)

// The JSON envelope (docs/review.md documents it). The structs fix the keys
// and their order; lists are [] rather than null.
type jsonReport struct {
	Version  int          `json:"version"`
	Old      string       `json:"old"`
	New      string       `json:"new"`
	Summary  Summary      `json:"summary"`
	APIs     []jsonAPI    `json:"apis"`
	Findings jsonFindings `json:"findings"`
}

type jsonAPI struct {
	Name              string            `json:"name"`
	File              string            `json:"file"`
	Presence          Presence          `json:"presence"`
	OperationsAdded   []string          `json:"operations_added"`
	OperationsRemoved []string          `json:"operations_removed"`
	Changes           []jsonChange      `json:"changes"`
	PatchOperations   []patchops.Target `json:"patch_operations"`
}

type jsonChange struct {
	Operation string   `json:"operation"`
	Side      Side     `json:"side"`
	MediaType string   `json:"media_type"` // "" for a request without Content-Type
	Clients   []string `json:"clients"`    // [] for requests
	Change    Change   `json:"change"`
	Old       *Outcome `json:"old"`
	New       *Outcome `json:"new"`
}

type jsonFindings struct {
	Introduced []jsonFinding `json:"introduced"`
	Removed    []jsonFinding `json:"removed"`
}

// jsonFinding is a lint finding as lint's JSON envelope writes it:
// 1-based positions, no byte offsets.
type jsonFinding struct {
	Rule      string        `json:"rule"`
	Severity  diag.Severity `json:"severity"`
	Message   string        `json:"message"`
	File      string        `json:"file"`
	Start     jsonPos       `json:"start"`
	End       jsonPos       `json:"end"`
	Pointer   string        `json:"pointer,omitempty"`
	Operation string        `json:"operation,omitempty"`
}

type jsonPos struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

// WriteJSON writes the review as a versioned JSON document: per API the
// changed outcomes (grouped by client, as the text output is), the
// operations added and removed and the patchOperations; then the lint
// findings introduced and removed.
func WriteJSON(w io.Writer, r *Report) error {
	out := jsonReport{Version: Version, Old: r.Old, New: r.New, Summary: r.Summarize(), APIs: []jsonAPI{},
		Findings: jsonFindings{Introduced: toJSONFindings(r.Introduced), Removed: toJSONFindings(r.Removed)}}
	for _, a := range r.APIs {
		out.APIs = append(out.APIs, toJSONAPI(a))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func toJSONAPI(a *API) jsonAPI {
	j := jsonAPI{Name: a.Name, File: a.File, Presence: a.Presence, OperationsAdded: []string{}, OperationsRemoved: []string{},
		Changes: []jsonChange{}, PatchOperations: a.Patch}
	if j.PatchOperations == nil {
		j.PatchOperations = []patchops.Target{}
	}
	for _, op := range a.Operations {
		switch {
		case a.Presence != Both:
		case op.Presence == Added:
			j.OperationsAdded = append(j.OperationsAdded, op.Name())
		case op.Presence == Removed:
			j.OperationsRemoved = append(j.OperationsRemoved, op.Name())
		}
	}
	for _, g := range a.Changes() {
		clients := g.Clients
		if clients == nil {
			clients = []string{}
		}
		j.Changes = append(j.Changes, jsonChange{Operation: g.Operation, Side: g.Side, MediaType: g.MediaType, Clients: clients, Change: g.Change, Old: g.Old, New: g.New})
	}
	return j
}

func toJSONFindings(ds []diag.Diagnostic) []jsonFinding {
	out := []jsonFinding{}
	for _, d := range ds {
		out = append(out, jsonFinding{Rule: d.Rule, Severity: d.Severity, Message: d.Message, File: d.Span.File,
			Start: jsonPos{int(d.Span.Start.Line), int(d.Span.Start.Col)}, End: jsonPos{int(d.Span.End.Line), int(d.Span.End.Col)},
			Pointer: d.Pointer, Operation: d.Operation})
	}
	return out
}
