package review

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"slices"
	"unicode/utf8"

	"github.com/apigw-oas/apigw-oas/clients"
	"github.com/apigw-oas/apigw-oas/matrix"
	"github.com/apigw-oas/apigw-oas/mediatype"
	"github.com/apigw-oas/apigw-oas/model"
)

// Probe is one exchange simulated on both sides: a client fetching a media
// type the operation produces, or a request of a media type it accepts
// (or without Content-Type, which is what a CORS preflight is).
type Probe struct {
	Side Side
	// Client is the client profile of a response probe; "" for requests,
	// which do not depend on the client.
	Client string
	// MediaType is the payload's media type; "" for a request without
	// Content-Type.
	MediaType string
	// Old and New are nil on the side that lacks the operation.
	Old, New *Outcome
	Change   Change
}

// Side is the direction of a probe.
type Side string

const (
	RequestSide  Side = "request"
	ResponseSide Side = "response"
)

// Outcome is what the client (response) or the integration (request)
// receives, and why.
type Outcome struct {
	Status int  `json:"status"`
	Form   Form `json:"form"`
	// BinaryPayload says whether the payload is binary content (an image,
	// a PDF), which decides how an intact payload is named.
	BinaryPayload bool     `json:"binary_payload"`
	Rule          string   `json:"rule"`
	RuleSummary   string   `json:"rule_summary"`
	Steps         []string `json:"steps"`
}

// Form is how the payload arrives.
type Form string

const (
	Intact   Form = "intact"   // the bytes as sent
	Base64   Form = "base64"   // base64 text of the bytes
	Mangled  Form = "mangled"  // read as UTF-8: invalid bytes became U+FFFD
	Rejected Form = "rejected" // no body: an error status
	// Unknown: a setting computed at deploy time decides it (matrix's
	// deploy-time-unknown), so it is neither better nor worse than another.
	Unknown Form = "unknown"
)

// rank orders forms from worst to best, for classifying a change.
func (f Form) rank() int {
	return map[Form]int{Rejected: 0, Mangled: 1, Base64: 2, Intact: 3}[f]
}

// Label is how a cell names an outcome: "binary" or "text" for an intact
// payload, "base64", "mangled", or the error status.
func (o *Outcome) Label() string {
	switch o.Form {
	case Rejected:
		return itoa(o.Status)
	case Intact:
		if o.BinaryPayload {
			return "binary"
		}
		return "text"
	}
	return string(o.Form)
}

// The bytes a probe sends: a PNG header (not UTF-8, not base64) for binary
// content, JSON for text. Real bytes let the simulator show real failures:
// base64-decoding either is a 500, reading the PNG as UTF-8 mangles it.
var (
	binaryPayload = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01")
	textPayload   = []byte(`{"id": 42, "status": "ok"}`)
)

// probes simulates every exchange of an operation under an API's settings.
func probes(api *model.API, op *model.Operation) []*Probe {
	// A WebSocket route has no media types or clients to probe, and its
	// conversions are mostly unrecorded (explain says which part is).
	if api == nil || op == nil || api.Kind == model.WebSocketAPI {
		return nil
	}
	cfg := matrix.ConfigFor(api, op)
	var out []*Probe
	for _, mt := range append(acceptedTypes(op), "") {
		out = append(out, &Probe{Side: RequestSide, MediaType: mt, New: simulate(cfg, RequestSide, "", mt)})
	}
	for _, mt := range matrix.ResponseTypes(op) {
		for _, c := range clients.Profiles {
			if c.Browser && !fetchedByBrowsers(op.Method) {
				continue
			}
			out = append(out, &Probe{Side: ResponseSide, Client: c.Name, MediaType: mt, New: simulate(cfg, ResponseSide, c.Accept, mt)})
		}
	}
	return out
}

// fetchedByBrowsers reports whether a browser's own requests (an <img>, a
// navigation) use the method; other methods come from fetch() and curl,
// whose Accept the fetch and curl profiles carry.
func fetchedByBrowsers(method string) bool {
	return method == "GET" || method == "ANY"
}

// simulate runs one probe and reads its outcome. It is the only place that
// looks at matrix's result type.
func simulate(cfg matrix.Config, side Side, accept, mediaType string) *Outcome {
	binary := isBinary(mediaType)
	sent := textPayload
	if binary {
		sent = binaryPayload
	}
	var r *matrix.Outcome
	if side == RequestSide {
		req := matrix.Request{ContentType: mediaType, HasContentType: mediaType != "", Body: sent}
		if mediaType == "" {
			req.Body = []byte{} // a preflight or a GET: no body
			sent = req.Body
		}
		r = matrix.SimulateRequest(cfg, req)
	} else {
		r = matrix.SimulateResponse(cfg, backendResponse(cfg, accept, mediaType, sent, binary))
	}
	return &Outcome{
		Status: r.Status, Form: formOf(r.Status, r.Action, r.Template != nil, r.Body, sent),
		BinaryPayload: binary, Rule: r.Behavior.ID, RuleSummary: r.Behavior.Summary, Steps: r.Steps,
	}
}

// backendResponse is what the integration answers with: the payload with
// its Content-Type, or for a Lambda proxy the payload as a proxy response,
// base64-encoded with isBase64Encoded when it is binary content.
func backendResponse(cfg matrix.Config, accept, mediaType string, sent []byte, binary bool) matrix.Response {
	resp := matrix.Response{Accept: accept, HasAccept: true, ContentType: mediaType, HasContentType: true, Body: sent}
	if cfg.Integration == model.AWSProxy {
		body := string(sent)
		if binary {
			body = base64.StdEncoding.EncodeToString(sent)
		}
		resp.LambdaOutput = lambdaOutput(mediaType, body, binary)
	}
	return resp
}

func lambdaOutput(mediaType, body string, isBase64 bool) []byte {
	out, _ := json.Marshal(struct { // a struct of strings and a bool always marshals
		StatusCode      int               `json:"statusCode"`
		Headers         map[string]string `json:"headers"`
		IsBase64Encoded bool              `json:"isBase64Encoded"`
		Body            string            `json:"body"`
	}{200, map[string]string{"Content-Type": mediaType}, isBase64, body})
	return out
}

// formOf names how the payload arrived: by its bytes, or by the conversion
// when a mapping template rendered them into something else.
func formOf(status int, action matrix.Action, templated bool, got, sent []byte) Form {
	switch {
	case action == matrix.Unknown:
		return Unknown
	case status >= 400:
		return Rejected
	case templated && action == matrix.Base64Encode:
		return Base64
	case templated && action == matrix.AsText && !utf8.Valid(sent):
		return Mangled
	case templated, bytes.Equal(got, sent):
		return Intact
	case string(got) == base64.StdEncoding.EncodeToString(sent):
		return Base64
	}
	return Mangled
}

// isBinary reports whether a media type names binary content; a range
// (image/*) is binary unless it is text/*.
func isBinary(mediaType string) bool {
	t, err := mediatype.Parse(mediaType)
	return err == nil && !mediatype.IsText(t)
}

// acceptedTypes lists the request media types an operation declares.
func acceptedTypes(op *model.Operation) []string {
	return uniqueStrings(op.Accepts, nil)
}

func uniqueStrings(mts []model.MediaType, into []string) []string {
	for _, m := range mts {
		if m.IsString() && !m.Unknown && !slices.Contains(into, m.Value) {
			into = append(into, m.Value)
		}
	}
	return into
}
