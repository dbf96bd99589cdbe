package matrix

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/apigw-oas/apigw-oas/model"
)

// The cases of ../shared/domain/aws-cases-recorded.json: what real AWS
// returned or delivered beyond the documentation's tables
// (recorded-behaviours.md). Every data-plane case runs through Simulate as
// explain calls it; the bytes are compared wherever the recording has
// them.

type recordedCase struct {
	ID       string `json:"id"`
	Evidence string `json:"evidence"`
	Expected struct {
		Status    json.RawMessage `json:"status"`
		BodyExact *string         `json:"body_exact"`
	} `json:"expected"`
}

// status is the recorded status when it is a single number.
func (c recordedCase) status(t *testing.T) int {
	t.Helper()
	var n int
	if err := json.Unmarshal(c.Expected.Status, &n); err != nil {
		t.Fatalf("%s: status %s is not a number", c.ID, c.Expected.Status)
	}
	return n
}

// body is the recorded body when it is given byte for byte.
func (c recordedCase) body(t *testing.T) []byte {
	t.Helper()
	if c.Expected.BodyExact == nil {
		t.Fatalf("%s: no body_exact", c.ID)
	}
	return []byte(*c.Expected.BodyExact)
}

func (c recordedCase) controlPlane() bool { return strings.Contains(c.Evidence, "control plane") }

// chaliceTypes is the list aws/chalice sets by default (W2-020, W2-059).
var chaliceTypes = []string{"application/octet-stream", "application/x-tar", "application/zip", "audio/basic", "audio/ogg", "audio/mp4", "audio/mpeg", "audio/wav", "audio/webm", "image/png", "image/jpg", "image/jpeg", "image/gif", "video/ogg", "video/mpeg", "video/webm"}

// notSimulated are the data-plane cases the simulator has no model for
// (none today), each with the reason.
var notSimulated = map[string]string{}

