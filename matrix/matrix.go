// Package matrix simulates what API Gateway does to a request or response
// body: how it classifies the payload (text or binary), how it converts it,
// which mapping template applies, and when it answers 415, 500 or 502.
//
// Simulate is pure: it reads a Config and an exchange and returns an
// Outcome for each side that names the documented Behavior it followed.
// The specification is binary-semantics.md; docs/matrix.md explains it
// with examples.
package matrix

import "github.com/apigw-oas/apigw-oas/model"

// Config is what Simulate needs to know about one operation.
type Config struct {
	Kind             model.Kind
	BinaryMediaTypes []string
	Integration      model.IntegrationType
	// ContentHandling converts the request; each integration response has
	// its own for the response.
	ContentHandling  model.ContentHandling
	Passthrough      model.PassthroughBehavior
	RequestTemplates []Template
	// RequestParameters maps integration request parameters
	// (integration.request.header.Accept) to their sources ('text/html',
	// method.request.header.Accept).
	RequestParameters map[string]string
	Responses         []IntegrationResponse
	TransferMode      model.TransferMode
	// HTTPMethod is the integration's httpMethod, the method API Gateway
	// calls the backend with; empty when not written.
	HTTPMethod string
	// PayloadFormatVersion is an HTTP API Lambda integration's "1.0" or
	// "2.0"; empty when the definition does not say.
	PayloadFormatVersion string
	// Unknown are the settings above computed at deploy time.
	Unknown Unknowns
}

// Unknowns are the settings of an operation computed at deploy time (a
// template parameter without a Default, a Terraform variable, a
// Serverless variable). The simulator never guesses them: an outcome one
// of them decides has the Behavior DeployTimeUnknown.
type Unknowns struct {
	// BinaryMediaTypes is set when some entry is unknown: a media type
	// that no known entry matches may still be binary.
	BinaryMediaTypes bool
	Integration      bool // the integration type
	ContentHandling  bool // the integration's (request side)
	Passthrough      bool
}

// Template is one mapping template: the media type it is keyed by and its
// VTL text.
type Template struct{ ContentType, Body string }

// IntegrationResponse is one entry of the integration's responses.
type IntegrationResponse struct {
	Pattern         string // the selection pattern; "default" catches the rest
	StatusCode      string
	ContentHandling model.ContentHandling
	// ContentHandlingUnknown is set when contentHandling is computed at
	// deploy time.
	ContentHandlingUnknown bool
	Templates              []Template
}

// Request is what a client sends. Zero values mean absent.
type Request struct {
	ContentType    string
	HasContentType bool
	Body           []byte // nil when no body is given: the outcome then has no bytes
}

// Response is what comes back from the integration, and the client's
// Accept header.
type Response struct {
	Accept    string
	HasAccept bool
	// Status, ContentType and Body describe a non-proxy or HTTP proxy
	// integration's answer (Status defaults to 200).
	Status         int
	ContentType    string
	HasContentType bool
	Body           []byte
	// LambdaOutput is the JSON a Lambda returns: an aws_proxy response, or
	// a non-proxy (aws) integration's result.
	LambdaOutput []byte
	// LambdaError is the errorMessage of a non-proxy Lambda that failed;
	// nil when it returned.
	LambdaError *string
}

// Action is what API Gateway does to a payload.
type Action string

const (
	Unchanged    Action = "unchanged"     // the bytes pass as they are
	AsText       Action = "utf8"          // read as UTF-8: invalid sequences become U+FFFD
	Base64Encode Action = "base64-encode" // binary becomes base64 text
	Base64Decode Action = "base64-decode" // base64 text becomes binary
	Rejected     Action = "rejected"      // no body: the client gets an error status
	Unknown      Action = "unknown"       // nothing recorded says what happens: not simulated
)

