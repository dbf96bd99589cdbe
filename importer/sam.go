package importer

import (
	"slices"
	"strings"

	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

// SAM's implicit APIs: the ones it creates for function events that name
// no API.
const (
	implicitRESTAPI = "ServerlessRestApi"
	implicitHTTPAPI = "ServerlessHttpApi"
)

// samSettings are what SAM does with an API beyond its definition.
type samSettings struct {
	// fixed: the API has an inline DefinitionBody (or a DefinitionUri)
	// and no MergeDefinitions, so SAM adds no event routes to it.
	fixed bool
	cors  value // the Cors setting, the API's or Globals'
}

// samAPI reads AWS::Serverless::Api or AWS::Serverless::HttpApi. Globals
// apply beneath the resource's own properties; SAM concatenates lists, so
// BinaryMediaTypes are both. When BinaryMediaTypes are set SAM writes them,
// un-escaped, over the definition's extension (swagger.py
// add_binary_media_types), so the extension's entries are replaced.
func (t *template) samAPI(r, globals value, kind model.Kind) {
	props := r.get("Properties")
	settings := &samSettings{cors: firstOf(props.get("Cors"), globals.get("Cors"))}
	var api *model.API
	body, uri := props.get("DefinitionBody"), firstOf(props.get("DefinitionUri"), globals.get("DefinitionUri"))
	switch {
	case body.exists():
		api = t.c.body(body)
		settings.fixed = true
	case uri.exists():
		settings.fixed = true
		if path, ok := literal(uri); ok && uri.node.Kind == source.Scalar && !strings.HasPrefix(path, "s3://") {
			api = t.c.file(uri, path)
		} else {
			api = &model.API{Span: r.keySpan(), Elsewhere: uri.str()}
		}
	}
	if merge, _ := literal(props.get("MergeDefinitions")); merge == "true" {
		settings.fixed = false
	}
	api = t.record(r, api, kind)
	t.sam[r.key.Value] = settings
	if kind == model.RESTAPI {
		samBinaryMediaTypes(api, globals.get("BinaryMediaTypes"), props.get("BinaryMediaTypes"))
	}
}

// samBinaryMediaTypes sets an API's binary media types from SAM's settings.
func samBinaryMediaTypes(api *model.API, settings ...value) {
	var entries []model.MediaType
	for _, v := range settings {
		if v.exists() {
			api.BinaryMediaTypes.Property = v.str()
			entries = append(entries, propertyEntries(v, model.FromSAM, true)...)
		}
	}
	if entries == nil {
		return
	}
	bmt := &api.BinaryMediaTypes
	bmt.Replaced = bmt.Entries // the definition's extension, overwritten
	bmt.Entries = entries
}

// firstOf returns the first value that exists.
func firstOf(vs ...value) value {
	for _, v := range vs {
		if v.exists() {
			return v
		}
	}
	return value{}
}

// functionEvents reads a function's Api and HttpApi events as Lambda proxy
// operations: of the API its RestApiId/ApiId names, or of SAM's implicit
// API. An API with its own definition gets no event routes (SAM adds them
// only with MergeDefinitions).
func (t *template) functionEvents(r value, globals value) {
	events := r.get("Properties").get("Events")
	if events.exists() && events.node.Kind != source.Mapping {
		t.c.problem(events, "Events must be a map of event names to events, not %s", describeNode(events.node))
		return
	}
	for _, e := range events.entries() {
		kind := model.RESTAPI
		switch typeOf(e) {
		case "Api":
		case "HttpApi":
			kind = model.HTTPAPI
		default:
			continue
		}
		props := e.get("Properties")
		api := t.eventAPI(e, props, kind, globals)
		if api == nil {
			continue
		}
		path, ok := literal(props.get("Path"))
		method, known := literal(props.get("Method"))
		if kind == model.HTTPAPI && !props.get("Path").exists() {
			path, method, ok, known = "/", "ANY", true, true // HttpApi's default: every route ($default)
		}
		if !ok || !known {
			continue
		}
		if strings.EqualFold(method, "any") {
			method = "ANY"
		}
		api.Operations = append(api.Operations, &model.Operation{
			Path: path, Method: strings.ToUpper(method), Pointer: e.ptr, Span: e.keySpan(),
			Integration: lambdaProxy(e),
		})
	}
}

// eventAPI is the API an event adds a route to, or nil when the route is
// not added (an API with a fixed definition, or one not in this template).
func (t *template) eventAPI(e, props value, kind model.Kind, globals value) *model.API {
	idKey, implicit, globalsKey := "RestApiId", implicitRESTAPI, "Api"
	if kind == model.HTTPAPI {
		idKey, implicit, globalsKey = "ApiId", implicitHTTPAPI, "HttpApi"
	}
	if ref := props.get(idKey); ref.exists() {
		id, _, ok := refTarget(ref)
		if settings := t.sam[id]; !ok || settings == nil || settings.fixed {
			return nil
		}
		return t.apis[id]
	}
	if api := t.apis[implicit]; api != nil {
		return api
	}
	g := globals.get(globalsKey)
	api := &model.API{
		Name: implicit, Container: t.container, Kind: kind, Span: e.keySpan(),
		KindEvidence: model.Evidence{Reason: "SAM creates " + implicit + " for function events that name no API", Pointer: e.ptr, Span: e.keySpan()},
	}
	t.apis[implicit] = api
	t.order = append(t.order, implicit)
	t.sam[implicit] = &samSettings{cors: g.get("Cors")}
	if kind == model.RESTAPI {
		samBinaryMediaTypes(api, g.get("BinaryMediaTypes"))
	}
	return api
}

// lambdaProxy is the integration SAM writes for a function event.
func lambdaProxy(e value) *model.Integration {
	f := synthesized(e, "aws_proxy")
	return &model.Integration{
		Pointer: e.ptr, Span: e.keySpan(),
		Type: model.Field[model.IntegrationType]{Value: model.AWSProxy, Raw: f.Raw, Tag: f.Tag, Set: true, Pointer: f.Pointer, Span: f.Span},
	}
}

// samCors adds the OPTIONS operation SAM writes for Cors to every path of
// an API that has none, as swagger.py add_cors does: a mock integration
// with a JSON request template and no contentHandling.
func (t *template) samCors() {
	for _, id := range t.order {
		settings, api := t.sam[id], t.apis[id]
		if settings == nil || !settings.cors.exists() || api.Kind != model.RESTAPI || api.Elsewhere.Set {
			continue
		}
		var paths []string // in the order they first appear
		for _, op := range api.Operations {
			if !slices.Contains(paths, op.Path) {
				paths = append(paths, op.Path)
			}
		}
		for _, p := range paths {
			if api.Operation(p, "OPTIONS") == nil {
				api.Operations = append(api.Operations, samPreflight(p, settings.cors))
			}
		}
	}
}

// samPreflightTemplate is the request template SAM writes, byte for byte.
const samPreflightTemplate = "{\n  \"statusCode\" : 200\n}\n"

func samPreflight(path string, cors value) *model.Operation {
	at := cors.keySpan()
	mock := synthesized(cors, "mock")
	return &model.Operation{
		Path: path, Method: "OPTIONS", Pointer: cors.ptr, Span: at,
		Generated: &model.Generated{By: "SAM Cors", Pointer: cors.ptr, Span: at},
		Integration: &model.Integration{
			Pointer: cors.ptr, Span: at,
			Type:             model.Field[model.IntegrationType]{Value: model.Mock, Raw: mock.Raw, Tag: mock.Tag, Set: true, Pointer: mock.Pointer, Span: mock.Span},
			RequestTemplates: []model.Named{{Name: synthesized(cors, "application/json"), Value: synthesized(cors, samPreflightTemplate)}},
			Responses: []*model.IntegrationResponse{{
				Pattern: synthesized(cors, "default"), Pointer: cors.ptr, StatusCode: synthesized(cors, "200"),
				ResponseTemplates: []model.Named{{Name: synthesized(cors, "application/json"), Value: synthesized(cors, "{}\n")}},
			}},
		},
		Responses: []*model.Response{{Status: synthesized(cors, "200")}},
	}
}
