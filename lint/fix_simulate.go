package lint

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/apigw-oas/apigw-oas/clients"
	"github.com/apigw-oas/apigw-oas/matrix"
	"github.com/apigw-oas/apigw-oas/mediatype"
	"github.com/apigw-oas/apigw-oas/model"
)

// The simulation a fix is judged by: every operation of a REST API, a
// request of each type it accepts or has a template for (and, for OPTIONS,
// a preflight without Content-Type), and each known client fetching each
// type it produces. The advice test checks with it that a fix brings no
// failure; `lint --fix` that a safe one serves nothing differently that
// worked before.

// Simulated reports whether Simulate can tell what the API serves: a REST
// API whose binary media types are all known. (HTTP and WebSocket APIs
// are not simulated; an entry computed at deploy time may match anything.)
func Simulated(api *model.API) bool {
	return api.Kind == model.RESTAPI && !api.BinaryMediaTypes.HasUnknown()
}

// fingerprint is what an API declares, its positions left out: two
// imports that give the same fingerprint serve the same.
func fingerprint(api *model.API) string {
	data, _ := json.Marshal(api)
	var tree any
	_ = json.Unmarshal(data, &tree)
	withoutSpans(tree)
	data, _ = json.Marshal(tree)
	return string(data)
}

func withoutSpans(tree any) {
	switch t := tree.(type) {
	case map[string]any:
		delete(t, "span")
		for _, v := range t {
			withoutSpans(v)
		}
	case []any:
		for _, v := range t {
			withoutSpans(v)
		}
	}
}

// Served is what API Gateway does with one exchange.
type Served struct {
	// Failure names what goes wrong (a 415, 500 or 502, bytes corrupted
	// or passed on as base64); "" when the exchange works.
	Failure string
	// outcome is what the backend or the client receives, to compare.
	outcome string
}

// Simulate serves every exchange of the API's REST operations, keyed by a
// name such as "POST /photos request image/png" or
// "200 image/png to chrome-img".
func Simulate(api *model.API) map[string]Served {
	out := map[string]Served{}
	if api.Kind != model.RESTAPI {
		return out
	}
	for _, op := range api.Operations {
		if op.Integration == nil {
			continue
		}
		cfg := matrix.ConfigFor(api, op)
		templates := op.Integration.RequestTemplates
		note := func(what string, r *matrix.Outcome, mediaType string) {
			template := ""
			if r.Template != nil {
				template = *r.Template
			}
			out[op.Name()+" "+what] = Served{Failure: failureOf(r, mediaType, templates),
				outcome: fmt.Sprintf("%d %s %q %x", r.Status, r.Action, template, r.Body)}
		}
		for _, mt := range requestTypes(op) {
			note("request "+mt, matrix.SimulateRequest(cfg, matrix.Request{ContentType: mt, HasContentType: true, Body: sampleOf(mt)}), mt)
		}
		if op.Method == "OPTIONS" {
			note("preflight", matrix.SimulateRequest(cfg, matrix.Request{Body: []byte{}}), "")
		}
		templates = nil
		for _, r := range op.Integration.Responses {
			templates = append(templates, r.ResponseTemplates...)
		}
		for _, resp := range op.Responses {
			status, err := strconv.Atoi(resp.Status.Raw)
			if err != nil {
				status = 200
			}
			for _, mt := range resp.Produces {
				for _, prof := range clients.Profiles {
					r := matrix.SimulateResponse(cfg, responseOf(mt.Value, status, prof.Accept))
					note(fmt.Sprintf("%d %s to %s", status, mt.Value, prof.Name), r, mt.Value)
				}
			}
		}
	}
	return out
}

