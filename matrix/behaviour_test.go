package matrix

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/apigw-oas/apigw-oas/importer"
	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

// Behaviour tests: each case names the section of
// shared/domain/binary-semantics.md it comes from and pushes a real body
// through the simulator, checking the status, the action, the rule and the
// exact bytes that come out.

// The bodies.
var (
	// bhvPNG is a valid 1x1 PNG. Its signature starts with 0x89, so it is
	// not valid UTF-8.
	bhvPNG = onePixelPNG()
	// bhvGzip is a gzip blob: 0x8b in its header makes it invalid UTF-8.
	bhvGzip = gzipOf("compressed data, should be invalid UTF-8 string")
	// bhvText is plain UTF-8 that is not base64.
	bhvText = []byte("this is a UTF8 text typed object")
	// bhvJSON is a JSON document, text and not base64.
	bhvJSON = []byte(`{"message":"hello","ok":true}`)
)

func onePixelPNG() []byte {
	img := image.NewNRGBA(image.Rect(0, 0, 1, 1))
	img.Set(0, 0, color.NRGBA{R: 255, G: 128, A: 255})
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

func gzipOf(s string) []byte {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	if _, err := w.Write([]byte(s)); err != nil {
		panic(err)
	}
	if err := w.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

func b64(b []byte) string { return base64.StdEncoding.EncodeToString(b) }

// lossy is what a UTF-8 decode/encode with replacement makes of b (§1.3),
// computed independently of the simulator: Go's string-to-rune conversion
// turns each invalid byte into U+FFFD. For bhvPNG and bhvGzip this gives
// the same bytes as Python's b.decode("utf-8", "replace") (checked when
// the tests were written).
func lossy(b []byte) []byte { return []byte(string([]rune(string(b)))) }

// TestBehaviourFixtures makes sure the bodies are what the cases assume.
func TestBehaviourFixtures(t *testing.T) {
	if _, err := png.Decode(bytes.NewReader(bhvPNG)); err != nil {
		t.Fatalf("the PNG fixture does not decode: %v", err)
	}
	if len(bhvPNG) > 100 {
		t.Errorf("the PNG fixture is %d bytes, want a tiny one", len(bhvPNG))
	}
	for name, b := range map[string][]byte{"png": bhvPNG, "gzip": bhvGzip} {
		if utf8.Valid(b) {
			t.Errorf("the %s fixture is valid UTF-8; the lossy cases need it not to be", name)
		}
		if l := lossy(b); bytes.Equal(l, b) || !utf8.Valid(l) {
			t.Errorf("lossy(%s) is not a changed, valid UTF-8 text", name)
		}
	}
	if _, err := base64.StdEncoding.DecodeString(string(bhvText)); err == nil {
		t.Error("the text fixture must not be valid base64")
	}
	if _, err := base64.StdEncoding.DecodeString(string(bhvJSON)); err == nil {
		t.Error("the JSON fixture must not be valid base64")
	}
}

// expect is what one side of an exchange must come out as.
type expect struct {
	status int
	action Action
	rule   string
	// body is compared byte for byte; nil demands a nil Body.
	body []byte
	// accept checks AcceptFirst and AcceptsBinary (response side) when
	// set: first is the expected AcceptFirst.
	accept *acceptWant
	// template is the expected Outcome.Template; "-" demands none, ""
	// skips the check.
	template string
}

type acceptWant struct {
	first  string
	binary bool
}

func accepts(first string, binary bool) *acceptWant { return &acceptWant{first, binary} }

func checkResult(t *testing.T, name string, res *Outcome, w expect) {
	t.Helper()
	if res == nil {
		t.Errorf("%s: nil result", name)
		return
	}
	var errs []string
	if res.Status != w.status {
		errs = append(errs, fmt.Sprintf("status %d, want %d", res.Status, w.status))
	}
	if res.Action != w.action {
		errs = append(errs, fmt.Sprintf("action %s, want %s", res.Action, w.action))
	}
	if res.Behavior.ID != w.rule {
		errs = append(errs, fmt.Sprintf("rule %s, want %s", res.Behavior.ID, w.rule))
	}
	switch {
	case w.body == nil && res.Body != nil:
		errs = append(errs, fmt.Sprintf("body %q, want nil", clip(res.Body)))
	case w.body != nil && !bytes.Equal(res.Body, w.body):
		errs = append(errs, fmt.Sprintf("body %q, want %q", clip(res.Body), clip(w.body)))
	}
	if a := w.accept; a != nil {
		switch {
		case res.AcceptFirst == nil || res.AcceptsBinary == nil:
			errs = append(errs, "AcceptFirst/AcceptsBinary not set")
		case *res.AcceptFirst != a.first || *res.AcceptsBinary != a.binary:
			errs = append(errs, fmt.Sprintf("accept first %q binary %v, want %q %v", *res.AcceptFirst, *res.AcceptsBinary, a.first, a.binary))
		}
	}
	switch {
	case w.template == "-" && res.Template != nil:
		errs = append(errs, fmt.Sprintf("template %q applied, want none", *res.Template))
	case w.template != "" && w.template != "-" && (res.Template == nil || *res.Template != w.template):
		errs = append(errs, fmt.Sprintf("template %v, want %q", res.Template, w.template))
	}
	if len(errs) > 0 {
		t.Errorf("%s:\n  %s\n  steps: %s", name, strings.Join(errs, "\n  "), strings.Join(res.Steps, " | "))
	}
}

func clip(b []byte) string {
	if len(b) > 120 {
		return string(b[:120]) + "…"
	}
	return string(b)
}

// lambdaJSON builds a Lambda proxy output.
func lambdaJSON(body string, isBase64 bool, extra string) []byte {
	s := fmt.Sprintf(`{"statusCode": 200, "body": %q, "isBase64Encoded": %v`, body, isBase64)
	if extra != "" {
		s += ", " + extra
	}
	return []byte(s + "}")
}

const chromeNavigation = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7"
const chromeImage = "image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8"

func TestLambdaProxyResponse(t *testing.T) {
	png64 := b64(bhvPNG)
	pngList := []string{"image/png"}
	cases := []struct {
		name     string
		list     []string
		accept   string
		noAccept bool
		output   []byte
		want     expect
	}{
		// §1.5: isBase64Encoded and the first Accept range matches → decoded.
		{"decoded", pngList, "image/png", false,
			lambdaJSON(png64, true, `"headers": {"Content-Type": "image/png"}`),
			expect{200, Base64Decode, "lambda-proxy-decoded", bhvPNG, accepts("image/png", true), ""}},
		// §1.5, §6: a browser navigation asks for text/html first: the
		// client receives the base64 text as the Lambda wrote it.
		{"browser navigation gets base64 text", pngList, chromeNavigation, false,
			lambdaJSON(png64, true, `"headers": {"Content-Type": "image/png"}`),
			expect{200, Unchanged, "lambda-proxy-verbatim", []byte(png64), accepts("text/html", false), ""}},
		// §1.5: isBase64Encoded false → verbatim, even with a binary Accept
		// (A: invoke-api-b64-encoded-false).
		{"isBase64Encoded false", pngList, "image/png", false,
			lambdaJSON(png64, false, ""),
			expect{200, Unchanged, "lambda-proxy-verbatim", []byte(png64), accepts("image/png", true), ""}},
		// §1.1, §1.5, §4 (Response Content-Type for AWS_PROXY): the Lambda's
		// Content-Type is ignored: image/png there but a text Accept.
		{"Lambda Content-Type image/png, text Accept", pngList, "application/json", false,
			lambdaJSON(png64, true, `"headers": {"Content-Type": "image/png"}`),
			expect{200, Unchanged, "lambda-proxy-verbatim", []byte(png64), accepts("application/json", false), ""}},
		// §1.5: and the other way round: a JSON Content-Type from the Lambda
		// does not stop the decode when the Accept matches.
		{"Lambda Content-Type application/json, binary Accept", pngList, "image/png", false,
			lambdaJSON(png64, true, `"headers": {"Content-Type": "application/json"}`),
			expect{200, Base64Decode, "lambda-proxy-decoded", bhvPNG, accepts("image/png", true), ""}},
		// §1.5: invalid base64 with a matching Accept → 500.
		{"invalid base64", pngList, "image/png", false,
			lambdaJSON(string(bhvText), true, ""),
			expect{500, Rejected, "base64-decode-500", nil, accepts("image/png", true), ""}},
		// §1.5: invalid base64 with a text Accept is not decoded, so no error.
		{"invalid base64, text Accept", pngList, "text/html", false,
			lambdaJSON(string(bhvText), true, ""),
			expect{200, Unchanged, "lambda-proxy-verbatim", bhvText, accepts("text/html", false), ""}},
		// §8.7: malformed outputs → 502.
		{"output not JSON", pngList, "image/png", false,
			[]byte("<html>Internal error</html>"),
			expect{502, Rejected, "lambda-proxy-502", restErrorBody, accepts("image/png", true), ""}},
		{"output is a JSON string (A: invoke-api-just-string)", pngList, "image/png", false,
			[]byte(`"justAString"`),
			expect{502, Rejected, "lambda-proxy-502", restErrorBody, accepts("image/png", true), ""}},
		{"unknown key", pngList, "image/png", false,
			lambdaJSON(png64, true, `"bogus": 1`),
			expect{502, Rejected, "lambda-proxy-502", restErrorBody, accepts("image/png", true), ""}},
		{"unknown key wrongValue (A: invoke-api-wrong-format)", nil, "*/*", false,
			[]byte(`{"statusCode": 200, "wrongValue": "value"}`),
			expect{502, Rejected, "lambda-proxy-502", restErrorBody, accepts("*/*", false), ""}},
		{"statusCode abc", pngList, "image/png", false,
			[]byte(`{"statusCode": "abc", "body": "x"}`),
			expect{502, Rejected, "lambda-proxy-502", restErrorBody, accepts("image/png", true), ""}},
		{"statusCode 42.5", pngList, "image/png", false,
			[]byte(`{"statusCode": 42.5, "body": "x"}`),
			expect{502, Rejected, "lambda-proxy-502", restErrorBody, accepts("image/png", true), ""}},
		{"statusCode 1000", pngList, "image/png", false,
			[]byte(`{"statusCode": 1000, "body": "x"}`),
			expect{502, Rejected, "lambda-proxy-502", restErrorBody, accepts("image/png", true), ""}},
		{"JSON null is not an object", pngList, "image/png", false,
			[]byte(`null`),
			expect{502, Rejected, "lambda-proxy-502", restErrorBody, accepts("image/png", true), ""}},
		{"data after the JSON object", pngList, "image/png", false,
			[]byte(`{"statusCode": 200, "body": "x"} junk`),
			expect{502, Rejected, "lambda-proxy-502", restErrorBody, accepts("image/png", true), ""}},
		{"multiValueHeaders value not a list (A: invoke-api-multi-headers-invalid)", nil, "*/*", false,
			[]byte(`{"statusCode": 200, "multiValueHeaders": {"test-multi-invalid": "value1"}}`),
			expect{502, Rejected, "lambda-proxy-502", restErrorBody, accepts("*/*", false), ""}},
		// §8.7: statusCode may be a numeric string.
		{`statusCode "201"`, pngList, "text/html", false,
			[]byte(`{"statusCode": "201", "body": "created"}`),
			expect{201, Unchanged, "lambda-proxy-verbatim", []byte("created"), accepts("text/html", false), ""}},
		// §8.7: header values may be bools.
		{"bool header value", pngList, "text/html", false,
			[]byte(`{"statusCode": 200, "headers": {"test-header": "value", "header-bool": true}, "body": "ok"}`),
			expect{200, Unchanged, "lambda-proxy-verbatim", []byte("ok"), accepts("text/html", false), ""}},
		// §8.7 (A: invoke-api-with-headers-null, invoke-api-only-headers).
		{"headers null", nil, "*/*", false,
			[]byte(`{"statusCode": 200, "headers": null, "body": "ok"}`),
			expect{200, Unchanged, "lambda-proxy-verbatim", []byte("ok"), accepts("*/*", false), ""}},
		{"only headers: status 200, no body", nil, "*/*", false,
			[]byte(`{"headers": {"test-header": "value"}}`),
			expect{200, Unchanged, "lambda-proxy-verbatim", nil, accepts("*/*", false), ""}},
		// §4 row 1 (A): only the first Accept range counts, even when a later
		// one matches.
		{"first range only", pngList, "image/webp,image/png,*/*;q=0.8", false,
			lambdaJSON(png64, true, ""),
			expect{200, Unchanged, "lambda-proxy-verbatim", []byte(png64), accepts("image/webp", false), ""}},
		// §4 (*/* in the list), §2.6 item 1: */* matches everything.
		{"*/* list, Accept */*", []string{"*/*"}, "*/*", false,
			lambdaJSON(png64, true, ""),
			expect{200, Base64Decode, "lambda-proxy-decoded", bhvPNG, accepts("*/*", true), ""}},
		{"*/* list, browser navigation", []string{"*/*"}, chromeNavigation, false,
			lambdaJSON(png64, true, ""),
			expect{200, Base64Decode, "lambda-proxy-decoded", bhvPNG, accepts("text/html", true), ""}},
		// §6: a browser <img> sends image/avif first: [image/png] never
		// returns binary to it, image/* does.
		{"<img> with [image/png]", pngList, chromeImage, false,
			lambdaJSON(png64, true, ""),
			expect{200, Unchanged, "lambda-proxy-verbatim", []byte(png64), accepts("image/avif", false), ""}},
		{"<img> with [image/*]", []string{"image/*"}, chromeImage, false,
			lambdaJSON(png64, true, ""),
			expect{200, Base64Decode, "lambda-proxy-decoded", bhvPNG, accepts("image/avif", true), ""}},
		// §4 (parameters): image/png;q=0.8 still matches.
		{"Accept with q parameter", pngList, "image/png;q=0.8", false,
			lambdaJSON(png64, true, ""),
			expect{200, Base64Decode, "lambda-proxy-decoded", bhvPNG, accepts("image/png;q=0.8", true), ""}},
		// §4 (A): */test never matches, not even itself.
		{"*/test never matches", []string{"*/test"}, "*/test", false,
			lambdaJSON(png64, true, ""),
			expect{200, Unchanged, "lambda-proxy-verbatim", []byte(png64), accepts("*/test", false), ""}},
		// §4 (A): wildcards in Accept are not expanded...
		{"Accept image/* vs [image/png]", pngList, "image/*", false,
			lambdaJSON(png64, true, ""),
			expect{200, Unchanged, "lambda-proxy-verbatim", []byte(png64), accepts("image/*", false), ""}},
		// ...but a literal Accept application/* matches the entry application/*.
		{"Accept application/* vs [application/*]", []string{"application/*"}, "application/*", false,
			lambdaJSON(png64, true, ""),
			expect{200, Base64Decode, "lambda-proxy-decoded", bhvPNG, accepts("application/*", true), ""}},
		// §4 (A): a malformed Accept is text.
		{"malformed Accept", []string{"application/*"}, "application", false,
			lambdaJSON(png64, true, ""),
			expect{200, Unchanged, "lambda-proxy-verbatim", []byte(png64), accepts("application", false), ""}},
		// recorded-behaviours.md §1 (A: .NET HttpClient and hyper send no
		// Accept): an absent Accept is matched as */*, so */* in the list
		// decodes.
		{"no Accept, */* listed", []string{"*/*"}, "", true,
			lambdaJSON(png64, true, ""),
			expect{200, Base64Decode, "lambda-proxy-decoded", bhvPNG, accepts("", true), ""}},
		// Unrecorded without */* (§9 Q1): */* matches no other entry, so
		// the client is answered as one that accepts text.
		{"no Accept, */* not listed", []string{"image/png", "image/*"}, "", true,
			lambdaJSON(png64, true, ""),
			expect{200, Unchanged, "lambda-proxy-verbatim", []byte(png64), accepts("", false), ""}},
		// §1.1: without binary media types nothing is binary.
		{"no binary media types", nil, "image/png", false,
			lambdaJSON(png64, true, ""),
			expect{200, Unchanged, "lambda-proxy-verbatim", []byte(png64), accepts("image/png", false), ""}},
	}
	for _, c := range cases {
		cfg := Config{Kind: model.RESTAPI, Integration: model.AWSProxy, BinaryMediaTypes: c.list}
		resp := Response{Accept: c.accept, HasAccept: !c.noAccept, LambdaOutput: c.output}
		checkResult(t, c.name, SimulateResponse(cfg, resp), c.want)
	}
}

func TestLambdaProxyRequest(t *testing.T) {
	cases := []struct {
		name        string
		list        []string
		contentType string // "" for none
		body        []byte
		want        expect
		classified  string // Outcome.ContentType
	}{
		// §2.6 item 2: a Content-Type in the list → base64, isBase64Encoded true.
		{"image/png in [image/png]", []string{"image/png"}, "image/png", bhvPNG,
			expect{200, Base64Encode, "lambda-proxy-request", []byte(b64(bhvPNG)), nil, ""}, "image/png"},
		// §2.6 item 2 (ministack #767): image/* matches image/png.
		{"image/png in [image/*]", []string{"image/*"}, "image/png", bhvPNG,
			expect{200, Base64Encode, "lambda-proxy-request", []byte(b64(bhvPNG)), nil, ""}, "image/png"},
		// §2.6 item 2 (SAM #3794): application/json in the list makes JSON
		// bodies arrive base64.
		{"application/json in the list", []string{"application/json"}, "application/json", bhvJSON,
			expect{200, Base64Encode, "lambda-proxy-request", []byte(b64(bhvJSON)), nil, ""}, "application/json"},
		// §2.6 item 2: not in the list → text.
		{"text/plain not in the list", []string{"image/png"}, "text/plain", bhvText,
			expect{200, AsText, "lambda-proxy-request", bhvText, nil, ""}, "text/plain"},
		// §1.3, §8.4: binary that is not in the list reaches the Lambda as
		// lossy text.
		{"gzip not in the list", []string{"image/png"}, "application/gzip", bhvGzip,
			expect{200, AsText, "lambda-proxy-request", lossy(bhvGzip), nil, ""}, "application/gzip"},
		// §2.6 item 2, §8.1: with */* and no Content-Type the request counts
		// as application/json, which */* matches → base64.
		{"*/* and no Content-Type", []string{"*/*"}, "", bhvJSON,
			expect{200, Base64Encode, "lambda-proxy-request", []byte(b64(bhvJSON)), nil, ""}, "application/json"},
		// serverless #2797 (§2.6 item 2): text/plain with */* → dGVzdA==.
		{"text/plain with */*", []string{"*/*"}, "text/plain", []byte("test"),
			expect{200, Base64Encode, "lambda-proxy-request", []byte("dGVzdA=="), nil, ""}, "text/plain"},
		// Outcome.Body: no body in, no body out.
		{"no body", []string{"image/png"}, "image/png", nil,
			expect{200, Base64Encode, "lambda-proxy-request", nil, nil, ""}, "image/png"},
	}
	for _, c := range cases {
		cfg := Config{Kind: model.RESTAPI, Integration: model.AWSProxy, BinaryMediaTypes: c.list}
		req := Request{ContentType: c.contentType, HasContentType: c.contentType != "", Body: c.body}
		res := SimulateRequest(cfg, req)
		checkResult(t, c.name, res, c.want)
		if res.ContentType != c.classified {
			t.Errorf("%s: classified %q, want %q", c.name, res.ContentType, c.classified)
		}
	}
}

func TestNonProxyResponse(t *testing.T) {
	pngList := []string{"image/png"}
	jsonTemplate := []Template{{ContentType: "application/json", Body: `{"img": "$input.body"}`}}
	selection := []IntegrationResponse{
		{Pattern: `4\d{2}`, StatusCode: "404"},
		{Pattern: "default", StatusCode: "200"},
	}
	cases := []struct {
		name        string
		integration model.IntegrationType
		list        []string
		responses   []IntegrationResponse
		status      int
		contentType string // the integration response's; "" for none
		body        []byte
		accept      string
		noAccept    bool
		want        expect
	}{
		// Integration response selection (§5.1 responses: a selection regex
		// matched against the status, or default).
		{"4\\d{2} selects 404", model.HTTP, pngList, selection, 404, "application/json", bhvJSON, "application/json", false,
			expect{404, AsText, "response-table-4", bhvJSON, accepts("application/json", false), "-"}},
		{"200 falls to default", model.HTTP, pngList, selection, 200, "application/json", bhvJSON, "application/json", false,
			expect{200, AsText, "response-table-4", bhvJSON, accepts("application/json", false), "-"}},
		{"503 falls to default", model.AWS, pngList, selection, 503, "application/json", bhvJSON, "application/json", false,
			expect{200, AsText, "response-table-4", bhvJSON, accepts("application/json", false), "-"}},
		{"no status means 200", model.AWS, pngList, selection, 0, "application/json", bhvJSON, "application/json", false,
			expect{200, AsText, "response-table-4", bhvJSON, accepts("application/json", false), "-"}},
		{"no default and no match", model.HTTP, pngList, selection[:1], 200, "application/json", bhvJSON, "application/json", false,
			expect{500, Rejected, "no-integration-response", nil, accepts("application/json", false), ""}},
		// §1.6, §8.2 (A): CONVERT_TO_BINARY plus a response template → 500.
		{"CONVERT_TO_BINARY + template", model.AWS, pngList,
			[]IntegrationResponse{{Pattern: "default", StatusCode: "200", ContentHandling: model.ConvertToBinary, Templates: jsonTemplate}},
			200, "image/png", bhvPNG, "application/json", false,
			expect{500, Rejected, "template-binary-500", nil, accepts("application/json", false), ""}},
		// §1.6, §8.2 (A+B): CONVERT_TO_TEXT plus a template: $input.body is
		// the base64 of the binary payload.
		{"CONVERT_TO_TEXT + template", model.AWS, pngList,
			[]IntegrationResponse{{Pattern: "default", StatusCode: "200", ContentHandling: model.ConvertToText, Templates: jsonTemplate}},
			200, "image/png", bhvPNG, "application/json", false,
			expect{200, Base64Encode, "response-table-12", []byte(`{"img": "` + b64(bhvPNG) + `"}`), accepts("application/json", false), "application/json"}},
		// §8.3 (A): a text payload, unset contentHandling and a binary first
		// Accept → base64-decode attempt → 500.
		{"text payload, binary Accept", model.HTTP, pngList, selection, 200, "application/json", bhvJSON, "image/png", false,
			expect{500, Rejected, "base64-decode-500", nil, accepts("image/png", true), ""}},
		// §1.4: the same with a base64 text payload decodes it.
		{"base64 text payload, binary Accept", model.HTTP, pngList, selection, 200, "text/plain", []byte(b64(bhvPNG)), "image/png", false,
			expect{200, Base64Decode, "response-table-7", bhvPNG, accepts("image/png", true), "-"}},
		// §4 (Accept absent): treated as text, so a binary payload is
		// base64-encoded.
		{"no Accept, binary payload", model.AWS, pngList, selection, 200, "image/png", bhvPNG, "", true,
			expect{200, Base64Encode, "response-table-10", []byte(b64(bhvPNG)), accepts("", false), "-"}},
		// §1.4 (A, S3 response cases): binary payload, binary Accept → unchanged.
		{"binary payload, binary Accept", model.AWS, pngList, selection, 200, "image/png", bhvPNG, "image/png", false,
			expect{200, Unchanged, "response-table-13", bhvPNG, accepts("image/png", true), "-"}},
		// §1.1 (A): the integration response Content-Type decides; S3's
		// default binary/octet-stream is not in the list, so gzip is text
		// and comes out lossy (§1.3).
		{"gzip as binary/octet-stream", model.AWS, pngList, selection, 200, "binary/octet-stream", bhvGzip, "text/html", false,
			expect{200, AsText, "response-table-4", lossy(bhvGzip), accepts("text/html", false), "-"}},
	}
	for _, c := range cases {
		cfg := Config{Kind: model.RESTAPI, Integration: c.integration, BinaryMediaTypes: c.list, Responses: c.responses}
		resp := Response{Accept: c.accept, HasAccept: !c.noAccept, Status: c.status,
			ContentType: c.contentType, HasContentType: c.contentType != "", Body: c.body}
		checkResult(t, c.name, SimulateResponse(cfg, resp), c.want)
	}
}

func TestNonProxyRequest(t *testing.T) {
	pngList := []string{"image/png"}
	jsonTemplate := []Template{{ContentType: "application/json", Body: `{"body": "$input.body"}`}}
	corsTemplate := []Template{{ContentType: "application/json", Body: `{"statusCode": 200}`}}
	cases := []struct {
		name        string
		integration model.IntegrationType
		list        []string
		ch          model.ContentHandling
		pt          model.PassthroughBehavior
		templates   []Template
		contentType string // "" for none
		body        []byte
		want        expect
	}{
		// §1.7 (B: passthrough table): never rejects what no template matches.
		{"never, no matching template", model.AWS, nil, model.Passthrough, model.Never, jsonTemplate, "text/plain", bhvText,
			expect{415, Rejected, "passthrough-415", nil, nil, ""}},
		{"never, no templates at all", model.AWS, nil, model.Passthrough, model.Never, nil, "application/json", bhvJSON,
			expect{415, Rejected, "passthrough-415", nil, nil, ""}},
		// §1.7: when_no_templates rejects when templates exist but none matches...
		{"when_no_templates, templates, no match", model.AWS, nil, model.Passthrough, model.WhenNoTemplates, jsonTemplate, "text/plain", bhvText,
			expect{415, Rejected, "passthrough-415", nil, nil, ""}},
		// ...and passes when there are none.
		{"when_no_templates, no templates", model.AWS, nil, model.Passthrough, model.WhenNoTemplates, nil, "text/plain", bhvText,
			expect{200, AsText, "request-table-1", bhvText, nil, "-"}},
		// §1.7: when_no_match passes the payload untransformed.
		{"when_no_match, binary passes", model.AWS, pngList, model.Passthrough, model.WhenNoMatch, jsonTemplate, "image/png", bhvPNG,
			expect{200, Unchanged, "request-table-7", bhvPNG, nil, "-"}},
		// §1.3, §8.4 (A): binary upload without binary media types is
		// corrupted silently (U+FFFD), 200.
		{"when_no_match, PNG without binary media types", model.AWS, nil, model.Passthrough, model.WhenNoMatch, jsonTemplate, "image/png", bhvPNG,
			expect{200, AsText, "request-table-1", lossy(bhvPNG), nil, "-"}},
		// §1.6, §2.3 last row (A): CONVERT_TO_BINARY + a matching request
		// template → 500, the integration gets nothing.
		{"CONVERT_TO_BINARY + matching template", model.AWS, nil, model.ConvertToBinary, model.WhenNoMatch, jsonTemplate, "application/json", []byte(b64(bhvGzip)),
			expect{500, Rejected, "template-binary-500", nil, nil, ""}},
		// §2.3 second-to-last row (A): CONVERT_TO_BINARY, template unmatched →
		// passthrough, decoded.
		{"CONVERT_TO_BINARY, template unmatched", model.AWS, nil, model.ConvertToBinary, model.WhenNoMatch, jsonTemplate, "image/png", []byte(b64(bhvGzip)),
			expect{200, Base64Decode, "request-table-2", bhvGzip, nil, "-"}},
		// §8.1: */* + MOCK + JSON request template, no Content-Type, no
		// contentHandling: the empty OPTIONS body is binary → 500.
		{"CORS preflight with */*", model.Mock, []string{"*/*"}, model.Passthrough, model.WhenNoMatch, corsTemplate, "", []byte{},
			expect{500, Rejected, "template-binary-500", nil, nil, ""}},
		// §8.1: the fix, CONVERT_TO_TEXT on the integration → 200 and the
		// template is rendered.
		{"CORS preflight with */*, CONVERT_TO_TEXT", model.Mock, []string{"*/*"}, model.ConvertToText, model.WhenNoMatch, corsTemplate, "", []byte{},
			expect{200, Base64Encode, "passthrough-template", []byte(`{"statusCode": 200}`), nil, "application/json"}},
		// §1.6, §8.2 (A+B): CONVERT_TO_TEXT + $input.body: the template sees
		// the base64 of the PNG.
		{"CONVERT_TO_TEXT + $input.body + PNG", model.AWS, pngList, model.ConvertToText, model.WhenNoMatch,
			[]Template{{ContentType: "image/png", Body: `{"img": "$input.body"}`}}, "image/png", bhvPNG,
			expect{200, Base64Encode, "passthrough-template", []byte(`{"img": "` + b64(bhvPNG) + `"}`), nil, "image/png"}},
		// §1.4, §2.3 (A): CONVERT_TO_BINARY on a text that is not base64 →
		// 500, the integration is not called.
		{"CONVERT_TO_BINARY, invalid base64", model.AWS, pngList, model.ConvertToBinary, model.WhenNoMatch, nil, "text/plain", bhvText,
			expect{500, Rejected, "base64-decode-500", nil, nil, ""}},
		{"CONVERT_TO_BINARY, no list, gzip", model.AWS, nil, model.ConvertToBinary, model.WhenNoMatch, nil, "image/png", bhvGzip,
			expect{500, Rejected, "base64-decode-500", nil, nil, ""}},
		// §2.3 (A): CONVERT_TO_TEXT base64-encodes base64 text again.
		{"CONVERT_TO_TEXT, base64 text encoded again", model.AWS, pngList, model.ConvertToText, model.WhenNoMatch, nil, "image/png", []byte(b64(bhvGzip)),
			expect{200, Base64Encode, "request-table-9", []byte(b64([]byte(b64(bhvGzip)))), nil, "-"}},
		// §1.7: a template for application/json applies to a request with no
		// Content-Type.
		{"no Content-Type uses the application/json template", model.AWS, pngList, model.Passthrough, model.Never, jsonTemplate, "", bhvJSON,
			expect{200, AsText, "passthrough-template", []byte(`{"body": "` + string(bhvJSON) + `"}`), nil, "application/json"}},
	}
	for _, c := range cases {
		cfg := Config{Kind: model.RESTAPI, Integration: c.integration, BinaryMediaTypes: c.list,
			ContentHandling: c.ch, Passthrough: c.pt, RequestTemplates: c.templates}
		req := Request{ContentType: c.contentType, HasContentType: c.contentType != "", Body: c.body}
		checkResult(t, c.name, SimulateRequest(cfg, req), c.want)
	}
}

func TestHTTPAPI(t *testing.T) {
	// §8.5: binaryMediaTypes are ignored, so a list that would match is set
	// on purpose.
	list := []string{"image/png", "application/json"}
	requests := []struct {
		name        string
		contentType string
		body        []byte
		want        expect
	}{
		{"application/json is text", "application/json", bhvJSON,
			expect{200, AsText, "http-api-request", bhvJSON, nil, ""}},
		{"application/json; charset=utf-8 is text", "application/json; charset=utf-8", bhvJSON,
			expect{200, AsText, "http-api-request", bhvJSON, nil, ""}},
		{"text/plain is text", "text/plain", bhvText,
			expect{200, AsText, "http-api-request", bhvText, nil, ""}},
		{"text/plain; charset=iso-8859-1 is base64", "text/plain; charset=iso-8859-1", []byte("caf\xe9"),
			expect{200, Base64Encode, "http-api-request", []byte(b64([]byte("caf\xe9"))), nil, ""}},
		{"no Content-Type is base64", "", bhvText,
			expect{200, Base64Encode, "http-api-request", []byte(b64(bhvText)), nil, ""}},
		{"form-urlencoded is base64", "application/x-www-form-urlencoded", []byte("a=1&b=two"),
			expect{200, Base64Encode, "http-api-request", []byte(b64([]byte("a=1&b=two"))), nil, ""}},
		{"image/png is base64", "image/png", bhvPNG,
			expect{200, Base64Encode, "http-api-request", []byte(b64(bhvPNG)), nil, ""}},
	}
	for _, c := range requests {
		cfg := Config{Kind: model.HTTPAPI, Integration: model.AWSProxy, BinaryMediaTypes: list}
		req := Request{ContentType: c.contentType, HasContentType: c.contentType != "", Body: c.body}
		checkResult(t, "request "+c.name, SimulateRequest(cfg, req), c.want)
	}

	png64 := b64(bhvPNG)
	responses := []struct {
		name   string
		list   []string
		accept string
		output []byte
		want   expect
	}{
		// §8.5: decoded whenever isBase64Encoded is true, whatever the Accept.
		{"decoded for a text Accept", nil, "text/html", lambdaJSON(png64, true, ""),
			expect{200, Base64Decode, "http-api-response", bhvPNG, nil, ""}},
		{"decoded for a browser navigation", list, chromeNavigation, lambdaJSON(png64, true, ""),
			expect{200, Base64Decode, "http-api-response", bhvPNG, nil, ""}},
		{"isBase64Encoded false is verbatim", list, "image/png", lambdaJSON(png64, false, ""),
			expect{200, Unchanged, "http-api-response", []byte(png64), nil, ""}},
		// §3 (HTTP API row), §8.5: unknown keys are ignored.
		{"unknown keys ignored", nil, "*/*", []byte(`{"statusCode": 201, "body": "hi", "cookies": ["a=b"], "bogus": 1}`),
			expect{201, Unchanged, "http-api-response", []byte("hi"), nil, ""}},
		// Every output an HTTP API cannot read is 500 with its own body
		// (recorded-behaviours.md §3), not a REST API's 502.
		{"not JSON is 500", nil, "*/*", []byte("oops"),
			expect{500, Rejected, "http-api-lambda-500", httpAPIErrorBody, nil, ""}},
	}
	for _, c := range responses {
		cfg := Config{Kind: model.HTTPAPI, Integration: model.AWSProxy, BinaryMediaTypes: c.list}
		resp := Response{Accept: c.accept, HasAccept: true, LambdaOutput: c.output}
		checkResult(t, "response "+c.name, SimulateResponse(cfg, resp), c.want)
	}
}

func TestResponseStreaming(t *testing.T) {
	png64 := b64(bhvPNG)
	cases := []struct {
		name        string
		integration model.IntegrationType
		mode        model.TransferMode
		list        []string
		resp        Response
		want        expect
	}{
		// §8.6, §5.1 responseTransferMode (B): STREAM sends binary without
		// binary media types.
		{"http_proxy STREAM, empty list", model.HTTPProxy, model.Stream, nil,
			Response{Accept: "text/html", HasAccept: true, ContentType: "image/png", HasContentType: true, Body: bhvPNG},
			expect{200, Unchanged, "response-streaming", bhvPNG, accepts("text/html", false), ""}},
		// For contrast, §1.3 and §9 Q7: the same buffered is text, lossy.
		{"http_proxy BUFFERED, empty list", model.HTTPProxy, model.Buffered, nil,
			Response{Accept: "text/html", HasAccept: true, ContentType: "image/png", HasContentType: true, Body: bhvPNG},
			expect{200, AsText, "response-table-1", lossy(bhvPNG), accepts("text/html", false), ""}},
		// §8.6: aws_proxy STREAM with isBase64Encoded → decoded whatever the
		// Accept. The body is base64-decoded, so the action is Base64Decode
		// (Action's own definition: "base64 text becomes binary").
		{"aws_proxy STREAM, isBase64Encoded", model.AWSProxy, model.Stream, []string{"image/png"},
			Response{Accept: "text/html", HasAccept: true, LambdaOutput: lambdaJSON(png64, true, "")},
			expect{200, Base64Decode, "response-streaming", bhvPNG, accepts("text/html", false), ""}},
		{"aws_proxy STREAM, isBase64Encoded false", model.AWSProxy, model.Stream, nil,
			Response{Accept: "image/png", HasAccept: true, LambdaOutput: lambdaJSON(png64, false, "")},
			expect{200, Unchanged, "response-streaming", []byte(png64), accepts("image/png", false), ""}},
		{"aws_proxy STREAM, invalid base64", model.AWSProxy, model.Stream, nil,
			Response{Accept: "text/html", HasAccept: true, LambdaOutput: lambdaJSON(string(bhvText), true, "")},
			expect{500, Rejected, "base64-decode-500", nil, accepts("text/html", false), ""}},
	}
	for _, c := range cases {
		cfg := Config{Kind: model.RESTAPI, Integration: c.integration, TransferMode: c.mode, BinaryMediaTypes: c.list}
		checkResult(t, c.name, SimulateResponse(cfg, c.resp), c.want)
	}
}

func str(raw string) model.Field[string] {
	return model.Field[string]{Value: raw, Raw: raw, Tag: source.TagStr, Set: true}
}

func named(pairs ...string) []model.Named {
	var out []model.Named
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, model.Named{Name: str(pairs[i]), Value: str(pairs[i+1])})
	}
	return out
}

