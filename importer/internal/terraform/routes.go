package terraform

import (
	"strings"

	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/apigw-oas/apigw-oas/importer/internal/read"
	"github.com/apigw-oas/apigw-oas/model"
)

// httpRoutes reads the aws_apigatewayv2_route resources of the module (and
// of the local modules it calls) into operations of the HTTP and WebSocket
// APIs being read: route_key "METHOD /path", or "$default" (every route,
// shown as ANY /); a WebSocket route is named by its key alone ("$connect",
// "sendMessage"). Each has the aws_apigatewayv2_integration its target
// names. A route whose API or key cannot be known is left out.
func (t *reader) httpRoutes(apis map[string]*model.API) {
	for _, f := range t.mod.everyFile() {
		for _, r := range f.resources {
			if r.typ != "aws_apigatewayv2_route" {
				continue
			}
			t.evaluate(r)
			m, typ, name, _ := resolve(r.mod, r.attr("api_id"))
			api := apis[name]
			if typ != httpAPIType || m != t.mod || api == nil {
				continue
			}
			key, ok := knownString(r.v.Get("route_key"))
			method, path := "ANY", "/"
			if api.Kind == model.WebSocketAPI {
				method, path = "", key
			} else if ok && key != "$default" {
				method, path, ok = strings.Cut(key, " ")
			}
			if !ok {
				continue
			}
			api.Operations = append(api.Operations, &model.Operation{
				Path: path, Method: strings.ToUpper(method), Pointer: r.v.Ptr, Span: t.header(r),
				Integration: t.routeIntegration(r, api.Kind),
			})
		}
	}
}

// routeIntegration reads the aws_apigatewayv2_integration a route's target
// ("integrations/${aws_apigatewayv2_integration.x.id}") names; nil when it
// names none that is written in the route's module.
func (t *reader) routeIntegration(route *resource, kind model.Kind) *model.Integration {
	tmpl, ok := unwrapExpr(route.attr("target")).(*hclsyntax.TemplateExpr)
	if !ok {
		return nil
	}
	for _, part := range tmpl.Parts {
		typ, name, _ := reference(part)
		if typ != "aws_apigatewayv2_integration" {
			continue
		}
		r := route.mod.resource(typ, name)
		if r == nil {
			return nil
		}
		t.evaluate(r)
		if kind == model.WebSocketAPI {
			return t.webSocketIntegration(r)
		}
		in := &model.Integration{Pointer: r.v.Ptr, Span: t.header(r)}
		in.Type = read.Enum(r.v.Get("integration_type"), model.ParseIntegrationType)
		in.URI = r.v.Get("integration_uri").Str()
		in.HTTPMethod = r.v.Get("integration_method").Str()
		in.PayloadFormatVersion = r.v.Get("payload_format_version").Str()
		return in
	}
	return nil
}

// webSocketIntegration reads a WebSocket API's aws_apigatewayv2_integration
// with the aws_apigatewayv2_integration_response resources of its module
// whose integration_id names it.
func (t *reader) webSocketIntegration(r *resource) *model.Integration {
	in := read.WebSocketIntegration(r.v, read.SnakeKeys)
	in.Span = t.header(r)
	for _, f := range r.mod.all() {
		for _, resp := range f.resources {
			if typ, name, _ := reference(resp.attr("integration_id")); resp.typ != "aws_apigatewayv2_integration_response" || typ != r.typ || name != r.name {
				continue
			}
			t.evaluate(resp)
			ir := read.WebSocketIntegrationResponse(resp.v, read.SnakeKeys)
			in.Responses = append(in.Responses, ir)
		}
	}
	return in
}