// recordedRuns simulates each data-plane case and compares the outcome
// with what AWS did.
var recordedRuns = map[string]func(t *testing.T, c recordedCase){
	// Non-proxy HTTP: the backend gets Accept: application/json whatever
	// the client sent; the response template $input.json('$') returns the
	// backend's JSON.
	"W2-001": func(t *testing.T, c recordedCase) {
		echo := []byte(`{"message": "hello world"}`)
		cfg := Config{Kind: model.RESTAPI, Integration: model.HTTP,
			Responses: []IntegrationResponse{{Pattern: "default", StatusCode: "200", Templates: []Template{{ContentType: "application/json", Body: `$input.json('$')`}}}}}
		o := Simulate(cfg, Exchange{
			Request:  &Request{ContentType: "application/json", HasContentType: true, Body: echo},
			Response: &Response{Accept: "application/xml", HasAccept: true, ContentType: "application/json", HasContentType: true, Body: echo}})
		wantIntegrationAccept(t, o.Request, "application/json")
		wantBytes(t, "request", o.Request, echo)
		wantStatus(t, "response", o.Response, c.status(t))
		wantBytes(t, "response", o.Response, echo)
	},
	// HTTP_PROXY passes the client's Accept and the backend's body through.
	"W2-002": func(t *testing.T, c recordedCase) {
		body := []byte(`{"message": "hello world"}`)
		o := Simulate(Config{Kind: model.RESTAPI, Integration: model.HTTPProxy}, Exchange{
			Request:  &Request{ContentType: "application/json", HasContentType: true, Body: body},
			Response: &Response{Accept: "application/xml", HasAccept: true, Status: 200, ContentType: "application/json", HasContentType: true, Body: body}})
		if o.Request.IntegrationAccept != nil {
			t.Errorf("http_proxy: integration_accept %q, want the client's (none set)", *o.Request.IntegrationAccept)
		}
		wantBytes(t, "request", o.Request, body)
		wantStatus(t, "response", o.Response, c.status(t))
		wantBytes(t, "response", o.Response, body)
	},
	// No requestParameters: the backend sees only Accept: application/json.
	"W2-003": func(t *testing.T, c recordedCase) {
		o := Simulate(Config{Kind: model.RESTAPI, Integration: model.HTTP}, Exchange{Request: &Request{ContentType: "application/json", HasContentType: true, Body: []byte{}}})
		wantStatus(t, "request", o.Request, c.status(t))
		wantIntegrationAccept(t, o.Request, "application/json")
	},
	// A mapped Accept reaches the backend as given.
	"W2-004": func(t *testing.T, c recordedCase) {
		cfg := Config{Kind: model.RESTAPI, Integration: model.HTTP, RequestParameters: map[string]string{
			"integration.request.header.Accept": "'text/html'", "integration.request.header.Content-Type": "'application/json'"}}
		o := Simulate(cfg, Exchange{Request: &Request{ContentType: "application/json", HasContentType: true, Body: []byte{}}})
		wantStatus(t, "request", o.Request, c.status(t))
		wantIntegrationAccept(t, o.Request, "text/html")
	},
	// Mapping Content-Length (or Transfer-Encoding) fails every call.
	"W2-005": func(t *testing.T, c recordedCase) {
		for _, header := range []string{"Content-Length", "Transfer-Encoding"} {
			for _, typ := range []model.IntegrationType{model.HTTP, model.HTTPProxy} {
				cfg := Config{Kind: model.RESTAPI, Integration: typ, RequestParameters: map[string]string{"integration.request.header." + header: "'1'"}}
				o := Simulate(cfg, Exchange{Request: &Request{ContentType: "application/json", HasContentType: true, Body: []byte{}}})
				wantStatus(t, header+" "+typ.String(), o.Request, c.status(t))
				wantBytes(t, header+" "+typ.String(), o.Request, c.body(t))
			}
		}
	},
	"W2-006": func(t *testing.T, c recordedCase) {
		o := Simulate(Config{Kind: model.RESTAPI, Integration: model.HTTPProxy}, Exchange{Request: &Request{ContentType: "application/json", HasContentType: true, Body: []byte{}}})
		wantStatus(t, "request", o.Request, c.status(t))
		wantBytes(t, "request", o.Request, []byte{})
	},
	// Selection by regex on the backend status, the default catching the
	// rest: backend 404 → 400, backend 201 → 200.
	"W2-009": func(t *testing.T, c recordedCase) {
		cfg := Config{Kind: model.RESTAPI, Integration: model.HTTP, Responses: []IntegrationResponse{
			{Pattern: "default", StatusCode: "200"}, {Pattern: `4\d{2}`, StatusCode: "400"}}}
		for backend, client := range map[int]int{404: 400, 201: 200} {
			o := Simulate(cfg, Exchange{Response: &Response{Accept: "*/*", HasAccept: true, Status: backend}})
			wantStatus(t, fmt.Sprintf("backend %d", backend), o.Response, client)
		}
	},
	// An HTTP API's HTTP_PROXY forwards a multipart body byte for byte.
	"W2-010": func(t *testing.T, c recordedCase) {
		body := []byte("--4efd159eae0c4f4e125a5a509e073d85\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue\r\n--4efd159eae0c4f4e125a5a509e073d85--\r\n")
		o := Simulate(Config{Kind: model.HTTPAPI, Integration: model.HTTPProxy, PayloadFormatVersion: "1.0"}, Exchange{
			Request: &Request{ContentType: "multipart/form-data; boundary=4efd159eae0c4f4e125a5a509e073d85", HasContentType: true, Body: body}})
		wantStatus(t, "request", o.Request, c.status(t))
		wantBytes(t, "request", o.Request, body)
	},
	// MOCK: a missing Content-Type selects the application/json template;
	// without a response template the body is empty.
	"W2-012": func(t *testing.T, c recordedCase) {
		o := Simulate(mockConfig(model.WhenNoMatch, "{statusCode: 200}", `2\d{2}`, nil), mockExchange())
		wantTemplate(t, "request", o.Request, "application/json")
		wantStatus(t, "response", o.Response, c.status(t))
		wantBytes(t, "response", o.Response, c.body(t))
	},
	// A responseOverride in the request template reaches the client.
	"W2-013": func(t *testing.T, c recordedCase) {
		tmpl := `#set($context.responseOverride.status = 444) #set($context.responseOverride.header.foo = "bar") {"statusCode": 200}`
		o := Simulate(mockConfig(model.WhenNoMatch, tmpl, `2\d{2}`, nil), mockExchange())
		wantStatus(t, "response", o.Response, c.status(t))
		wantBytes(t, "response", o.Response, c.body(t))
	},
	// The status override again; the body reads $context values, VTL the
	// simulator does not evaluate.
	"W2-014": func(t *testing.T, c recordedCase) {
		tmpl := `#set($context.responseOverride.status = 444) {"statusCode": 200}`
		o := Simulate(mockConfig(model.WhenNoMatch, tmpl, `2\d{2}`, []Template{{ContentType: "application/json", Body: `{"statusOverride": "$context.responseOverride.status"}`}}), mockExchange())
		wantStatus(t, "response", o.Response, c.status(t))
		wantTemplate(t, "response", o.Response, "application/json")
	},
	// $util.base64Decode and $util.parseJson are not evaluated: the
	// template selection and the status are.
	"W2-015": func(t *testing.T, c recordedCase) {
		o := Simulate(mockConfig(model.WhenNoMatch, `{"statusCode": 200}`, `2\d{2}`, []Template{{ContentType: "application/json", Body: `$util.parseJson($context.requestOverride.path.body).message`}}), mockExchange())
		wantStatus(t, "response", o.Response, c.status(t))
		wantTemplate(t, "response", o.Response, "application/json")
	},
	// No passthroughBehavior rejects a Content-Type a template matches;
	// the body reads $input.params(), which is not evaluated.
	"W2-016": mockPassthrough(model.WhenNoMatch),
	"W2-017": mockPassthrough(model.Never),
	"W2-018": mockPassthrough(model.WhenNoTemplates),
	// Accept */* selects the only response template, application/json.
	"W2-019": func(t *testing.T, c recordedCase) {
		o := Simulate(mockConfig(model.WhenNoTemplates, `{"statusCode": 200}`, "default", []Template{{ContentType: "application/json", Body: `{"echo": "$input.params('data')", "response": "mocked"}`}}), mockExchange())
		wantTemplate(t, "request", o.Request, "application/json")
		wantStatus(t, "response", o.Response, c.status(t))
		wantTemplate(t, "response", o.Response, "application/json")
	},
	// A preflight under CONVERT_TO_TEXT with a list without */*.
	"W2-020": func(t *testing.T, c recordedCase) {
		cfg := mockConfig(model.WhenNoMatch, `{"statusCode": 200}`, "default", nil)
		cfg.BinaryMediaTypes, cfg.ContentHandling = append(chaliceTypes, "application/binary"), model.ConvertToText
		o := Simulate(cfg, mockExchange())
		wantStatus(t, "request", o.Request, c.status(t))
		wantStatus(t, "response", o.Response, c.status(t))
	},
	// HTTP API payload 1.0: application/octet-stream arrives base64.
	"W2-023": func(t *testing.T, c recordedCase) {
		o := Simulate(Config{Kind: model.HTTPAPI, Integration: model.AWSProxy, PayloadFormatVersion: "1.0"}, Exchange{
			Request: &Request{ContentType: "application/octet-stream", HasContentType: true, Body: []byte{1, 2, 3, 4, 5}}})
		wantEvent(t, o.Request, "AQIDBAU=", true)
	},
	// An empty body is null with isBase64Encoded false, HTTP 1.0 and REST.
	"W2-025": func(t *testing.T, c recordedCase) {
		for name, cfg := range map[string]Config{
			"HTTP API 1.0":  {Kind: model.HTTPAPI, Integration: model.AWSProxy, PayloadFormatVersion: "1.0"},
			"REST":          {Kind: model.RESTAPI, Integration: model.AWSProxy},
			"REST with */*": {Kind: model.RESTAPI, Integration: model.AWSProxy, BinaryMediaTypes: []string{"*/*"}},
		} {
			o := Simulate(cfg, Exchange{Request: &Request{ContentType: "text/plain; charset=utf-8", HasContentType: true, Body: []byte{}}})
			if o.Request.IsBase64Encoded == nil || *o.Request.IsBase64Encoded || len(o.Request.Body) != 0 {
				t.Errorf("%s: event body %q isBase64Encoded %v, want null and false", name, o.Request.Body, o.Request.IsBase64Encoded)
			}
		}
	},
	// A form post arrives base64; the Lambda echoes it with
	// isBase64Encoded, and the client gets the decoded text.
	"W2-027": func(t *testing.T, c recordedCase) {
		form := []byte("param1=value1&param2=value2")
		cfg := Config{Kind: model.HTTPAPI, Integration: model.AWSProxy, PayloadFormatVersion: "2.0"}
		req := Simulate(cfg, Exchange{Request: &Request{ContentType: "application/x-www-form-urlencoded", HasContentType: true, Body: form}}).Request
		wantEvent(t, req, base64.StdEncoding.EncodeToString(form), true)
		out := fmt.Sprintf(`{"statusCode": 200, "body": %q, "isBase64Encoded": true}`, req.Body)
		o := Simulate(cfg, Exchange{Response: &Response{Accept: "*/*", HasAccept: true, LambdaOutput: []byte(out)}})
		wantStatus(t, "response", o.Response, c.status(t))
		wantBytes(t, "response", o.Response, c.body(t))
	},
	// No Content-Type from the Lambda: text/plain; charset=utf-8.
	"W2-031": func(t *testing.T, c recordedCase) {
		o := Simulate(Config{Kind: model.HTTPAPI, Integration: model.AWSProxy, PayloadFormatVersion: "2.0"}, Exchange{
			Response: &Response{LambdaOutput: []byte(`{"statusCode": 200, "body": "Hello, World!"}`)}})
		wantStatus(t, "response", o.Response, c.status(t))
		wantBytes(t, "response", o.Response, c.body(t))
		if o.Response.ContentType != "text/plain; charset=utf-8" {
			t.Errorf("Content-Type %q, want text/plain; charset=utf-8", o.Response.ContentType)
		}
	},
	// Payload 2.0's outputs, as the recording lists them.
	"W2-035": func(t *testing.T, c recordedCase) {
		checkOutputs(t, "2.0", []recordedOutput{
			{`{}`, 200, "{}"}, {`{"statusCode": 200, "wrongValue": "value"}`, 200, ""},
			{`{"headers": {"x": "y"}}`, 200, `{"headers": {"x": "y"}}`}, {`"justAString"`, 200, "justAString"},
			{`{"random": {"a": 1}}`, 200, `{"random": {"a": 1}}`}, {`"null"`, 200, "null"}, {`""`, 200, ""},
			{`"errorMessage"`, 200, "errorMessage"}, {`{"errorMessage": "test fake error message"}`, 500, `{"message":"Internal Server Error"}`},
			{`{"statusCode": "test"}`, 500, `{"message":"Internal Server Error"}`}, {`{"statusCode": "201"}`, 201, ""},
			{`{"statusCode": 200, "cookies": {"a": "b"}}`, 500, `{"message":"Internal Server Error"}`},
		})
	},
	// Payload 1.0 needs statusCode and ignores unknown keys.
	"W2-036": func(t *testing.T, c recordedCase) {
		checkOutputs(t, "1.0", []recordedOutput{
			{`{"statusCode": 200}`, 200, ""}, {`{"statusCode": 200, "wrongValue": "value"}`, 200, ""},
			{`{}`, 500, `{"message":"Internal Server Error"}`}, {`{"statusCode": "test"}`, 500, `{"message":"Internal Server Error"}`},
			{`{"statusCode": "201"}`, 201, ""}, {`"justAString"`, 500, `{"message":"Internal Server Error"}`},
			{`{"headers": {"x": "y"}}`, 500, `{"message":"Internal Server Error"}`},
			{`{"statusCode": 200, "multiValueHeaders": {"x": "not a list"}}`, 500, `{"message":"Internal Server Error"}`},
		})
	},
	// An isBase64Encoded gzip body is decoded with no Accept header.
	"W2-037": func(t *testing.T, c recordedCase) {
		html := gzipOf("<html><body>hello</body></html>")
		out := fmt.Sprintf(`{"statusCode": 200, "headers": {"content-encoding": "gzip", "content-type": "text/html"}, "body": %q, "isBase64Encoded": true}`, b64(html))
		o := Simulate(Config{Kind: model.HTTPAPI, Integration: model.AWSProxy, PayloadFormatVersion: "2.0"}, Exchange{Response: &Response{LambdaOutput: []byte(out)}})
		wantStatus(t, "response", o.Response, c.status(t))
		if text := gunzip(t, o.Response.Body); !strings.Contains(text, "<html>") {
			t.Errorf("the decoded body does not decompress to HTML: %q", text)
		}
	},
	// Non-proxy Lambda: a result goes to the default ('') response, never
	// to a pattern written as a status.
	"W2-045": func(t *testing.T, c recordedCase) {
		o := Simulate(lambdaSelection(), Exchange{Response: &Response{Accept: "*/*", HasAccept: true, LambdaOutput: []byte(`"Pass"`)}})
		wantStatus(t, "response", o.Response, c.status(t))
		wantBytes(t, "response", o.Response, c.body(t))
	},
	// No templates: the JSON body reaches Lambda untouched, and the echo
	// comes back untouched.
	"W2-049": func(t *testing.T, c recordedCase) {
		body := []byte(`{"message": "hello world"}`)
		cfg := Config{Kind: model.RESTAPI, Integration: model.AWS, Responses: []IntegrationResponse{{Pattern: "default", StatusCode: "200"}}}
		req := Simulate(cfg, Exchange{Request: &Request{Body: body}}).Request
		wantBytes(t, "request", req, body)
		o := Simulate(cfg, Exchange{Response: &Response{Accept: "*/*", HasAccept: true, LambdaOutput: req.Body}})
		wantStatus(t, "response", o.Response, c.status(t))
		wantBytes(t, "response", o.Response, c.body(t))
	},
	// A missing Content-Type selects the application/json template; its
	// $input.params is not evaluated.
	"W2-050": func(t *testing.T, c recordedCase) {
		cfg := Config{Kind: model.RESTAPI, Integration: model.AWS, RequestTemplates: []Template{{ContentType: "application/json", Body: `{"param1": "$input.params('param1')"}`}},
			Responses: []IntegrationResponse{{Pattern: "default", StatusCode: "200"}}}
		o := Simulate(cfg, Exchange{Request: &Request{Body: []byte{}}})
		wantStatus(t, "request", o.Request, c.status(t))
		wantTemplate(t, "request", o.Request, "application/json")
	},
	// A proxy-shaped result is returned as it is; the status the
	// template's conditional #set picks is not evaluated.
	"W2-051": lambdaVerbatim(`{"body": "noerror", "statusCode": 200}`),
	"W2-052": lambdaVerbatim(`{"body": "customerror", "statusCode": 200}`),
	// REST with */*: application/octet-stream arrives base64.
	"W2-054": func(t *testing.T, c recordedCase) {
		o := Simulate(Config{Kind: model.RESTAPI, Integration: model.AWSProxy, BinaryMediaTypes: []string{"*/*"}}, Exchange{
			Request: &Request{ContentType: "application/octet-stream", HasContentType: true, Body: []byte{1, 2, 3, 4, 5}}})
		wantEvent(t, o.Request, "AQIDBAU=", true)
	},
	// CONVERT_TO_TEXT on aws_proxy is inert: DEADBEEF is encoded once and
	// comes back as DEADBEEF.
	// WebSocket: both text frames reach the Lambda proxy as the strings
	// sent (the Lambda echoed them back inside its JSON list).
	"W2-038": func(t *testing.T, c recordedCase) {
		cfg := Config{Kind: model.WebSocketAPI, Integration: model.AWSProxy, ContentHandling: model.ConvertToText}
		for _, frame := range []string{"Hello, World 1", "Hello, World 2"} {
			o := SimulateRequest(cfg, Request{Body: []byte(frame)})
			if o.Behavior != WebSocketTextFrame {
				t.Errorf("%s: behavior %s, want %s", frame, o.Behavior.ID, WebSocketTextFrame.ID)
			}
			wantBytes(t, frame, o, []byte(frame))
		}
	},
	"W2-059": func(t *testing.T, c recordedCase) {
		raw := []byte{0xDE, 0xAD, 0xBE, 0xEF}
		cfg := Config{Kind: model.RESTAPI, Integration: model.AWSProxy, BinaryMediaTypes: append(chaliceTypes, "application/binary"), ContentHandling: model.ConvertToText}
		o := Simulate(cfg, Exchange{
			Request:  &Request{ContentType: "application/binary", HasContentType: true, Body: raw},
			Response: &Response{Accept: "application/binary", HasAccept: true, LambdaOutput: []byte(`{"statusCode": 200, "headers": {"Content-Type": "application/binary"}, "body": "3q2+7w==", "isBase64Encoded": true}`)}})
		wantEvent(t, o.Request, "3q2+7w==", true)
		wantStatus(t, "response", o.Response, c.status(t))
		wantBytes(t, "response", o.Response, raw)
	},
}

