package cloudformation

import (
	"github.com/apigw-oas/apigw-oas/importer/internal/read"
	"github.com/apigw-oas/apigw-oas/internal/lazyregexp"
	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

// ApiGatewayV2 resources that build a WebSocket API.
const (
	typeV2Route               = "AWS::ApiGatewayV2::Route"
	typeV2Integration         = "AWS::ApiGatewayV2::Integration"
	typeV2IntegrationResponse = "AWS::ApiGatewayV2::IntegrationResponse"
)

// webSocketRoutes reads the AWS::ApiGatewayV2::Route resources of the
// template's WebSocket APIs into operations named by their RouteKey, with
// the integration their Target names and that integration's
// AWS::ApiGatewayV2::IntegrationResponse resources. A route whose API or
// key cannot be known is left out.
func (t *template) webSocketRoutes() {
	integrations := map[string]*model.Integration{} // by logical ID
	for _, r := range t.resources {
		if typeOf(r) == typeV2Integration {
			in := read.WebSocketIntegration(r.Get("Properties"), read.PascalKeys)
			in.Pointer, in.Span = r.Ptr, r.KeySpan()
			integrations[r.Key.Value] = in
		}
	}
	for _, r := range t.resources {
		if typeOf(r) != typeV2IntegrationResponse {
			continue
		}
		props := r.Get("Properties")
		if id, _, ok := read.RefTarget(props.Get("IntegrationId")); ok && integrations[id] != nil {
			in := integrations[id]
			resp := read.WebSocketIntegrationResponse(props, read.PascalKeys)
			resp.Pointer = r.Ptr
			in.Responses = append(in.Responses, resp)
		}
	}
	for _, r := range t.resources {
		if typeOf(r) != typeV2Route {
			continue
		}
		props := r.Get("Properties")
		apiID, _, ok := read.RefTarget(props.Get("ApiId"))
		api := t.apis[apiID]
		key, known := read.Evaluate(props.Get("RouteKey"))
		if !ok || !known || api == nil || api.Kind != model.WebSocketAPI {
			continue
		}
		api.Operations = append(api.Operations, &model.Operation{
			Path: key, Pointer: r.Ptr, Span: r.KeySpan(),
			Integration: integrations[targetID(props.Get("Target"))],
		})
	}
}

// subReference is a ${LogicalId} in an Fn::Sub string.
var subReference = lazyregexp.New(`\$\{([A-Za-z0-9]+)\}`)

// targetID is the logical ID of the integration a route's Target names:
// !Join ["/", [integrations, !Ref X]] or !Sub integrations/${X}; "" when
// it names none.
func targetID(v read.Value) string {
	name, arg, ok := read.Intrinsic(v)
	switch {
	case !ok:
		return ""
	case name == "Fn::Sub" && arg.Node.Kind == source.Scalar:
		if m := subReference.FindStringSubmatch(arg.Node.Value); m != nil {
			return m[1]
		}
	case name == "Fn::Join" && len(arg.Items()) == 2:
		for _, part := range arg.Items()[1].Items() {
			if id, _, ok := read.RefTarget(part); ok {
				return id
			}
		}
	}
	return ""
}