// failureOf names what went wrong in an exchange, or "". An exchange that
// failed before a fix may fail differently after it: that is no new bug.
func failureOf(r *matrix.Outcome, mediaType string, templates []model.Named) string {
	switch {
	case r.Action == matrix.Base64Encode && r.Template != nil && slices.ContainsFunc(templates, func(t model.Named) bool {
		return t.Name.Raw == *r.Template && ReadsBodyAsText(t)
	}):
		return "the template parses base64 instead of the text it reads"
	case r.Action == matrix.Rejected:
		return fmt.Sprintf("rejected with %d (%s)", r.Status, r.Behavior.ID)
	case r.Action == matrix.AsText && isBinaryContent(mediaType):
		return "corrupted: read as UTF-8"
	case r.AcceptFirst == nil && r.Template == nil && r.Action == matrix.Base64Encode && r.Behavior != matrix.LambdaRequest:
		// (a Lambda proxy is told: isBase64Encoded)
		return "passed to the backend as base64 text instead of the bytes"
	case r.AcceptFirst != nil && isBinaryContent(mediaType) && !r.ClientGetsBinary():
		return "base64 text instead of the bytes"
	}
	return ""
}

// Changed names the exchanges that worked before and are served
// differently after: what makes a fix unsafe.
func Changed(before, after map[string]Served) []string {
	var out []string
	for name, was := range before {
		if was.Failure != "" {
			continue
		}
		if is, ok := after[name]; !ok || is.outcome != was.outcome {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}

func requestTypes(op *model.Operation) []string {
	var types []string
	for _, mt := range op.Accepts {
		types = append(types, mt.Value)
	}
	for _, t := range op.Integration.RequestTemplates {
		if !slices.Contains(types, t.Name.Raw) {
			types = append(types, t.Name.Raw)
		}
	}
	return types
}

// The bodies simulated: the start of a PNG (not UTF-8) and JSON text.
var (
	sampleBinary = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
	sampleText   = []byte(`{"message": "hello"}`)
)

func sampleOf(mediaType string) []byte {
	if isBinaryContent(mediaType) {
		return bytes.Clone(sampleBinary)
	}
	return bytes.Clone(sampleText)
}

// isBinaryContent reports whether a media type names binary content (an
// image, a PDF, an archive); unparsable ones are not judged.
func isBinaryContent(mediaType string) bool {
	t, err := mediatype.Parse(mediaType)
	return err == nil && !mediatype.IsText(t) && t.Type != "*" && t.Subtype != "*"
}

// responseOf is an integration answering with a body of the media type,
// or a Lambda proxy doing its part right (base64 with isBase64Encoded for
// binary content).
func responseOf(mediaType string, status int, accept string) matrix.Response {
	lambda := fmt.Sprintf(`{"statusCode": %d, "body": "{}"}`, status)
	if isBinaryContent(mediaType) {
		lambda = fmt.Sprintf(`{"statusCode": %d, "isBase64Encoded": true, "body": "iVBORw0KGgo="}`, status)
	}
	return matrix.Response{Accept: accept, HasAccept: true, Status: status, ContentType: mediaType, HasContentType: true,
		Body: sampleOf(mediaType), LambdaOutput: []byte(lambda)}
}

// bodyReads are the VTL expressions that read the request or response
// body; $input.params() reads parameters, not the body, and
// $util.parseJson($input.body) contains $input.body.
var bodyReads = []string{"$input.body", "${input.body}", "$input.json(", "${input.json(", "$input.path(", "${input.path("}

// ReadsBody reports whether a mapping template reads the body. One whose
// text is not known here (a Serverless ${file(...)}, a Terraform reference,
// a CloudFormation intrinsic) may.
func ReadsBody(t model.Named) bool {
	if !t.Value.IsString() {
		return true
	}
	for _, use := range bodyReads {
		if strings.Contains(t.Value.Raw, use) {
			return true
		}
	}
	return false
}

// ReadsBodyAsText reports whether a template reads the body expecting the
// text a client or backend sends: one keyed by a type that is not binary
// content. (Base64 is what a template for image/png is meant to read.)
func ReadsBodyAsText(t model.Named) bool {
	return t.Value.IsString() && ReadsBody(t) && !isBinaryContent(t.Name.Raw)
}