func TestRecordedCases(t *testing.T) {
	data, err := os.ReadFile("../../shared/domain/aws-cases-recorded.json")
	if err != nil {
		t.Skipf("aws-cases-recorded.json not available: %v", err)
	}
	var cases []recordedCase
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	ran := 0
	for _, c := range cases {
		run, ok := recordedRuns[c.ID]
		switch {
		case c.controlPlane() && ok:
			t.Errorf("%s is control plane only; it has no exchange to simulate", c.ID)
		case c.controlPlane():
		case ok:
			t.Run(c.ID, func(t *testing.T) { run(t, c) })
			ran++
		case notSimulated[c.ID] == "":
			t.Errorf("%s: a data-plane case with no run", c.ID)
		}
	}
	if ran < len(recordedRuns) {
		t.Errorf("%d runs for %d cases: a run names a case the file does not hold", len(recordedRuns), ran)
	}
}

func mockConfig(pass model.PassthroughBehavior, requestTemplate, pattern string, responseTemplates []Template) Config {
	return Config{Kind: model.RESTAPI, Integration: model.Mock, Passthrough: pass,
		RequestTemplates: []Template{{ContentType: "application/json", Body: requestTemplate}},
		Responses:        []IntegrationResponse{{Pattern: pattern, StatusCode: "200", Templates: responseTemplates}}}
}