// §5.1: ConfigFor reads binaryMediaTypes (strings only), the integration's
// contentHandling, passthroughBehavior, transfer mode and templates, and
// every integration response with its own contentHandling and templates.
func TestConfigForHandBuilt(t *testing.T) {
	api := &model.API{Kind: model.RESTAPI, BinaryMediaTypes: model.BinaryMediaTypes{Entries: []model.MediaType{
		{Field: str("image/png")},
		{Field: model.Field[string]{Value: "42", Raw: "42", Tag: source.TagInt, Set: true}},
		{Field: model.Field[string]{Value: "BinaryTypes", Raw: "BinaryTypes", Tag: "!Ref", Set: true}},
		{Field: model.Field[string]{Tag: source.TagMap, Set: true}},
		{Field: str("*/*")},
	}}}
	op := &model.Operation{Method: "POST", Path: "/img", Integration: &model.Integration{
		Type:                 model.Field[model.IntegrationType]{Value: model.AWS, Raw: "aws", Tag: source.TagStr, Set: true},
		ContentHandling:      model.Field[model.ContentHandling]{Value: model.ConvertToText, Raw: "CONVERT_TO_TEXT", Tag: source.TagStr, Set: true},
		PassthroughBehavior:  model.Field[model.PassthroughBehavior]{Value: model.Never, Raw: "never", Tag: source.TagStr, Set: true},
		ResponseTransferMode: model.Field[model.TransferMode]{Value: model.Stream, Raw: "STREAM", Tag: source.TagStr, Set: true},
		RequestTemplates:     named("application/json", `{"b": "$input.body"}`, "image/png", "$input.body"),
		Responses: []*model.IntegrationResponse{
			{Pattern: str("default"), StatusCode: str("200"),
				ContentHandling:   model.Field[model.ContentHandling]{Value: model.ConvertToBinary, Raw: "CONVERT_TO_BINARY", Tag: source.TagStr, Set: true},
				ResponseTemplates: named("image/png", "$input.body")},
			{Pattern: str(`4\d{2}`), StatusCode: str("404")},
		},
	}}
	got := ConfigFor(api, op)
	want := Config{
		Kind:             model.RESTAPI,
		BinaryMediaTypes: []string{"image/png", "*/*"},
		Integration:      model.AWS,
		ContentHandling:  model.ConvertToText,
		Passthrough:      model.Never,
		TransferMode:     model.Stream,
		RequestTemplates: []Template{{"application/json", `{"b": "$input.body"}`}, {"image/png", "$input.body"}},
		Responses: []IntegrationResponse{
			{Pattern: "default", StatusCode: "200", ContentHandling: model.ConvertToBinary, Templates: []Template{{"image/png", "$input.body"}}},
			{Pattern: `4\d{2}`, StatusCode: "404"},
		},
	}
	if g, w := fmt.Sprintf("%+v", got), fmt.Sprintf("%+v", want); g != w {
		t.Errorf("ConfigFor:\n got %s\nwant %s", g, w)
	}

	// An operation without an integration keeps the API's settings only.
	bare := ConfigFor(&model.API{Kind: model.HTTPAPI}, &model.Operation{Method: "GET", Path: "/"})
	if g, w := fmt.Sprintf("%+v", bare), fmt.Sprintf("%+v", Config{Kind: model.HTTPAPI}); g != w {
		t.Errorf("ConfigFor without integration:\n got %s\nwant %s", g, w)
	}
}

