package matrix

import (
	"strings"

	"github.com/apigw-oas/apigw-oas/mediatype"
	"github.com/apigw-oas/apigw-oas/model"
)

// defaultContentType is what API Gateway assumes for a request without a
// Content-Type (passthrough behaviors page, tier B).
const defaultContentType = "application/json"

// SimulateRequest follows a request body from the client to the integration.
func SimulateRequest(c Config, req Request) *Outcome {
	res := &Outcome{Status: 200}
	switch {
	case c.Kind == model.WebSocketAPI:
		return simulateWebSocketFrame(c, req, res)
	case c.Unknown.Integration:
		return deployTimeUnknown(res, "the integration type is computed at deploy time, so what happens")
	case c.Kind == model.HTTPAPI:
		return simulateHTTPAPIRequest(c, req, res)
	}
	res.ContentType = req.ContentType
	if !req.HasContentType {
		res.ContentType = defaultContentType
		res.step("the request has no Content-Type; API Gateway treats it as application/json")
	}
	if !classify(res, mediatype.NewMatcher(c.BinaryMediaTypes), res.ContentType, "Content-Type", c.Unknown.BinaryMediaTypes) {
		return deployTimeUnknown(res, "whether the payload is binary")
	}
	if header, ok := brokenHeaderMapping(c); ok {
		return res.failWith(500, HeaderMapping500, "the integration maps "+header+", which API Gateway answers with 500 on every call", restErrorBody)
	}
	switch c.Integration {
	case model.AWSProxy:
		if c.HTTPMethod != "" && !strings.EqualFold(c.HTTPMethod, "POST") {
			return res.failWith(500, LambdaInvokeMethod, "the integration calls the Lambda with "+c.HTTPMethod+", but Lambda is invoked with POST only: every call fails with 500", restErrorBody)
		}
		return lambdaEvent(c, res, req)
	case model.HTTP:
		integrationAccept(c, res)
	case model.HTTPProxy:
		res.step("http_proxy integrations take no templates; the request table is followed with contentHandling unset (unverified; see docs/matrix.md)")
		behavior, action := requestRow(len(c.BinaryMediaTypes) == 0, res.Binary, model.Passthrough)
		return convert(res, behavior, action, req.Body, true)
	}
	return nonProxyRequest(c, req, res)
}

// classify decides whether a media type is binary and records why. It
// reports false when that cannot be known: no known entry matches, and
// some entry is computed at deploy time (listUnknown).
func classify(res *Outcome, m mediatype.Matcher, mediaType, header string, listUnknown bool) (known bool) {
	entry, ok := m.Match(mediaType)
	res.Binary = ok
	switch {
	case ok:
		res.Matched = ptr(entry)
		res.step("the " + header + " " + mediaType + " matches the binary media type " + entry + ", so the payload is binary")
	case listUnknown:
		res.step("the " + header + " " + mediaType + " matches none of the known binary media types, but another is computed at deploy time and may match it")
		return false
	case m.Empty():
		res.step("the API has no binary media types, so every payload is text")
	default:
		res.step("the " + header + " " + mediaType + " matches no binary media type, so the payload is text")
	}
	return true
}

// deployTimeUnknown ends a simulation where a setting computed at deploy
// time decides what happens next: unknown names what it decides.
func deployTimeUnknown(res *Outcome, unknown string) *Outcome {
	res.Behavior, res.Action, res.Status = DeployTimeUnknown, Unknown, 0
	res.step(unknown + " depends on a value computed at deploy time, so nothing is simulated")
	return res
}

func nonProxyRequest(c Config, req Request, res *Outcome) *Outcome {
	if c.Unknown.ContentHandling {
		return deployTimeUnknown(res, "contentHandling is computed at deploy time, so the conversion")
	}
	behavior, action := requestRow(len(c.BinaryMediaTypes) == 0, res.Binary, c.ContentHandling)
	if c.ContentHandling == model.ContentHandlingInvalid {
		res.step("contentHandling has an invalid value; it is simulated as unset")
	}
	tmpl, found := requestTemplate(c.RequestTemplates, res.ContentType)
	if !found && c.Unknown.Passthrough {
		return deployTimeUnknown(res, "no request template matches "+res.ContentType+", and passthroughBehavior is computed at deploy time, so whether it passes")
	}
	if !found {
		if rejected := passthrough(c, res); rejected {
			return res
		}
		return convert(res, behavior, action, req.Body, true)
	}
	res.Template = ptr(tmpl.ContentType)
	res.step("the request template for " + tmpl.ContentType + " applies")
	convert(res, behavior, action, req.Body, true)
	if res.Status != 200 {
		return res
	}
	if action == Unchanged || action == Base64Decode {
		return res.fail(500, BinaryIntoVTL, "the payload is binary after conversion and cannot be fed to the mapping template: 500")
	}
	if req.Body != nil {
		res.Body = render(tmpl.Body, res.Body)
	}
	res.Behavior = TemplateApplied
	res.step("the template's output (with $input.body substituted) is what the integration receives")
	return res
}

