package serverless

import (
	"strings"

	"github.com/apigw-oas/apigw-oas/importer/internal/read"
	"github.com/apigw-oas/apigw-oas/internal/lazyregexp"
	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

// httpAPIRoute is the short form of an httpApi event: "*" or
// "METHOD /path" (methodPathPattern in serverless/serverless,
// lib/plugins/aws/package/compile/events/http-api.js).
var httpAPIRoute = lazyregexp.New(`(?i)^(?:\*|(ANY|GET|POST|PUT|PATCH|OPTIONS|HEAD|DELETE) (/\S*))$`)

// httpAPIEvent reads an httpApi event into a route of the service's HTTP
// API. Every route's integration is a Lambda proxy with payload format
// 2.0 unless the function's or the provider's httpApi.payload says
// otherwise (compileIntegration). The catch-all route, path "*", is the
// $default route.
func (s *service) httpAPIEvent(fn, h read.Value) {
	api := s.httpAPI(h)
	path, method, ok := s.httpAPIRoute(h)
	if !ok {
		return
	}
	api.Operations = append(api.Operations, &model.Operation{
		Path: path, Method: method, Pointer: h.Ptr, Span: h.KeySpan(),
		Integration: &model.Integration{
			Pointer: h.Ptr, Span: h.KeySpan(),
			Type:                 deployed(h, "AWS_PROXY", model.AWSProxy),
			PayloadFormatVersion: s.payloadFormat(fn, h),
		},
	})
}

// httpAPIRoute reads an httpApi event's path and method: "*" (any method,
// any path) or "METHOD /path" as a string, or a map with path (and method
// unless the path is "*"). "*" as a method is ANY.
func (s *service) httpAPIRoute(h read.Value) (path, method string, ok bool) {
	switch {
	case h.Node.Kind == source.Mapping:
		path, method = h.Get("path").Str().Raw, h.Get("method").Str().Raw
		if isAbsent(h.Get("path")) || (path != "*" && method == "") {
			s.c.Problem(h, "an httpApi event needs a path and, unless the path is \"*\", a method")
			return "", "", false
		}
	case h.Node.IsString():
		m := httpAPIRoute.FindStringSubmatch(h.Node.Value)
		if m == nil {
			if !isUnknown(h) {
				s.c.Problem(h, "httpApi event %q is not \"*\" or \"METHOD /path\" (such as \"GET /photos\")", h.Node.Value)
			}
			return "", "", false
		}
		path, method = m[2], m[1]
		if m[0] == "*" {
			path = "*"
		}
	default:
		s.c.Problem(h, "an httpApi event must be \"*\", \"METHOD /path\" or a map with path and method, not %s", source.DescribeNode(h.Node))
		return "", "", false
	}
	if path == "*" {
		return "$default", "ANY", true
	}
	if method = strings.ToUpper(method); method == "*" {
		method = "ANY"
	}
	return path, method, true
}

// payloadFormat is the route's payloadFormatVersion: the function's
// httpApi.payload, else the provider's, else 2.0.
func (s *service) payloadFormat(fn, h read.Value) model.Field[string] {
	for _, v := range []read.Value{fn.Get("httpApi").Get("payload"), s.root.Get("provider").Get("httpApi").Get("payload")} {
		if !isAbsent(v) {
			return str(v)
		}
	}
	return read.Synthesized(h, "2.0")
}
