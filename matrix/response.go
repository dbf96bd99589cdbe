package matrix

import (
	"regexp"
	"strconv"

	"github.com/apigw-oas/apigw-oas/mediatype"
	"github.com/apigw-oas/apigw-oas/model"
)

// SimulateResponse follows a response body from the integration to the
// client.
func SimulateResponse(c Config, resp Response) *Outcome {
	res := &Outcome{Status: 200}
	m := mediatype.NewMatcher(c.BinaryMediaTypes)
	if c.Kind == model.HTTPAPI {
		return simulateHTTPAPIResponse(c, resp, res)
	}
	acceptsBinary := firstAccept(res, m, resp)
	switch {
	case c.Integration == model.AWSProxy:
		return lambdaResponse(c, resp, res, acceptsBinary)
	case c.TransferMode == model.Stream && c.Integration == model.HTTPProxy:
		res.ContentType = resp.ContentType
		return streamed(res, Unchanged, resp.Body)
	}
	res.ContentType = resp.ContentType
	if !resp.HasContentType {
		res.ContentType = defaultContentType
		res.step("the integration response has no Content-Type; it is taken as application/json, like a request's (an assumption)")
	}
	classify(res, m, res.ContentType, "integration response Content-Type")
	if c.Integration == model.HTTPProxy {
		res.step("http_proxy integrations have no integration responses; the response table is followed with contentHandling unset (unverified; see docs/matrix.md)")
		behavior, action := responseRow(m.Empty(), res.Binary, acceptsBinary, model.Passthrough)
		return convert(res, behavior, action, resp.Body, false)
	}
	return nonProxyResponse(c, resp, res, acceptsBinary)
}

// firstAccept classifies the first media range of Accept, the only one API
// Gateway reads.
func firstAccept(res *Outcome, m mediatype.Matcher, resp Response) bool {
	first, ok := mediatype.FirstRange(resp.Accept)
	if !resp.HasAccept || !ok {
		res.AcceptFirst, res.AcceptsBinary = ptr(""), ptr(false)
		res.step("the request has no Accept header, so the client is taken to accept text (an assumption; see docs/matrix.md)")
		return false
	}
	entry, matched := m.Match(first)
	res.AcceptFirst, res.AcceptsBinary = ptr(first), ptr(matched)
	if matched {
		res.AcceptMatched = ptr(entry)
		res.step("Accept's first media range " + first + " matches the binary media type " + entry + ", so the client accepts binary")
	} else {
		res.step("Accept's first media range " + first + " matches no binary media type, so the client accepts text")
	}
	return matched
}

func nonProxyResponse(c Config, resp Response, res *Outcome, acceptsBinary bool) *Outcome {
	status := resp.Status
	if status == 0 {
		status = 200
	}
	ir, found := selectResponse(c.Responses, status, res)
	if !found {
		return res.fail(500, NoIntegrationResponse, "no integration response matches status "+strconv.Itoa(status)+" and none is the default: 500")
	}
	if code, err := strconv.Atoi(ir.StatusCode); err == nil {
		res.Status = code
	}
	if ir.ContentHandling == model.ContentHandlingInvalid {
		res.step("the integration response's contentHandling has an invalid value; it is simulated as unset")
	}
	behavior, action := responseRow(len(c.BinaryMediaTypes) == 0, res.Binary, acceptsBinary, ir.ContentHandling)
	tmpl, hasTemplate := responseTemplate(ir.Templates, *res.AcceptFirst)
	convert(res, behavior, action, resp.Body, false)
	if !hasTemplate || res.Action == Rejected {
		return res
	}
	res.Template = ptr(tmpl.ContentType)
	if action == Unchanged || action == Base64Decode {
		return res.fail(500, BinaryIntoVTL, "the response template for "+tmpl.ContentType+" applies, but the payload is binary after conversion: 500")
	}
	if resp.Body != nil {
		res.Body = render(tmpl.Body, res.Body)
	}
	res.step("the response template for " + tmpl.ContentType + " applies; its $input.body is the converted payload")
	return res
}

// selectResponse picks the integration response whose selection pattern
// matches the backend status, else the default one. Patterns are matched
// against the whole status, in the order they are written.
func selectResponse(responses []IntegrationResponse, status int, res *Outcome) (IntegrationResponse, bool) {
	code := strconv.Itoa(status)
	var fallback *IntegrationResponse
	for i, ir := range responses {
		if ir.Pattern == "default" || ir.Pattern == "" {
			fallback = &responses[i]
			continue
		}
		re, err := regexp.Compile("^(?:" + ir.Pattern + ")$")
		if err != nil {
			res.step("the selection pattern " + ir.Pattern + " is not a regular expression apigw-oas can read; it is skipped")
			continue
		}
		if re.MatchString(code) {
			res.step("status " + code + " matches the selection pattern " + ir.Pattern + " (integration response " + ir.StatusCode + ")")
			return ir, true
		}
	}
	if fallback != nil {
		res.step("status " + code + " falls to the default integration response (" + fallback.StatusCode + ")")
		return *fallback, true
	}
	return IntegrationResponse{}, false
}

// streamed is a response sent with responseTransferMode STREAM: binary
// reaches the client without binary media types. A Lambda's base64 body
// has been decoded (action Base64Decode) before it streams.
func streamed(res *Outcome, action Action, body []byte) *Outcome {
	res.Binary, res.Behavior, res.Action, res.Body = true, Streaming, action, body
	res.step("responseTransferMode is STREAM: the response streams to the client whatever the binary media types")
	return res
}

// binaryLambdaOutput is what a Lambda proxy returns for binary content when
// it does its part right: the bytes base64-encoded, with isBase64Encoded.
const binaryLambdaOutput = `{"statusCode": 200, "isBase64Encoded": true, "body": "iVBORw0KGgo="}`

// ServeBinary simulates a client with the given Accept header fetching
// binary content of mediaType from the operation: the integration answers
// with that Content-Type, or a Lambda proxy with a base64 body. It answers
// "what does this client get?" for explain's table and the browser rule.
func ServeBinary(c Config, accept, mediaType string) *Outcome {
	return SimulateResponse(c, Response{Accept: accept, HasAccept: true, ContentType: mediaType, HasContentType: true, LambdaOutput: []byte(binaryLambdaOutput)})
}
