package matrix

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/apigw-oas/apigw-oas/mediatype"
	"github.com/apigw-oas/apigw-oas/model"
)

// HTTP APIs (v2) ignore binaryMediaTypes and contentHandling (§8.5).

// simulateHTTPAPIRequest: a Lambda receives the body as text only for text
// types in UTF-8; everything else, a missing Content-Type included, as
// base64. An empty body is null.
func simulateHTTPAPIRequest(c Config, req Request, res *Outcome) *Outcome {
	res.ContentType = req.ContentType
	res.step("HTTP APIs ignore binary media types")
	if c.Integration != model.AWSProxy {
		res.Behavior, res.Action, res.Body = HTTPAPIProxy, Unchanged, req.Body
		res.step("the body passes to the HTTP integration unchanged")
		return res
	}
	if req.Body != nil && len(req.Body) == 0 {
		return emptyEvent(res, HTTPAPIRequest)
	}
	if req.HasContentType && isHTTPAPIText(req.ContentType) {
		res.IsBase64Encoded = ptr(false)
		res.step("the Content-Type " + req.ContentType + " is a text type, so the Lambda event carries the body as text")
		return convert(res, HTTPAPIRequest, AsText, req.Body, true)
	}
	res.Binary, res.IsBase64Encoded = true, ptr(true)
	res.step("the Content-Type is absent or not a UTF-8 text type (form posts included), so the Lambda event carries the body base64-encoded with isBase64Encoded: true")
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

// httpAPIDefaultContentType is what an HTTP API sends when the Lambda's
// response names no Content-Type, for payload 1.0 and 2.0 (recorded; a
// REST API sends application/json).
const httpAPIDefaultContentType = "text/plain; charset=utf-8"

// simulateHTTPAPIResponse: a Lambda body is decoded whenever
// isBase64Encoded is true, whatever the client accepts; an output the
// payload format does not accept is 500.
func simulateHTTPAPIResponse(c Config, resp Response, res *Outcome) *Outcome {
	res.step("HTTP APIs ignore binary media types and the Accept header")
	if c.Integration != model.AWSProxy {
		res.ContentType, res.Status = resp.ContentType, backendStatus(resp)
		res.Behavior, res.Action, res.Body = HTTPAPIProxy, Unchanged, resp.Body
		return res
	}
	version := c.PayloadFormatVersion
	if version != "1.0" && version != "2.0" {
		version = "2.0"
		res.step("payloadFormatVersion is not set; it is simulated as 2.0 (the console's and SAM's default; Terraform sends 1.0)")
	}
	raw := bytes.TrimSpace(resp.LambdaOutput)
	if version == "2.0" && !hasStatusCode(raw) {
		return inferredResponse(res, raw)
	}
	out, status, err := parseLambdaOutput(raw, false)
	if err == nil && version == "1.0" && !hasStatusCode(raw) {
		err = errNoStatusCode
	}
	if err != nil {
		return res.failWith(500, HTTPAPILambdaError, err.Error()+" for payload format "+version+": 500", httpAPIErrorBody)
	}
	res.Status = status
	res.ContentType = headerValue(out.Headers, "Content-Type")
	if res.ContentType == "" {
		res.ContentType = httpAPIDefaultContentType
		res.step("the Lambda's response names no Content-Type, so the HTTP API sends " + httpAPIDefaultContentType)
	}
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

// hasStatusCode reports whether a Lambda output is a JSON object with a
// statusCode key.
func hasStatusCode(raw []byte) bool {
	var keys map[string]json.RawMessage
	if json.Unmarshal(raw, &keys) != nil {
		return false
	}
	_, ok := keys["statusCode"]
	return ok
}

// inferredResponse is payload 2.0's answer to an output without
// statusCode: a 200 whose body is the output as JSON (a JSON string
// unquoted), unless it is an object with errorMessage, which is a failed
// invocation.
func inferredResponse(res *Outcome, raw []byte) *Outcome {
	var value any
	if err := json.Unmarshal(raw, &value); err != nil {
		return res.failWith(500, HTTPAPILambdaError, "the Lambda output is not JSON: 500", httpAPIErrorBody)
	}
	if obj, ok := value.(map[string]any); ok {
		if _, failed := obj["errorMessage"]; failed {
			return res.failWith(500, HTTPAPILambdaError, "the Lambda output has no statusCode and carries errorMessage, which payload 2.0 takes for a failed invocation: 500", httpAPIErrorBody)
		}
	}
	body := raw
	if s, ok := value.(string); ok {
		body = []byte(s)
	}
	res.ContentType = defaultContentType
	res.Behavior, res.Action, res.Body = HTTPAPIInferred, Unchanged, body
	res.step("the Lambda output has no statusCode: payload 2.0 answers 200 with the output as the body, application/json (a JSON string without its quotes)")
	return res
}
