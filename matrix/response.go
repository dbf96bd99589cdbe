package matrix

import (
	"strconv"

	"github.com/apigw-oas/apigw-oas/mediatype"
	"github.com/apigw-oas/apigw-oas/model"
)

// SimulateResponse follows a response body from the integration to the
// client.
func SimulateResponse(c Config, resp Response) *Outcome {
	res := &Outcome{Status: 200}
	m := mediatype.NewMatcher(c.BinaryMediaTypes)
	switch {
	case c.Kind == model.WebSocketAPI:
		return simulateWebSocketResponse(c, res)
	case c.Unknown.Integration:
		return deployTimeUnknown(res, "the integration type is computed at deploy time, so what happens")
	case c.Kind == model.HTTPAPI:
		return simulateHTTPAPIResponse(c, resp, res)
	}
	acceptsBinary := firstAccept(res, m, resp, c.Unknown.BinaryMediaTypes)
	acceptUnknown := !acceptsBinary && c.Unknown.BinaryMediaTypes
	switch {
	case c.Integration == model.AWSProxy:
		return lambdaResponse(c, resp, res, acceptsBinary, acceptUnknown)
	case acceptUnknown && c.TransferMode != model.Stream:
		return deployTimeUnknown(res, "whether the client accepts binary")
	case c.TransferMode == model.Stream && c.Integration == model.HTTPProxy:
		res.ContentType = resp.ContentType
		return streamed(res, Unchanged, resp.Body)
	}
	lambda := c.Integration == model.AWS && (resp.LambdaOutput != nil || resp.LambdaError != nil)
	if lambda {
		resp = lambdaResult(res, resp)
	}
	res.ContentType = resp.ContentType
	if !resp.HasContentType {
		res.ContentType = defaultContentType
		res.step("the integration response has no Content-Type; it is taken as application/json, like a request's (an assumption)")
	}
	if !classify(res, m, res.ContentType, "integration response Content-Type", c.Unknown.BinaryMediaTypes) {
		return deployTimeUnknown(res, "whether the payload is binary")
	}
	if c.Integration == model.HTTPProxy {
		return httpProxyResponse(res, resp, m.Empty(), acceptsBinary)
	}
	if _, mapped := c.parameter(acceptParameter); c.Integration == model.HTTP && !mapped {
		res.step("the backend was sent Accept: " + BackendAccept + ", not the client's: the Content-Type it answered with is its answer to that")
	}
	var ir IntegrationResponse
	var found bool
	if lambda {
		ir, found = selectByError(c.Responses, resp.LambdaError, res)
	} else {
		ir, found = selectByStatus(c.Responses, backendStatus(resp), res)
	}
	if !found {
		return res.fail(500, NoIntegrationResponse, "no integration response is selected and none is the default: 500")
	}
	return nonProxyResponse(c, resp, res, ir, acceptsBinary)
}

// httpProxyResponse passes the backend's status through and follows the
// response table for the body.
func httpProxyResponse(res *Outcome, resp Response, listEmpty, acceptsBinary bool) *Outcome {
	res.Status = backendStatus(resp)
	res.step("http_proxy passes the backend's status " + strconv.Itoa(res.Status) + " and the client's Accept through (" + recordedHTTP + ")")
	res.step("http_proxy integrations have no integration responses; the response table is followed with contentHandling unset (unverified; see docs/matrix.md)")
	behavior, action := responseRow(listEmpty, res.Binary, acceptsBinary, model.Passthrough)
	return convert(res, behavior, action, resp.Body, false)
}

// lambdaResult is what a non-proxy Lambda (aws) integration answers: its
// result, or its error object, as JSON. A proxy-shaped result (statusCode,
// body, isBase64Encoded) is returned as it is: those keys mean nothing here.
func lambdaResult(res *Outcome, resp Response) Response {
	resp.ContentType, resp.HasContentType, resp.Body = defaultContentType, true, resp.LambdaOutput
	if resp.LambdaError != nil {
		resp.Body = nil
		res.step("the Lambda failed with errorMessage " + strconv.Quote(*resp.LambdaError) + "; its error object (errorMessage, errorType, stackTrace) is the integration response, as application/json")
		return resp
	}
	res.step("the Lambda's result is the integration response, as application/json; keys such as statusCode or isBase64Encoded in it mean nothing to a non-proxy integration (" + recordedAWS + ")")
	return resp
}

// backendStatus is the status a non-proxy or http_proxy backend answered
// with; 200 when not given.
func backendStatus(resp Response) int {
	if resp.Status == 0 {
		return 200
	}
	return resp.Status
}

