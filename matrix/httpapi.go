package matrix

import (
	"strings"

	"github.com/apigw-oas/apigw-oas/mediatype"
	"github.com/apigw-oas/apigw-oas/model"
)

// HTTP APIs (v2) ignore binaryMediaTypes and contentHandling (§8.5).

// simulateHTTPAPIRequest: a Lambda receives the body as text only for text types
// in UTF-8; everything else, a missing Content-Type included, as base64.
func simulateHTTPAPIRequest(c Config, req Request, res *Outcome) *Outcome {
	res.ContentType = req.ContentType
	res.step("HTTP APIs ignore binary media types")
	if c.Integration != model.AWSProxy {
		res.Behavior, res.Action, res.Body = HTTPAPIProxy, Unchanged, req.Body
		res.step("the body passes to the HTTP integration unchanged")
		return res
	}
	if req.HasContentType && isHTTPAPIText(req.ContentType) {
		res.step("the Content-Type " + req.ContentType + " is a text type, so the Lambda event carries the body as text")
		return convert(res, HTTPAPIRequest, AsText, req.Body, true)
	}
	res.Binary = true
	res.step("the Content-Type is absent or not a UTF-8 text type, so the Lambda event carries the body base64-encoded with isBase64Encoded: true")
	return convert(res, HTTPAPIRequest, Base64Encode, req.Body, true)
}

// isHTTPAPIText reports the media types an HTTP API hands to Lambda as
// text: text/*, application/json, application/xml and
// application/javascript, with no charset or a UTF-8 one.
func isHTTPAPIText(contentType string) bool {
	t, err := mediatype.Parse(contentType)
	if err != nil {
		return false
	}
	for _, p := range t.Params {
		if strings.EqualFold(p.Name, "charset") && !strings.EqualFold(p.Value, "utf-8") {
			return false
		}
	}
	switch e := t.Essence(); {
	case strings.HasPrefix(e, "text/"), e == "application/json", e == "application/xml", e == "application/javascript":
		return true
	}
	return false
}

// simulateHTTPAPIResponse: a Lambda body is decoded whenever isBase64Encoded is
// true, whatever the client accepts.
func simulateHTTPAPIResponse(c Config, resp Response, res *Outcome) *Outcome {
	res.step("HTTP APIs ignore binary media types and the Accept header")
	if c.Integration != model.AWSProxy {
		res.ContentType = resp.ContentType
		res.Behavior, res.Action, res.Body = HTTPAPIProxy, Unchanged, resp.Body
		return res
	}
	out, status, err := parseLambdaOutput(resp.LambdaOutput, false)
	if err != nil {
		return res.fail(502, LambdaMalformed, err.Error()+": 502")
	}
	res.Status = status
	var body []byte
	if out.Body != nil {
		body = []byte(*out.Body)
	}
	if !out.IsBase64Encoded {
		res.Behavior, res.Action, res.Body = HTTPAPIResponse, Unchanged, body
		res.step("isBase64Encoded is false: the body is returned as the Lambda wrote it")
		return res
	}
	res.Binary = true
	res.step("isBase64Encoded is true, so the body is base64-decoded")
	return convert(res, HTTPAPIResponse, Base64Decode, body, false)
}