// §5.1 through the importer: an OpenAPI document to a Config, then a
// simulated exchange with it.
func TestConfigForImported(t *testing.T) {
	doc := `{
  "openapi": "3.0.1",
  "info": {"title": "images", "version": "1"},
  "x-amazon-apigateway-binary-media-types": ["image/png", 42, {"Ref": "Types"}, "image/jpeg"],
  "paths": {
    "/img": {
      "post": {
        "responses": {"200": {"description": "ok"}, "404": {"description": "missing"}},
        "x-amazon-apigateway-integration": {
          "type": "aws",
          "uri": "arn:aws:apigateway:us-east-1:s3:path/bucket/key",
          "httpMethod": "PUT",
          "requestParameters": {"integration.request.header.Accept": "'image/png'"},
          "contentHandling": "CONVERT_TO_TEXT",
          "passthroughBehavior": "when_no_templates",
          "requestTemplates": {"image/png": "{\"img\": \"$input.body\"}"},
          "responses": {
            "4\\d{2}": {"statusCode": "404"},
            "default": {
              "statusCode": "200",
              "contentHandling": "CONVERT_TO_BINARY",
              "responseTemplates": {"application/json": "{\"ok\": true}"}
            }
          }
        }
      }
    }
  }
}`
	imported := importer.Bytes("images.json", []byte(doc), "", importer.Options{})
	if len(imported.Diagnostics) > 0 || len(imported.APIs) != 1 || len(imported.APIs[0].Operations) != 1 {
		t.Fatalf("import: %+v", imported.Diagnostics)
	}
	api := imported.APIs[0]
	cfg := ConfigFor(api, api.Operations[0])
	want := Config{
		Kind:              model.RESTAPI,
		BinaryMediaTypes:  []string{"image/png", "image/jpeg"},
		Integration:       model.AWS,
		ContentHandling:   model.ConvertToText,
		Passthrough:       model.WhenNoTemplates,
		RequestTemplates:  []Template{{"image/png", `{"img": "$input.body"}`}},
		RequestParameters: map[string]string{"integration.request.header.Accept": "'image/png'"},
		HTTPMethod:        "PUT",
		Responses: []IntegrationResponse{
			{Pattern: `4\d{2}`, StatusCode: "404"},
			{Pattern: "default", StatusCode: "200", ContentHandling: model.ConvertToBinary, Templates: []Template{{"application/json", `{"ok": true}`}}},
		},
	}
	if g, w := fmt.Sprintf("%+v", cfg), fmt.Sprintf("%+v", want); g != w {
		t.Fatalf("ConfigFor:\n got %s\nwant %s", g, w)
	}

	// The imported settings at work: a PNG upload goes into the template
	// as base64 (§1.6); a text upload has no template → 415 (§1.7); a 404
	// from the backend is selected by 4\d{2} and converted as text; the
	// default response's CONVERT_TO_BINARY template gives 500 (§1.6).
	out := Simulate(cfg, Exchange{
		Request:  &Request{ContentType: "image/png", HasContentType: true, Body: bhvPNG},
		Response: &Response{Accept: "application/json", HasAccept: true, Status: 404, ContentType: "application/json", HasContentType: true, Body: bhvJSON},
	})
	checkResult(t, "imported request", out.Request,
		expect{200, Base64Encode, "passthrough-template", []byte(`{"img": "` + b64(bhvPNG) + `"}`), nil, "image/png"})
	checkResult(t, "imported 404 response", out.Response,
		expect{404, AsText, "response-table-4", bhvJSON, accepts("application/json", false), "-"})
	checkResult(t, "imported text request", SimulateRequest(cfg, Request{ContentType: "text/plain", HasContentType: true, Body: bhvText}),
		expect{415, Rejected, "passthrough-415", nil, nil, ""})
	checkResult(t, "imported 200 response", SimulateResponse(cfg, Response{Accept: "application/json", HasAccept: true, Status: 200, ContentType: "image/png", HasContentType: true, Body: bhvPNG}),
		expect{500, Rejected, "template-binary-500", nil, accepts("application/json", false), ""})
}

