package matrix

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/apigw-oas/apigw-oas/model"
)

// lambdaEvent builds the body of a Lambda proxy event: base64 with
// isBase64Encoded true when the Content-Type is binary, text otherwise, and
// null for an empty body. contentHandling and passthroughBehavior play no
// part.
func lambdaEvent(c Config, res *Outcome, req Request) *Outcome {
	inertOnLambdaProxy(c, res)
	if req.Body != nil && len(req.Body) == 0 {
		return emptyEvent(res, LambdaRequest)
	}
	res.IsBase64Encoded = ptr(res.Binary)
	if res.Binary {
		res.step("the Lambda event carries the body base64-encoded, with isBase64Encoded: true")
		return convert(res, LambdaRequest, Base64Encode, req.Body, true)
	}
	res.step("the Lambda event carries the body as text, with isBase64Encoded: false")
	return convert(res, LambdaRequest, AsText, req.Body, true)
}

// emptyEvent is a Lambda proxy event for a request without a body: body
// null and isBase64Encoded false, whatever the Content-Type (recorded for
// REST and HTTP APIs).
func emptyEvent(res *Outcome, b Behavior) *Outcome {
	res.Behavior, res.Action, res.Body, res.IsBase64Encoded = b, Unchanged, []byte{}, ptr(false)
	res.step("the body is empty: the Lambda event carries body null with isBase64Encoded: false, whatever the Content-Type (" + recordedDotnet + ")")
	return res
}

// inertOnLambdaProxy says that settings which convert or reject payloads
// of other integrations do nothing on aws_proxy.
func inertOnLambdaProxy(c Config, res *Outcome) {
	if c.ContentHandling != model.Passthrough {
		res.step("contentHandling has no effect on an aws_proxy integration: nothing is converted twice (" + recordedInert + ")")
	}
	if c.Passthrough != model.WhenNoMatch {
		res.step("passthroughBehavior has no effect on an aws_proxy integration: a request no template matches is not answered 415 (" + recordedInert + ")")
	}
}

// lambdaOutput is a Lambda proxy response; a REST API allows only these
// keys.
type lambdaOutput struct {
	StatusCode        json.RawMessage  `json:"statusCode"`
	Headers           map[string]any   `json:"headers"`
	MultiValueHeaders map[string][]any `json:"multiValueHeaders"`
	Body              *string          `json:"body"`
	IsBase64Encoded   bool             `json:"isBase64Encoded"`
}

var errNoStatusCode = errors.New("the Lambda output has no statusCode")

// parseLambdaOutput reads what an aws_proxy Lambda returned. A REST API
// answers 502 when the output is not JSON, has unknown keys or a status
// that is not a number (§8.7); an HTTP API (strict false) ignores unknown
// keys but reads cookies.
func parseLambdaOutput(raw []byte, strict bool) (out lambdaOutput, status int, err error) {
	trimmed := bytes.TrimSpace(raw)
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return out, 0, fmt.Errorf("the Lambda output is not a JSON object")
	}
	dec := json.NewDecoder(bytes.NewReader(trimmed))
	if strict {
		dec.DisallowUnknownFields()
	}
	if err := dec.Decode(&out); err != nil {
		return out, 0, fmt.Errorf("the Lambda output is not a valid proxy response: %v", err)
	}
	if dec.More() || dec.InputOffset() != int64(len(trimmed)) {
		return out, 0, fmt.Errorf("the Lambda output has data after its JSON object")
	}
	var cookies struct {
		Cookies []string `json:"cookies"` // an HTTP API's; recorded: an object is 500
	}
	if !strict && json.Unmarshal(trimmed, &cookies) != nil {
		return out, 0, fmt.Errorf("the Lambda output's cookies are not a list of strings")
	}
	status = 200
	if len(out.StatusCode) > 0 && string(out.StatusCode) != "null" {
		text := string(bytes.Trim(out.StatusCode, `"`))
		if status, err = strconv.Atoi(text); err != nil || status < 100 || status > 599 {
			return out, 0, fmt.Errorf("the Lambda output's statusCode %s is not an HTTP status", out.StatusCode)
		}
	}
	return out, status, nil
}

// lambdaResponse returns a Lambda proxy response to the client. The body is
// decoded only when isBase64Encoded is true and the client's first Accept
// range matches; the Lambda's own Content-Type plays no part.
func lambdaResponse(c Config, resp Response, res *Outcome, acceptsBinary, acceptUnknown bool) *Outcome {
	out, status, err := parseLambdaOutput(resp.LambdaOutput, true)
	if err != nil {
		return res.failWith(502, LambdaMalformed, err.Error()+": 502", restErrorBody)
	}
	res.Status = status
	if res.ContentType = headerValue(out.Headers, "Content-Type"); res.ContentType == "" {
		res.ContentType = defaultContentType
		res.step("the Lambda's response names no Content-Type, so the REST API sends application/json (" + recordedDotnet + ")")
	}
	var body []byte
	if out.Body != nil {
		body = []byte(*out.Body)
	}
	if c.TransferMode == model.Stream {
		return streamedLambda(res, out, body)
	}
	res.Binary = out.IsBase64Encoded
	if out.IsBase64Encoded && acceptUnknown {
		return deployTimeUnknown(res, "isBase64Encoded is true, and whether the client accepts binary")
	}
	if !out.IsBase64Encoded || !acceptsBinary {
		if out.IsBase64Encoded {
			res.step("isBase64Encoded is true, but the client does not accept binary: it receives the base64 text")
		}
		res.Behavior, res.Action, res.Body = LambdaVerbatim, Unchanged, body
		res.step("the body is returned as the Lambda wrote it (the Lambda's Content-Type is not consulted)")
		return res
	}
	res.step("isBase64Encoded is true and the client accepts binary")
	return convert(res, LambdaDecoded, Base64Decode, body, false)
}

func streamedLambda(res *Outcome, out lambdaOutput, body []byte) *Outcome {
	if !out.IsBase64Encoded {
		return streamed(res, Unchanged, body)
	}
	decoded, err := base64.StdEncoding.DecodeString(string(body))
	if err != nil {
		return res.fail(500, InvalidBase64, "isBase64Encoded is true but the body is not valid base64: 500")
	}
	return streamed(res, Base64Decode, decoded)
}

// headerValue finds a header of a Lambda output, whatever its case.
func headerValue(headers map[string]any, name string) string {
	for k, v := range headers {
		if s, ok := v.(string); ok && strings.EqualFold(k, name) {
			return s
		}
	}
	return ""
}