// mockExchange is a GET without Content-Type or body, Accept */*, which the
// mock answers with its statusCode 200 and nothing else.
func mockExchange() Exchange {
	return Exchange{Request: &Request{Body: []byte{}}, Response: &Response{Accept: "*/*", HasAccept: true, Status: 200, Body: []byte{}}}
}

func mockPassthrough(pass model.PassthroughBehavior) func(t *testing.T, c recordedCase) {
	return func(t *testing.T, c recordedCase) {
		o := Simulate(mockConfig(pass, `{"statusCode":200}`, "default", []Template{{ContentType: "application/json", Body: `{"statusCode": 200, "id": $input.params().path.id}`}}),
			Exchange{Request: &Request{ContentType: "application/json", HasContentType: true, Body: []byte{}}, Response: &Response{Accept: "*/*", HasAccept: true, Status: 200, Body: []byte{}}})
		wantStatus(t, "request", o.Request, c.status(t))
		wantTemplate(t, "request", o.Request, "application/json")
		wantStatus(t, "response", o.Response, c.status(t))
	}
}

// lambdaSelection is W2-045's integration responses: a pattern '200' never
// matches, since patterns match the Lambda's errorMessage.
func lambdaSelection() Config {
	return Config{Kind: model.RESTAPI, Integration: model.AWS, Responses: []IntegrationResponse{
		{Pattern: "", StatusCode: "200"}, {Pattern: ".*four hundred.*", StatusCode: "405"},
		{Pattern: ".+", StatusCode: "502"}, {Pattern: "200", StatusCode: "504"}}}
}