// recorded-behaviours.md §6 (A: test_lambda_selection_patterns): a
// non-proxy Lambda's selection patterns match its errorMessage, in order;
// a result goes to the default.
func TestLambdaSelection(t *testing.T) {
	cases := []struct {
		errorMessage *string
		status       int
	}{
		{nil, 200},
		{ptr("it was four hundred and four"), 405},
		{ptr("boom"), 502},
		{ptr("200"), 502}, // ".+" comes before "200"
	}
	for _, c := range cases {
		res := SimulateResponse(lambdaSelection(), Response{Accept: "*/*", HasAccept: true, LambdaOutput: []byte(`"Pass"`)})
		if c.errorMessage != nil {
			res = SimulateResponse(lambdaSelection(), Response{Accept: "*/*", HasAccept: true, LambdaError: c.errorMessage})
		}
		if res.Status != c.status || res.ContentType != "application/json" {
			t.Errorf("error %v: status %d %s, want %d application/json\n  steps: %s", c.errorMessage, res.Status, res.ContentType, c.status, strings.Join(res.Steps, " | "))
		}
	}
}

// recorded-behaviours.md §4 (A-: chalice, SAM): contentHandling and
// passthroughBehavior do nothing on aws_proxy, and the steps say so.
func TestLambdaProxyInert(t *testing.T) {
	cfg := Config{Kind: model.RESTAPI, Integration: model.AWSProxy, BinaryMediaTypes: []string{"image/png"},
		ContentHandling: model.ConvertToBinary, Passthrough: model.Never, RequestTemplates: []Template{{ContentType: "application/xml", Body: "x"}}}
	res := SimulateRequest(cfg, Request{Body: []byte{}})
	if res.Status != 200 || !strings.Contains(strings.Join(res.Steps, " "), "passthroughBehavior has no effect") {
		t.Errorf("NEVER on aws_proxy: status %d, steps %q", res.Status, res.Steps)
	}
	res = SimulateRequest(cfg, Request{ContentType: "image/png", HasContentType: true, Body: bhvPNG})
	checkResult(t, "CONVERT_TO_BINARY on aws_proxy", res, expect{200, Base64Encode, "lambda-proxy-request", []byte(b64(bhvPNG)), nil, "-"})
}

