package matrix

import (
	"bytes"
	"encoding/base64"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/apigw-oas/apigw-oas/mediatype"
	"github.com/apigw-oas/apigw-oas/model"
)

// fuzzIntegrations are the integration types the fuzzer picks from,
// including an unset and an invalid one.
var fuzzIntegrations = []model.IntegrationType{
	model.AWS, model.AWSProxy, model.HTTP, model.HTTPProxy, model.Mock,
	model.IntegrationUnset, model.IntegrationTypeInvalid,
}

var fuzzActions = map[Action]bool{Unchanged: true, AsText: true, Base64Encode: true, Base64Decode: true, Rejected: true}

// Bits of FuzzSimulate's opts argument.
const (
	optHTTPAPI          = 1 << iota // Kind is HTTPAPI instead of RESTAPI
	optStream                       // responseTransferMode STREAM
	optRequestTemplate              // a request template for application/json
	optResponseTemplate             // response templates on both integration responses
	optNoDefault                    // no default integration response
	optBadPattern                   // an integration response whose pattern is not a regexp
	optNilResponseBody              // the integration response has no body
	optEmptyList                    // binaryMediaTypes is empty whatever mediaType says
)

// FuzzSimulate pushes arbitrary settings and bodies through Simulate and
// checks that it never panics and that its results stay in range.
func FuzzSimulate(f *testing.F) {
	png64 := base64.StdEncoding.EncodeToString(bhvPNG)
	lambdaPNG := string(lambdaJSON(png64, true, `"headers": {"Content-Type": "image/png", "x-flag": true}`))
	type seed struct {
		mediaType, contentType string
		hasCT                  bool
		accept                 string
		hasAccept              bool
		integ, ch, respCh, pt  uint8
		opts                   uint8
		body                   []byte
		nilBody                bool
		status                 int
		lambda                 string
	}
	seeds := []seed{
		{"image/png", "image/png", true, "image/png", true, 1, 0, 0, 0, 0, bhvPNG, false, 200, lambdaPNG},
		{"image/png", "text/plain", true, chromeNavigation, true, 1, 0, 0, 0, 0, bhvText, false, 200, lambdaPNG},
		{"*/*", "", false, "*/*", true, 4, 0, 0, 0, optRequestTemplate, []byte{}, false, 200, `{"statusCode": 200}`},
		{"*/*", "", false, "*/*", true, 4, 1, 0, 0, optRequestTemplate, []byte{}, false, 200, `{"statusCode": "201"}`},
		{"image/png", "image/png", true, "application/json", true, 0, 1, 1, 0, optRequestTemplate | optResponseTemplate, bhvPNG, false, 200, ""},
		{"image/png", "image/png", true, "application/json", true, 2, 2, 2, 0, optResponseTemplate, bhvPNG, false, 404, ""},
		{"image/png", "application/json", true, "image/png", true, 2, 0, 0, 0, 0, bhvJSON, false, 200, ""},
		{"image/png", "text/plain", true, "image/png", true, 0, 2, 2, 2, optRequestTemplate, bhvText, false, 500, ""},
		{"", "image/png", true, "text/html", true, 3, 0, 0, 0, optStream | optEmptyList, bhvPNG, false, 200, ""},
		{"", "", false, "", false, 1, 0, 0, 0, optStream, nil, true, 0, `{"statusCode": 200, "body": "` + png64 + `", "isBase64Encoded": true}`},
		{"image/*", "text/plain; charset=iso-8859-1", true, "image/webp,image/png,*/*;q=0.8", true, 1, 0, 0, 0, optHTTPAPI, []byte("caf\xe9"), false, 200, `{"statusCode": 200, "bogus": 1}`},
		{"application/*", "application/x-www-form-urlencoded", true, "application", true, 1, 3, 3, 3, optHTTPAPI, bhvGzip, false, 200, `not json`},
		{"*/test", "*/test", true, "*/test", true, 0, 1, 1, 1, optNoDefault | optBadPattern, bhvGzip, false, 302, `{"statusCode": 42.5}`},
		{"image/png\n*/*", "IMAGE/PNG; q=1", true, ` text/plain; x="a,b" , image/png`, true, 5, 0, 3, 0, optNilResponseBody, []byte(png64), false, -1, `{"statusCode": 1000}`},
		{"image/png", "image/png", true, "image/png", true, 6, 0, 0, 2, optRequestTemplate, nil, true, 200, `"justAString"`},
		{"image/png", "image/png", true, "image/png", true, 1, 0, 0, 0, 0, bhvPNG, false, 200, `{"statusCode": 502, "body": "upstream"}`},
	}
	for _, s := range seeds {
		f.Add(s.mediaType, s.contentType, s.hasCT, s.accept, s.hasAccept, s.integ, s.ch, s.respCh, s.pt, s.opts, s.body, s.nilBody, s.status, s.lambda)
	}
	f.Fuzz(func(t *testing.T, mediaType, contentType string, hasCT bool, accept string, hasAccept bool,
		integ, ch, respCh, pt, opts uint8, body []byte, nilBody bool, status int, lambda string) {
		cfg := Config{
			Kind:            model.RESTAPI,
			Integration:     fuzzIntegrations[int(integ)%len(fuzzIntegrations)],
			ContentHandling: model.ContentHandling(ch % 4),
			Passthrough:     model.PassthroughBehavior(pt % 4),
		}
		if opts&optHTTPAPI != 0 {
			cfg.Kind = model.HTTPAPI
		}
		if opts&optStream != 0 {
			cfg.TransferMode = model.Stream
		}
		if opts&optEmptyList == 0 {
			cfg.BinaryMediaTypes = strings.Split(mediaType, "\n")
		}
		if opts&optRequestTemplate != 0 {
			cfg.RequestTemplates = []Template{{ContentType: "application/json", Body: `{"body": "$input.body"}`}}
		}
		var respTemplates []Template
		if opts&optResponseTemplate != 0 {
			respTemplates = []Template{{ContentType: "application/json", Body: `{"out": "${input.body}"}`}}
		}
		respHandling := model.ContentHandling(respCh % 4)
		cfg.Responses = []IntegrationResponse{{Pattern: `4\d{2}`, StatusCode: "404", ContentHandling: respHandling, Templates: respTemplates}}
		if opts&optBadPattern != 0 {
			cfg.Responses = append(cfg.Responses, IntegrationResponse{Pattern: `(?<=x)5\d\d`, StatusCode: "404"})
		}
		if opts&optNoDefault == 0 {
			cfg.Responses = append(cfg.Responses, IntegrationResponse{Pattern: "default", StatusCode: "200", ContentHandling: respHandling, Templates: respTemplates})
		}
		if nilBody {
			body = nil
		} else if body == nil {
			body = []byte{}
		}
		if status != 0 && (status < 100 || status > 599) {
			// a backend answers with an HTTP status (explain refuses
			// others); keep the input, folded into that range
			status = 100 + int(uint(status)%500)
		}
		req := Request{ContentType: contentType, HasContentType: hasCT, Body: body}
		resp := Response{Accept: accept, HasAccept: hasAccept, Status: status, ContentType: contentType, HasContentType: hasCT,
			Body: body, LambdaOutput: []byte(lambda)}
		if opts&optNilResponseBody != 0 {
			resp.Body = nil
		}
		// Simulate must not keep or alter the caller's bytes' meaning: keep
		// a copy to compare with.
		in := append([]byte(nil), body...)

		out := Simulate(cfg, Exchange{Request: &req, Response: &resp})
		if out.Request == nil || out.Response == nil {
			t.Fatalf("Simulate dropped a side: %+v", out)
		}
		if empty := Simulate(cfg, Exchange{}); empty.Request != nil || empty.Response != nil {
			t.Fatalf("Simulate of an empty exchange: %+v", empty)
		}
		if !bytes.Equal(body, in) {
			t.Fatalf("Simulate modified the request body")
		}

		checkInRange(t, "request", out.Request)
		checkInRange(t, "response", out.Response)

		// Request side: the status is API Gateway's own, 200 or an error.
		r := out.Request
		switch r.Status {
		case 200:
			if r.Action == Rejected {
				t.Errorf("request: 200 but rejected")
			}
		case 415, 500:
			if r.Action != Rejected {
				t.Errorf("request: status %d but %s", r.Status, r.Action)
			}
		default:
			t.Errorf("request: status %d, want 200, 415 or 500", r.Status)
		}
		if req.Body == nil && r.Body != nil {
			t.Errorf("request: no body in, %q out", r.Body)
		}
		if r.Status == 200 && r.Template == nil {
			switch r.Action {
			case Unchanged:
				if !bytes.Equal(r.Body, req.Body) {
					t.Errorf("request: unchanged, but the body changed")
				}
			case Base64Encode:
				if req.Body != nil && string(r.Body) != base64.StdEncoding.EncodeToString(req.Body) {
					t.Errorf("request: base64-encode, but the body is not the input's base64")
				}
			}
		}
		if r.Status == 415 && (cfg.Kind == model.HTTPAPI || cfg.Integration.IsProxy()) {
			t.Errorf("request: 415 from a proxy integration or an HTTP API (no templates apply there)")
		}

		// Response side.
		s := out.Response
		lambdaSide := cfg.Integration == model.AWSProxy
		passedThrough := s.Status == resp.Status && (cfg.Integration == model.HTTPProxy || cfg.Kind == model.HTTPAPI)
		if s.Status == 415 && !passedThrough {
			t.Errorf("response: 415 is a request-side status")
		}
		if (s.Status == 500 || s.Status == 502) && s.Action != Rejected && !passedThrough {
			// Only a Lambda can choose such a status itself, or an http_proxy
			// (or HTTP API) backend, whose status API Gateway passes through
			// (recorded); our integration responses map to 404 and 200.
			if !lambdaSide || !strings.Contains(lambda, strconv.Itoa(s.Status)) {
				t.Errorf("response: status %d but not rejected", s.Status)
			}
		}
		if s.Status == 502 && !lambdaSide && !passedThrough {
			t.Errorf("response: 502 without a Lambda")
		}
		nonProxyLambda := cfg.Integration == model.AWS && len(resp.LambdaOutput) > 0 // its result is the body
		if !lambdaSide && !nonProxyLambda && resp.Body == nil && len(s.Body) > 0 && s.Template == nil {
			// (a response template renders its output from no body too)
			t.Errorf("response: no body in, %q out", s.Body)
		}
		if cfg.Kind == model.RESTAPI {
			if s.AcceptFirst == nil || s.AcceptsBinary == nil {
				t.Fatalf("response: AcceptFirst/AcceptsBinary unset on a REST API")
			}
			_, starStar := mediatype.NewMatcher(cfg.BinaryMediaTypes).Match("*/*")
			if !hasAccept && (*s.AcceptFirst != "" || *s.AcceptsBinary != starStar) {
				t.Errorf("response: no Accept, but AcceptFirst %q binary %v with %q", *s.AcceptFirst, *s.AcceptsBinary, cfg.BinaryMediaTypes)
			}
			if len(cfg.BinaryMediaTypes) == 0 && *s.AcceptsBinary {
				t.Errorf("response: accepts binary without binary media types")
			}
			// §1.5: a buffered Lambda proxy body is decoded only when the
			// client accepts binary.
			if lambdaSide && cfg.TransferMode != model.Stream && s.Action == Base64Decode && !*s.AcceptsBinary {
				t.Errorf("response: Lambda body decoded for a client that accepts text")
			}
		}
	})
}