// Outcome is what API Gateway does to one side of an exchange: how it
// classified the payload, what it did to it, the status, the resulting
// bytes, and the Behavior it followed.
type Outcome struct {
	// ContentType is the media type that was classified: the request's
	// Content-Type (application/json when absent) or the integration
	// response's.
	ContentType string `json:"content_type"`
	Binary      bool   `json:"binary"`
	// Matched is the binaryMediaTypes entry that made the payload binary.
	Matched *string `json:"matched"`
	// AcceptFirst, AcceptsBinary and AcceptMatched (the entry the first
	// Accept range matched) are set on the response side.
	AcceptFirst   *string `json:"accept_first,omitempty"`
	AcceptsBinary *bool   `json:"accepts_binary,omitempty"`
	AcceptMatched *string `json:"accept_matched,omitempty"`
	// AcceptsBinaryUnknown says no known entry matched the first Accept
	// range but an entry computed at deploy time may: AcceptsBinary is
	// then false only as far as the known entries tell.
	AcceptsBinaryUnknown bool   `json:"accepts_binary_unknown,omitempty"`
	Action               Action `json:"action"`
	Status               int    `json:"status"`
	// Template is the key of the mapping template that applied, if any.
	Template *string `json:"template"`
	// Body is the resulting payload; nil when no input body was given.
	// When the exchange is rejected it is the error body API Gateway
	// sends, where that is recorded, else nil.
	Body []byte `json:"body_base64,omitempty"`
	// IsBase64Encoded is the isBase64Encoded of a Lambda proxy event (on
	// the request side); nil for other integrations.
	IsBase64Encoded *bool `json:"is_base64_encoded,omitempty"`
	// IntegrationAccept is the Accept header a non-proxy http backend
	// receives (on the request side): application/json, or what
	// integration.request.header.Accept maps.
	IntegrationAccept *string  `json:"integration_accept,omitempty"`
	Behavior          Behavior `json:"behavior"`
	// Steps is the reasoning, one sentence per decision.
	Steps []string `json:"steps"`
	// overridden is set when a response template set the status.
	overridden bool
}

func (r *Outcome) step(s string) { r.Steps = append(r.Steps, s) }

func (r *Outcome) fail(status int, behavior Behavior, why string) *Outcome {
	return r.failWith(status, behavior, why, nil)
}

// failWith rejects the exchange with the error body API Gateway is
// recorded to send.
func (r *Outcome) failWith(status int, behavior Behavior, why string, body []byte) *Outcome {
	r.Status, r.Action, r.Behavior, r.Body = status, Rejected, behavior, body
	r.step(why)
	return r
}

// The error bodies API Gateway sends, as recorded (recorded-behaviours.md
// §3): a REST API's differs from an HTTP API's in capitalisation and
// spacing.
var (
	restErrorBody    = []byte(`{"message": "Internal server error"}`)
	httpAPIErrorBody = []byte(`{"message":"Internal Server Error"}`)
)

func ptr[T any](v T) *T { return &v }

// Exchange is one concrete request and/or response to simulate; either
// may be nil.
type Exchange struct {
	Request  *Request
	Response *Response
}

// ExchangeOutcome is what API Gateway does with an exchange; a side is nil
// when the exchange did not include it.
type ExchangeOutcome struct {
	Request  *Outcome `json:"request,omitempty"`
	Response *Outcome `json:"response,omitempty"`
}

// Simulate runs both sides of an exchange through the operation's settings.
func Simulate(c Config, ex Exchange) ExchangeOutcome {
	var o ExchangeOutcome
	if ex.Request != nil {
		o.Request = SimulateRequest(c, *ex.Request)
	}
	if ex.Response != nil {
		o.Response = SimulateResponse(c, *ex.Response)
	}
	// A status override set in the request template reaches the client
	// unless the response template sets its own.
	if o.Request != nil && o.Request.Template != nil && o.Response != nil && !o.Response.overridden {
		if t, ok := requestTemplate(c.RequestTemplates, *o.Request.Template); ok {
			responseOverride(o.Response, t.Body)
		}
	}
	return o
}

// ClientGetsBinary reports whether a response reaches the client as the
// original bytes: decoded from base64, or a binary payload passed through.
// A Lambda's base64 body returned verbatim is text to the client.
func (r *Outcome) ClientGetsBinary() bool {
	if r.Status >= 400 {
		return false
	}
	return r.Action == Base64Decode || (r.Action == Unchanged && r.Binary && r.Behavior != LambdaVerbatim)
}