func lambdaVerbatim(output string) func(t *testing.T, c recordedCase) {
	return func(t *testing.T, c recordedCase) {
		cfg := Config{Kind: model.RESTAPI, Integration: model.AWS, Responses: []IntegrationResponse{
			{Pattern: "", StatusCode: "200", Templates: []Template{{ContentType: "application/json", Body: `$input.json("$")`}}}}}
		o := Simulate(cfg, Exchange{Response: &Response{Accept: "*/*", HasAccept: true, LambdaOutput: []byte(output)}})
		wantBytes(t, "response", o.Response, c.body(t))
	}
}

type recordedOutput struct {
	output string
	status int
	body   string // compared when not empty
}

func checkOutputs(t *testing.T, version string, outputs []recordedOutput) {
	t.Helper()
	cfg := Config{Kind: model.HTTPAPI, Integration: model.AWSProxy, PayloadFormatVersion: version}
	for _, o := range outputs {
		res := SimulateResponse(cfg, Response{Accept: "*/*", HasAccept: true, LambdaOutput: []byte(o.output)})
		wantStatus(t, o.output, res, o.status)
		if o.body != "" {
			wantBytes(t, o.output, res, []byte(o.body))
		}
	}
}

func wantStatus(t *testing.T, what string, o *Outcome, status int) {
	t.Helper()
	if o.Status != status {
		t.Errorf("%s: status %d, want %d\n  steps: %s", what, o.Status, status, strings.Join(o.Steps, " | "))
	}
}