// passthrough applies passthroughBehavior when no template matches; it
// reports whether the request was rejected with 415.
func passthrough(c Config, res *Outcome) (rejected bool) {
	switch {
	case c.Passthrough == model.Never:
		res.fail(415, RejectNoMatch, "no request template matches "+res.ContentType+" and passthroughBehavior is never: 415")
		return true
	case c.Passthrough == model.WhenNoTemplates && len(c.RequestTemplates) > 0:
		res.fail(415, RejectNoMatch, "no request template matches "+res.ContentType+" and passthroughBehavior is when_no_templates while templates exist: 415")
		return true
	}
	if len(c.RequestTemplates) > 0 {
		res.step("no request template matches " + res.ContentType + "; passthroughBehavior lets the payload through untransformed")
	}
	return false
}

// convert applies a table row's action to the payload.
func convert(res *Outcome, behavior Behavior, action Action, body []byte, request bool) *Outcome {
	res.Behavior, res.Action = behavior, action
	res.step(describe(action) + " (" + behavior.ID + ")")
	if body == nil {
		return res
	}
	out, ok := apply(action, body)
	if !ok {
		why := "the payload is not valid base64, so decoding it fails: 500"
		if request {
			why += "; the integration is not called"
		}
		return res.fail(500, InvalidBase64, why)
	}
	res.Body = out
	return res
}

func describe(a Action) string {
	switch a {
	case AsText:
		return "the payload is read as UTF-8 text; invalid byte sequences become U+FFFD"
	case Base64Encode:
		return "the payload is base64-encoded"
	case Base64Decode:
		return "the payload is base64-decoded"
	}
	return "the payload passes unchanged"
}

// brokenHeaderMapping finds a mapping of a header API Gateway computes
// itself: mapped, every call of an http or http_proxy integration fails.
func brokenHeaderMapping(c Config) (string, bool) {
	if c.Integration != model.HTTP && c.Integration != model.HTTPProxy {
		return "", false
	}
	for name := range c.RequestParameters {
		header, ok := strings.CutPrefix(strings.ToLower(name), "integration.request.header.")
		if ok && (header == "content-length" || header == "transfer-encoding") {
			return name, true
		}
	}
	return "", false
}

// acceptParameter is the integration request parameter that sets the
// Accept header a non-proxy HTTP backend receives.
const acceptParameter = "integration.request.header.Accept"

// BackendAccept is the Accept header a non-proxy HTTP backend receives when
// the integration does not map one: API Gateway does not forward the
// client's (recorded).
const BackendAccept = "application/json"

// integrationAccept says what Accept a non-proxy HTTP backend receives: a
// static mapping's value ('text/html'), the client's header when
// method.request.header.Accept is mapped, else application/json.
func integrationAccept(c Config, res *Outcome) {
	source, ok := c.parameter(acceptParameter)
	if !ok {
		res.IntegrationAccept = ptr(BackendAccept)
		res.step("the backend receives Accept: " + BackendAccept + ", not the client's Accept (forwarded only when " + acceptParameter + " is mapped); a backend that negotiates by Accept answers for " + BackendAccept + " (" + recordedHTTP + ")")
		return
	}
	value := source
	if unquoted, static := strings.CutPrefix(source, "'"); static {
		value = strings.TrimSuffix(unquoted, "'")
	}
	res.IntegrationAccept = ptr(value)
	res.step("the backend receives the Accept header " + acceptParameter + " maps: " + source)
}

// parameter finds an integration request parameter; header names compare
// without case, as HTTP's do.
func (c Config) parameter(name string) (string, bool) {
	for k, v := range c.RequestParameters {
		if strings.EqualFold(k, name) {
			return v, true
		}
	}
	return "", false
}