// checkInRange holds for every result, request or response.
func checkInRange(t *testing.T, side string, r *Outcome) {
	t.Helper()
	if r.Status < 100 || r.Status > 599 {
		t.Errorf("%s: status %d out of range", side, r.Status)
	}
	if !fuzzActions[r.Action] {
		t.Errorf("%s: unknown action %q", side, r.Action)
	}
	if r.Behavior.ID == "" {
		t.Errorf("%s: no rule", side)
	}
	if r.Action == Rejected {
		if r.Body != nil && !bytes.Equal(r.Body, restErrorBody) && !bytes.Equal(r.Body, httpAPIErrorBody) {
			t.Errorf("%s: rejected with a body that is not a recorded error body: %q", side, r.Body)
		}
		switch r.Status {
		case 415, 500, 502:
		default:
			t.Errorf("%s: rejected with status %d", side, r.Status)
		}
	}
	// Text actions produce valid UTF-8: lossy decoding replaces the
	// invalid sequences, base64 is ASCII, and the templates are ASCII.
	if (r.Action == AsText || r.Action == Base64Encode) && !utf8.Valid(r.Body) {
		t.Errorf("%s: %s produced invalid UTF-8", side, r.Action)
	}
	if len(r.Steps) == 0 {
		t.Errorf("%s: no reasoning steps", side)
	}
}