// firstAccept classifies the first media range of Accept, the only one API
// Gateway reads. A request without Accept (or with an empty one) is
// matched as */*. listUnknown says some entry is computed at deploy time.
func firstAccept(res *Outcome, m mediatype.Matcher, resp Response, listUnknown bool) bool {
	first, ok := mediatype.FirstRange(resp.Accept)
	if !resp.HasAccept || !ok {
		return absentAccept(res, m, listUnknown)
	}
	entry, matched := m.Match(first)
	res.AcceptFirst, res.AcceptsBinary = ptr(first), ptr(matched)
	switch {
	case matched:
		res.AcceptMatched = ptr(entry)
		res.step("Accept's first media range " + first + " matches the binary media type " + entry + ", so the client accepts binary")
	case listUnknown:
		res.AcceptsBinaryUnknown = true
		res.step("Accept's first media range " + first + " matches none of the known binary media types, but another is computed at deploy time and may match it")
	default:
		res.step("Accept's first media range " + first + " matches no binary media type, so the client accepts text")
	}
	return matched
}

// absentAccept answers a request without an Accept header as Accept */*:
// recorded with */* in the list, an assumption without it.
func absentAccept(res *Outcome, m mediatype.Matcher, listUnknown bool) bool {
	entry, matched := m.Match(mediatype.AbsentAccept)
	res.AcceptFirst, res.AcceptsBinary = ptr(""), ptr(matched)
	switch {
	case matched:
		res.AcceptMatched = ptr(entry)
		res.step("the request has no Accept header; API Gateway matches it as */*, which the binary media type " + entry + " matches, so the client accepts binary (" + recordedNoAccept + ")")
	case listUnknown:
		res.AcceptsBinaryUnknown = true
		res.step("the request has no Accept header; it is matched as */*, which a binary media type computed at deploy time may be")
	case m.Empty():
		res.step("the request has no Accept header, and the API has no binary media types, so the client is answered as one that accepts text")
	default:
		res.step("the request has no Accept header; it is matched as */*, which only a */* entry would match, so the client is taken to accept text (unrecorded without */* in the list: an assumption; see docs/matrix.md)")
	}
	return matched
}

func nonProxyResponse(c Config, resp Response, res *Outcome, ir IntegrationResponse, acceptsBinary bool) *Outcome {
	if ir.ContentHandlingUnknown {
		return deployTimeUnknown(res, "the "+ir.Pattern+" integration response's contentHandling is computed at deploy time, so the conversion")
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
	responseOverride(res, tmpl.Body)
	return res
}

// selectByStatus picks the integration response whose selection pattern
// matches the backend status, else the default one (recorded: a backend
// 201 that no pattern matches reaches the client with the default's
// status).
func selectByStatus(responses []IntegrationResponse, status int, res *Outcome) (IntegrationResponse, bool) {
	code := strconv.Itoa(status)
	return selectResponse(responses, &code, "status "+code, res)
}

// selectByError picks a non-proxy Lambda's integration response: selection
// patterns match the errorMessage of a Lambda that failed, never a status;
// a Lambda that returned gets the default one.
func selectByError(responses []IntegrationResponse, errorMessage *string, res *Outcome) (IntegrationResponse, bool) {
	if errorMessage == nil {
		res.step("the Lambda returned without an error, and selection patterns match only an errorMessage")
		return selectResponse(responses, nil, "the result", res)
	}
	return selectResponse(responses, errorMessage, "the errorMessage "+strconv.Quote(*errorMessage), res)
}

// selectResponse matches each selection pattern against the whole subject,
// in the order they are written, then falls to the default; a nil subject
// goes to the default.
func selectResponse(responses []IntegrationResponse, subject *string, what string, res *Outcome) (IntegrationResponse, bool) {
	var fallback *IntegrationResponse
	for i, ir := range responses {
		if ir.Pattern == "default" || ir.Pattern == "" {
			fallback = &responses[i]
			continue
		}
		if subject == nil {
			continue
		}
		re := selectionPattern(ir.Pattern)
		if re == nil {
			res.step("the selection pattern " + ir.Pattern + " is not a regular expression apigw-oas can read; it is skipped")
			continue
		}
		if re.MatchString(*subject) {
			res.step(what + " matches the selection pattern " + ir.Pattern + " (integration response " + ir.StatusCode + ")")
			return ir, true
		}
	}
	if fallback != nil {
		res.step(what + " falls to the default integration response (" + fallback.StatusCode + ")")
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
	resp := Response{Accept: accept, HasAccept: true, ContentType: mediaType, HasContentType: true}
	if c.Integration == model.AWSProxy {
		resp.LambdaOutput = []byte(binaryLambdaOutput)
	}
	return SimulateResponse(c, resp)
}

// ResponseTypes are the media types a table of what clients receive
// simulates for an operation: those its 2xx responses declare, else
// application/json, what a non-proxy integration answering without a
// Content-Type is taken as.
func ResponseTypes(op *model.Operation) []string {
	if types := op.SuccessTypes(); types != nil {
		return types
	}
	return []string{"application/json"}
}