// recorded-behaviours.md §5 (A: test_http_integration_with_lambda): an
// http_proxy integration passes the backend's status through.
func TestHTTPProxyStatus(t *testing.T) {
	res := SimulateResponse(Config{Kind: model.RESTAPI, Integration: model.HTTPProxy}, Response{Accept: "*/*", HasAccept: true, Status: 404, ContentType: "application/json", HasContentType: true, Body: bhvJSON})
	checkResult(t, "http_proxy 404", res, expect{404, AsText, "response-table-1", bhvJSON, accepts("*/*", false), "-"})
}

// recorded-behaviours.md §6 (A: an AWS_PROXY integration with httpMethod
// GET): Lambda is invoked with POST only, so any other method is 500, with
// the REST body, and the integration is not called.
func TestLambdaInvokeMethod(t *testing.T) {
	for method, status := range map[string]int{"GET": 500, "post": 200, "": 200} {
		cfg := Config{Kind: model.RESTAPI, Integration: model.AWSProxy, HTTPMethod: method}
		res := SimulateRequest(cfg, Request{ContentType: "application/json", HasContentType: true, Body: bhvJSON})
		if res.Status != status || (status == 500 && !bytes.Equal(res.Body, restErrorBody)) {
			t.Errorf("httpMethod %q: status %d body %q, want %d", method, res.Status, res.Body, status)
		}
	}
}

// recorded-behaviours.md §3 (A: W2-032): a REST API sends application/json
// when the Lambda names no Content-Type (an HTTP API sends text/plain).
func TestLambdaDefaultContentType(t *testing.T) {
	res := SimulateResponse(Config{Kind: model.RESTAPI, Integration: model.AWSProxy}, Response{LambdaOutput: []byte(`{"statusCode": 200, "body": "hi"}`)})
	if res.ContentType != "application/json" {
		t.Errorf("Content-Type %q, want application/json", res.ContentType)
	}
}
