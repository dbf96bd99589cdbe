package importer

import (
	"strings"

	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

// CloudFormation resource types the importer reads.
const (
	cfnRestAPI  = "AWS::ApiGateway::RestApi"
	cfnResource = "AWS::ApiGateway::Resource"
	cfnMethod   = "AWS::ApiGateway::Method"
	cfnV2API    = "AWS::ApiGatewayV2::Api"
	samAPI      = "AWS::Serverless::Api"
	samHTTPAPI  = "AWS::Serverless::HttpApi"
	samFunction = "AWS::Serverless::Function"
)

// importTemplate reads a CloudFormation or SAM template.
func importTemplate(c *container) {
	for _, api := range readTemplate(c, c.root()) {
		c.add(api)
	}
}

// template is one CloudFormation template being read.
type template struct {
	c         *container
	container model.Container // model.ContainerCloudFormation or ContainerSAM
	resources []value         // in source order
	byID      map[string]value
	apis      map[string]*model.API   // by logical ID
	order     []string                // API logical IDs in source order
	paths     map[string]string       // AWS::ApiGateway::Resource logical ID → path
	sam       map[string]*samSettings // SAM APIs' settings, by logical ID
}

// readTemplate reads the APIs a template declares and returns them; the
// caller adds them (serverless.yml merges its resources section into the
// service's own API).
func readTemplate(c *container, root value) []*model.API {
	resources := root.get("Resources")
	if !resources.exists() {
		return nil
	}
	if resources.node.Kind != source.Mapping {
		c.problem(resources, "Resources must be a map of logical IDs to resources, not %s", describeNode(resources.node))
		return nil
	}
	t := &template{c: c, container: model.ContainerCloudFormation, byID: map[string]value{}, apis: map[string]*model.API{}, paths: map[string]string{}, sam: map[string]*samSettings{}}
	if isSAM(root) {
		t.container = model.ContainerSAM
	}
	for _, r := range resources.entries() {
		if r.node.Kind != source.Mapping {
			c.problem(r, "resource %s must be a map with a Type, not %s", r.key.Value, describeNode(r.node))
			continue
		}
		t.resources = append(t.resources, r)
		t.byID[r.key.Value] = r
	}
	globals := root.get("Globals")
	for _, r := range t.resources {
		switch typeOf(r) {
		case cfnRestAPI:
			t.restAPI(r)
		case cfnV2API:
			t.v2API(r)
		case samAPI:
			t.samAPI(r, globals.get("Api"), model.RESTAPI)
		case samHTTPAPI:
			t.samAPI(r, globals.get("HttpApi"), model.HTTPAPI)
		}
	}
	for _, r := range t.resources {
		switch typeOf(r) {
		case cfnMethod:
			t.method(r)
		case samFunction:
			t.functionEvents(r, globals)
		}
	}
	t.samCors()
	var out []*model.API
	for _, id := range t.order {
		out = append(out, t.apis[id])
	}
	return out
}

func typeOf(r value) string {
	if t := r.get("Type").node; t.IsString() {
		return t.Value
	}
	return ""
}

// newAPI records an API of the template. body, when it exists, is the
// inline OpenAPI definition the API is built from.
func (t *template) newAPI(r, body value, kind model.Kind) *model.API {
	var api *model.API
	if body.exists() {
		api = t.c.body(body)
	}
	return t.record(r, api, kind)
}

// record records an API of the template, read from a definition or (nil)
// built from resources alone.
func (t *template) record(r value, api *model.API, kind model.Kind) *model.API {
	if api == nil {
		api = &model.API{Span: r.keySpan()}
	}
	api.Name, api.Container = r.key.Value, t.container
	// The resource type decides, unless a RestApi's body is plainly an
	// HTTP API's (x-amazon-apigateway-cors, payloadFormatVersion): then
	// the body's own evidence stands.
	if kind == model.HTTPAPI || api.Kind != model.HTTPAPI {
		api.Kind = kind
		api.KindEvidence = model.Evidence{Reason: typeOf(r) + " is " + kindName(kind), Pointer: r.get("Type").ptr, Span: r.get("Type").span()}
	}
	t.apis[r.key.Value] = api
	t.order = append(t.order, r.key.Value)
	return api
}

func kindName(k model.Kind) string {
	if k == model.HTTPAPI {
		return "an HTTP API"
	}
	return "a REST API"
}

// restAPI reads AWS::ApiGateway::RestApi: its binary media types are the
// union of the BinaryMediaTypes property and the Body's extension.
func (t *template) restAPI(r value) {
	props := r.get("Properties")
	api := t.newAPI(r, props.get("Body"), model.RESTAPI)
	if s3 := props.get("BodyS3Location"); s3.exists() {
		api.Elsewhere = s3.str()
	}
	addProperty(api, props.get("BinaryMediaTypes"), model.FromCloudFormation, false)
}

// v2API reads AWS::ApiGatewayV2::Api: an HTTP API (WebSocket APIs carry no
// HTTP payloads and are left out).
func (t *template) v2API(r value) {
	props := r.get("Properties")
	if p, ok := literal(props.get("ProtocolType")); ok && strings.EqualFold(p, "WEBSOCKET") {
		return
	}
	api := t.newAPI(r, props.get("Body"), model.HTTPAPI)
	if s3 := props.get("BodyS3Location"); s3.exists() {
		api.Elsewhere = s3.str()
	}
}

// addProperty adds a container's binary-media-types setting to an API.
// Entries that are intrinsics are evaluated where they are literals (a
// Fn::Join of strings) and otherwise kept as unknown; a whole list written
// as an intrinsic is one unknown entry. unescape applies SAM's documented
// "~1" → "/".
func addProperty(api *model.API, v value, origin model.Origin, unescape bool) {
	if !v.exists() {
		return
	}
	api.BinaryMediaTypes.Property = v.str()
	api.BinaryMediaTypes.Entries = append(api.BinaryMediaTypes.Entries, propertyEntries(v, origin, unescape)...)
}

// propertyEntries reads the entries of a binary-media-types property.
func propertyEntries(v value, origin model.Origin, unescape bool) []model.MediaType {
	items := v.items()
	if _, _, isIntrinsic := intrinsic(v); isIntrinsic || v.node.Kind != source.Sequence {
		items = []value{v}
	}
	var out []model.MediaType
	for _, item := range items {
		out = append(out, propertyEntry(item, origin, unescape))
	}
	return out
}

func propertyEntry(item value, origin model.Origin, unescape bool) model.MediaType {
	e := model.MediaType{Field: item.str(), Origin: origin}
	s, ok := literal(item)
	if !ok {
		e.Unknown = true
		return e
	}
	if _, _, isIntrinsic := intrinsic(item); isIntrinsic {
		e.Tag, e.Raw = source.TagStr, s // evaluated: the value API Gateway receives
	}
	e.Value = s
	if unescape {
		e.Value = strings.ReplaceAll(s, "~1", "/")
	}
	return e
}