func wantBytes(t *testing.T, what string, o *Outcome, body []byte) {
	t.Helper()
	if !bytes.Equal(o.Body, body) {
		t.Errorf("%s: body %q, want %q\n  steps: %s", what, o.Body, body, strings.Join(o.Steps, " | "))
	}
}

func wantTemplate(t *testing.T, what string, o *Outcome, key string) {
	t.Helper()
	if o.Template == nil || *o.Template != key {
		t.Errorf("%s: template %v, want %s\n  steps: %s", what, o.Template, key, strings.Join(o.Steps, " | "))
	}
}

func wantIntegrationAccept(t *testing.T, o *Outcome, accept string) {
	t.Helper()
	if o.IntegrationAccept == nil || *o.IntegrationAccept != accept {
		t.Errorf("the backend's Accept is %v, want %s", o.IntegrationAccept, accept)
	}
}

// wantEvent checks a Lambda proxy event's body and isBase64Encoded.
func wantEvent(t *testing.T, o *Outcome, body string, isBase64 bool) {
	t.Helper()
	if string(o.Body) != body || o.IsBase64Encoded == nil || *o.IsBase64Encoded != isBase64 {
		t.Errorf("event body %q isBase64Encoded %v, want %q %v\n  steps: %s", o.Body, o.IsBase64Encoded, body, isBase64, strings.Join(o.Steps, " | "))
	}
}

func gunzip(t *testing.T, b []byte) string {
	t.Helper()
	r, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("not gzip: %v", err)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}
