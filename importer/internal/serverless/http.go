package serverless

import (
	"strings"

	"github.com/apigw-oas/apigw-oas/importer/internal/read"
	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

// The framework's behaviour below follows serverless/serverless,
// lib/plugins/aws/package/compile/events/api-gateway/lib/validate.js
// (getHttp, getHttpPath, getIntegration, getRequestPassThrough,
// getResponse) and lib/method/integration.js (getMethodIntegration,
// getIntegrationResponses, getIntegrationRequestTemplates), as of v3/v4
// (commits cb3518ee and 158f644c).

// httpEvent reads an http event, "METHOD path" or a map with path, method,
// integration, request, response and cors, into an operation of the
// service's REST API.
func (s *service) httpEvent(h read.Value) {
	api := s.restAPI(h, "http events are served by the service's REST API, which the Serverless Framework creates as "+restAPIName)
	path, method, ok := s.httpRoute(h)
	if !ok {
		return
	}
	op := &model.Operation{Path: path, Method: method, Pointer: h.Ptr, Span: h.KeySpan()}
	if h.Node.Kind == source.Mapping {
		// request.schemas (request.schema before v3) maps media types to
		// models: the method's RequestModels.
		req := h.Get("request")
		op.Accepts = append(read.MediaTypeKeys(req.Get("schemas"), model.FromRequestModels), read.MediaTypeKeys(req.Get("schema"), model.FromRequestModels)...)
		op.Integration, op.Responses = httpIntegration(h)
		s.askPreflight(path, h.Get("cors"))
	} else {
		op.Integration = lambdaProxyAt(h)
	}
	api.Operations = append(api.Operations, op)
}

// httpRoute reads an http event's path and method. The framework strips
// one leading and one trailing slash from the path (getHttpPath); the
// model writes paths from the root, so "hello", "/hello" and "hello/" are
// all "/hello". A route written as a variable is unknown and left out.
func (s *service) httpRoute(h read.Value) (path, method string, ok bool) {
	var p, m model.Field[string]
	switch {
	case h.Node.Kind == source.Mapping:
		if isAbsent(h.Get("path")) || isAbsent(h.Get("method")) {
			s.c.Problem(h, "an http event needs a path and a method")
			return "", "", false
		}
		if p, m = h.Get("path").Str(), h.Get("method").Str(); m.Raw == "" {
			s.c.Problem(h.Get("method"), "the method of an http event must be a method name such as GET")
			return "", "", false
		}
	case h.Node.IsString():
		words := strings.Fields(h.Node.Value)
		if len(words) != 2 {
			if !isUnknown(h) {
				s.c.Problem(h, "http event %q is not \"METHOD path\" (such as \"GET /photos\")", h.Node.Value)
			}
			return "", "", false
		}
		m.Raw, p.Raw = words[0], words[1]
	default:
		s.c.Problem(h, "an http event must be \"METHOD path\" or a map with path and method, not %s", source.DescribeNode(h.Node))
		return "", "", false
	}
	trimmed := strings.TrimSuffix(strings.TrimPrefix(p.Raw, "/"), "/")
	method = m.Raw
	if !strings.Contains(method, "${") {
		method = strings.ToUpper(method) // the framework lower-cases it, CloudFormation gets it upper-cased
	}
	return "/" + trimmed, method, true
}

// lambdaProxyAt is the integration of an http event that names none: a
// Lambda proxy (AWS_PROXY), the framework's default.
func lambdaProxyAt(h read.Value) *model.Integration {
	return &model.Integration{Pointer: h.Ptr, Span: h.KeySpan(), Type: deployed(h, "AWS_PROXY", model.AWSProxy)}
}

// httpIntegration reads the integration of an http event written as a map,
// with the method responses the framework declares for it. It is nil when
// a setting that decides how payloads are converted is a variable: the
// conversion cannot be known, and guessing could report a problem the
// deployed API does not have.
func httpIntegration(h read.Value) (*model.Integration, []*model.Response) {
	if opaqueIntegration(h) {
		return nil, nil
	}
	kind, cause := integrationKind(h)
	in := &model.Integration{Pointer: h.Ptr, Span: cause.KeySpan(), Type: kind}
	req := h.Get("request")
	in.URI = str(req.Get("uri"))
	// On a proxy the framework drops request.contentHandling with a warning.
	// It is kept so lint can say it has no effect.
	in.ContentHandling = read.Enum(req.Get("contentHandling"), model.ParseContentHandling)
	switch kind.Value {
	case model.AWS, model.HTTP, model.Mock:
	default:
		// Proxies take no templates or integration responses from the
		// framework, but the plugins still put one.
		pluginContentHandling(in, h.Get("contentHandling"))
		return in, nil
	}
	in.PassthroughBehavior = passThrough(req, kind.Value, cause)
	in.RequestTemplates = requestTemplates(req, kind.Value, cause)
	in.Responses = integrationResponses(h.Get("response"), kind.Value, cause)
	pluginContentHandling(in, h.Get("contentHandling"))
	return in, methodResponses(in.Responses)
}

// opaqueIntegration reports whether a setting that decides the
// integration's conversions is a variable.
func opaqueIntegration(h read.Value) bool {
	req, resp := h.Get("request"), h.Get("response")
	for _, v := range []read.Value{
		h.Get("integration"), h.Get("async"), h.Get("contentHandling"),
		req, req.Get("contentHandling"), req.Get("passThrough"), req.Get("template"),
		resp, resp.Get("contentHandling"), resp.Get("statusCodes"),
	} {
		if isUnknown(v) {
			return true
		}
	}
	return false
}

// integrationKind reads the integration setting (getIntegration): its value
// upper-cased with the first "-" made "_", where LAMBDA is AWS and
// LAMBDA_PROXY is AWS_PROXY. Without it, async: true makes an AWS
// integration and anything else a Lambda proxy. cause is the setting the
// kind comes from, where its defaults are placed.
func integrationKind(h read.Value) (model.Field[model.IntegrationType], read.Value) {
	if v := h.Get("integration"); !isAbsent(v) {
		return read.Enum(v, parseIntegration), v
	}
	if async := h.Get("async"); isTruthy(async) {
		return deployed(async, "AWS", model.AWS), async
	}
	return deployed(h, "AWS_PROXY", model.AWSProxy), h
}

func parseIntegration(raw string) model.IntegrationType {
	switch strings.Replace(strings.ToUpper(raw), "-", "_", 1) {
	case "LAMBDA", "AWS":
		return model.AWS
	case "LAMBDA_PROXY", "AWS_PROXY":
		return model.AWSProxy
	case "HTTP":
		return model.HTTP
	case "HTTP_PROXY":
		return model.HTTPProxy
	case "MOCK":
		return model.Mock
	}
	return model.IntegrationTypeInvalid
}

// passThrough reads request.passThrough. Only AWS integrations get a
// default, NEVER (getRequestPassThrough): a request whose Content-Type has
// no template is refused with 415.
func passThrough(req read.Value, kind model.IntegrationType, cause read.Value) model.Field[model.PassthroughBehavior] {
	if v := req.Get("passThrough"); !isAbsent(v) {
		return read.Enum(v, model.ParsePassthroughBehavior)
	}
	if kind == model.AWS {
		return deployed(cause, "NEVER", model.Never)
	}
	return model.Field[model.PassthroughBehavior]{}
}

// The request templates the framework writes for every AWS (integration:
// lambda) method (DEFAULT_JSON_REQUEST_TEMPLATE and
// DEFAULT_FORM_URL_ENCODED_REQUEST_TEMPLATE in lib/method/integration.js).
// The model holds an abbreviation of each, not the framework's text: what
// matters here is that they exist for these two media types and read the
// body (the JSON one with $input.json('$'), the form one by splitting
// $input.path('$') into fields); the full templates also pass method,
// headers, query, path, identity, stage variables and authorizer context.
var defaultRequestTemplates = []struct{ mediaType, body string }{
	{"application/json", `#* abbreviated: the Serverless Framework's default template *# {"body": $input.json('$'), "method": "$context.httpMethod", "headers": {…}, "query": {…}, "path": {…}}`},
	{"application/x-www-form-urlencoded", `#* abbreviated: the Serverless Framework's default template *# {"body": {fields of $input.path('$') split at & and =}, "method": "$context.httpMethod", "headers": {…}, "query": {…}, "path": {…}}`},
}

// requestTemplates reads request.template, a map of media types to
// templates, over the defaults of AWS integrations: a template replaces the
// default for its media type, and null removes it
// (getIntegrationRequestTemplates). A template that is not a map is
// ignored by the framework.
func requestTemplates(req read.Value, kind model.IntegrationType, cause read.Value) []model.Named {
	var out []model.Named
	if kind == model.AWS {
		for _, t := range defaultRequestTemplates {
			out = append(out, model.Named{Name: read.Synthesized(cause, t.mediaType), Value: read.Synthesized(cause, t.body)})
		}
	}
	for _, t := range req.Get("template").Entries() {
		out = setNamed(out, model.Named{Name: t.KeyField(), Value: str(t)}, isAbsent(t))
	}
	return out
}

// setNamed sets an entry of a JavaScript object kept as a list of Named:
// replacing the entry of the same name where it is, appending otherwise,
// or deleting it.
func setNamed(list []model.Named, n model.Named, remove bool) []model.Named {
	for i := range list {
		if list[i].Name.Raw == n.Name.Raw {
			if remove {
				return append(list[:i], list[i+1:]...)
			}
			list[i] = n
			return list
		}
	}
	if remove {
		return list
	}
	return append(list, n)
}

// pluginContentHandling applies an event's own contentHandling, which the
// framework ignores but the serverless-apigwy-binary and
// serverless-plugin-custom-binary plugins read: after deploying they put
// it on the integration response of status 200 (putIntegrationResponse,
// with no selection pattern), over whatever response.contentHandling put
// there, creating that response when there is none, as on a Lambda proxy
// (where it has no effect, which proxy-content-handling then says).
func pluginContentHandling(in *model.Integration, v read.Value) {
	if isAbsent(v) {
		return
	}
	ch := read.Enum(v, model.ParseContentHandling)
	for _, r := range in.Responses {
		if r.StatusCode.Raw == "200" {
			r.ContentHandling = ch
			return
		}
	}
	in.Responses = append(in.Responses, &model.IntegrationResponse{
		Pointer: v.Ptr, Pattern: read.Synthesized(v, "default"), StatusCode: read.Synthesized(v, "200"), ContentHandling: ch,
	})
}

// methodResponses are the method responses the framework declares: one per
// integration response (lib/method/responses.js).
func methodResponses(irs []*model.IntegrationResponse) []*model.Response {
	var out []*model.Response
	for _, r := range irs {
		out = append(out, &model.Response{Status: r.StatusCode})
	}
	return out
}
