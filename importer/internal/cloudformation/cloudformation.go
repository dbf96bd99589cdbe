// Package cloudformation reads CloudFormation and SAM templates: RestApi and
// ApiGatewayV2 Api resources with their bodies, the Resource/Method chains
// that build a REST API without one, and SAM's APIs, function events and
// Cors preflights, as what each deploys.
package cloudformation

import (
	"strings"

	"github.com/apigw-oas/apigw-oas/importer/internal/read"
	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

// CloudFormation resource types the importer reads.
const (
	typeRestAPI     = "AWS::ApiGateway::RestApi"
	typeResource    = "AWS::ApiGateway::Resource"
	typeMethod      = "AWS::ApiGateway::Method"
	typeV2API       = "AWS::ApiGatewayV2::Api"
	typeSAMAPI      = "AWS::Serverless::Api"
	typeSAMHTTPAPI  = "AWS::Serverless::HttpApi"
	typeSAMFunction = "AWS::Serverless::Function"
)

// Import reads a CloudFormation or SAM template.
func Import(c *read.Container) {
	for _, api := range Read(c, c.Root(), nil) {
		c.Add(api)
	}
}

// template is one CloudFormation template being read.
type template struct {
	c         *read.Container
	container model.Container // model.ContainerCloudFormation or ContainerSAM
	resources []read.Value    // in source order
	byID      map[string]read.Value
	apis      map[string]*model.API   // by logical ID
	order     []string                // API logical IDs in source order
	paths     map[string]string       // AWS::ApiGateway::Resource logical ID → path ("" when unknown)
	missing   map[string]string       // resource logical ID → the ID its chain names that no one declares
	sam       map[string]*samSettings // SAM APIs' settings, by logical ID
	outside   Outside
}

// Outside is what the tool deploying a template adds to it itself, which
// the template's methods may name by logical ID (the Serverless
// Framework's ApiGatewayRestApi and the ApiGatewayResource… resources it
// compiles from http events).
type Outside interface {
	// API returns the API a method (at) names by id, or nil.
	API(id string, at read.Value) *model.API
	// ResourcePath returns the path of the resource id names, if the tool
	// creates one.
	ResourcePath(id string) (string, bool)
}

// Read reads the APIs a template declares and returns them; the
// caller adds them (serverless.yml merges its resources section into the
// service's own API). Methods attached to an API the template does not
// declare go to the one outside returns (outside may be nil).
func Read(c *read.Container, root read.Value, outside Outside) []*model.API {
	resources := root.Get("Resources")
	if !resources.Exists() {
		return nil
	}
	if resources.Node.Kind != source.Mapping {
		c.Problem(resources, "Resources must be a map of logical IDs to resources, not %s", source.DescribeNode(resources.Node))
		return nil
	}
	t := &template{c: c, container: model.ContainerCloudFormation, byID: map[string]read.Value{}, apis: map[string]*model.API{}, paths: map[string]string{}, missing: map[string]string{}, sam: map[string]*samSettings{}, outside: outside}
	if IsSAM(root) {
		t.container = model.ContainerSAM
	}
	for _, r := range resources.Entries() {
		if r.Node.Kind != source.Mapping {
			c.Problem(r, "resource %s must be a map with a Type, not %s", r.Key.Value, source.DescribeNode(r.Node))
			continue
		}
		t.resources = append(t.resources, r)
		t.byID[r.Key.Value] = r
	}
	globals := root.Get("Globals")
	for _, r := range t.resources {
		switch typeOf(r) {
		case typeRestAPI:
			t.restAPI(r)
		case typeV2API:
			t.v2API(r)
		case typeSAMAPI:
			t.samAPI(r, globals.Get("Api"), model.RESTAPI)
		case typeSAMHTTPAPI:
			t.samAPI(r, globals.Get("HttpApi"), model.HTTPAPI)
		}
	}
	for _, r := range t.resources {
		switch typeOf(r) {
		case typeMethod:
			t.method(r)
		case typeSAMFunction:
			t.functionEvents(r, globals)
		}
	}
	t.webSocketRoutes()
	t.samCors()
	t.unreachedGlobals(globals.Get("Api"))
	var out []*model.API
	for _, id := range t.order {
		out = append(out, t.apis[id])
	}
	return out
}

func typeOf(r read.Value) string {
	if t := r.Get("Type").Node; t.IsString() {
		return t.Value
	}
	return ""
}

// newAPI records an API of the template. body, when it exists, holds the
// OpenAPI definition the API is built from (see definition).
func (t *template) newAPI(r, body read.Value, kind model.Kind) *model.API {
	return t.record(r, t.definition(r, body), kind)
}

// record records an API of the template, read from a definition or (nil)
// built from resources alone.
func (t *template) record(r read.Value, api *model.API, kind model.Kind) *model.API {
	if api == nil {
		api = &model.API{Span: r.KeySpan()}
	}
	api.Name, api.Container = r.Key.Value, t.container
	// The resource type decides, unless a RestApi's body is plainly an
	// HTTP API's (x-amazon-apigateway-cors, payloadFormatVersion): then
	// the body's own evidence stands.
	if kind == model.HTTPAPI || api.Kind != model.HTTPAPI {
		api.Kind = kind
		api.KindEvidence = model.Evidence{Reason: typeOf(r) + " is " + kindName(kind), Pointer: r.Get("Type").Ptr, Span: r.Get("Type").Span()}
	}
	t.apis[r.Key.Value] = api
	t.order = append(t.order, r.Key.Value)
	return api
}

func kindName(k model.Kind) string {
	switch k {
	case model.HTTPAPI:
		return "an HTTP API"
	case model.WebSocketAPI:
		return "a WebSocket API"
	}
	return "a REST API"
}

// restAPI reads AWS::ApiGateway::RestApi: its binary media types are the
// union of the BinaryMediaTypes property and the Body's extension.
func (t *template) restAPI(r read.Value) {
	props := r.Get("Properties")
	api := t.newAPI(r, props.Get("Body"), model.RESTAPI)
	if s3 := props.Get("BodyS3Location"); s3.Exists() {
		api.Elsewhere = s3.Str()
	}
	read.AddProperty(api, props.Get("BinaryMediaTypes"), model.FromCloudFormation, false)
}

// v2API reads AWS::ApiGatewayV2::Api: an HTTP API, or with ProtocolType
// WEBSOCKET a WebSocket API, which has no OpenAPI form: its routes are
// resources (webSocketRoutes).
func (t *template) v2API(r read.Value) {
	props := r.Get("Properties")
	protocol := props.Get("ProtocolType")
	if p, ok := read.Evaluate(protocol); ok && strings.EqualFold(p, "WEBSOCKET") {
		api := t.record(r, nil, model.WebSocketAPI)
		api.KindEvidence = model.Evidence{Reason: "ProtocolType " + p + " makes " + typeV2API + " a WebSocket API", Pointer: protocol.Ptr, Span: protocol.Span()}
		return
	}
	api := t.newAPI(r, props.Get("Body"), model.HTTPAPI)
	if s3 := props.Get("BodyS3Location"); s3.Exists() {
		api.Elsewhere = s3.Str()
	}
}

// IsSAM reports whether a template uses the Serverless transform, or SAM
// resource types without declaring it (SAM's own test inputs do).
func IsSAM(root read.Value) bool {
	t := root.Get("Transform")
	for _, v := range append(t.Items(), t) {
		if v.Node != nil && v.Node.IsString() && strings.HasPrefix(v.Node.Value, "AWS::Serverless") {
			return true
		}
	}
	for _, r := range root.Get("Resources").Entries() {
		if typ := r.Get("Type").Node; typ.IsString() && strings.HasPrefix(typ.Value, "AWS::Serverless::") {
			return true
		}
	}
	return false
}
