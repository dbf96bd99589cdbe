package cloudformation

import (
	"slices"
	"strings"

	"github.com/apigw-oas/apigw-oas/importer/internal/read"
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
	cors  read.Value // the Cors setting, the API's or Globals'
}

// samAPI reads AWS::Serverless::Api or AWS::Serverless::HttpApi. Globals
// apply beneath the resource's own properties; SAM concatenates lists, so
// BinaryMediaTypes are both. When BinaryMediaTypes are set SAM writes them,
// un-escaped, over the definition's extension (swagger.py
// add_binary_media_types), so the extension's entries are replaced.
func (t *template) samAPI(r, globals read.Value, kind model.Kind) {
	props := r.Get("Properties")
	settings := &samSettings{cors: firstOf(props.Get("Cors"), globals.Get("Cors"))}
	var api *model.API
	body, uri := props.Get("DefinitionBody"), firstOf(props.Get("DefinitionUri"), globals.Get("DefinitionUri"))
	switch {
	case body.Exists():
		api = t.definition(r, body)
		settings.fixed = true
	case uri.Exists():
		api = t.located(r, uri)
		settings.fixed = true
	}
	if merge, _ := read.Evaluate(props.Get("MergeDefinitions")); merge == "true" {
		settings.fixed = false
	}
	api = t.record(r, api, kind)
	t.sam[r.Key.Value] = settings
	if kind == model.RESTAPI {
		samBinaryMediaTypes(api, globals.Get("BinaryMediaTypes"), props.Get("BinaryMediaTypes"))
	}
}

// samBinaryMediaTypes sets an API's binary media types from SAM's settings.
func samBinaryMediaTypes(api *model.API, settings ...read.Value) {
	var entries []model.MediaType
	for _, v := range settings {
		if v.Exists() {
			api.BinaryMediaTypes.Property = v.Str()
			entries = append(entries, read.PropertyEntries(v, model.FromSAM, true)...)
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
func firstOf(vs ...read.Value) read.Value {
	for _, v := range vs {
		if v.Exists() {
			return v
		}
	}
	return read.Value{}
}

// functionEvents reads a function's Api and HttpApi events as Lambda proxy
// operations: of the API its RestApiId/ApiId names, or of SAM's implicit
// API. An API with its own definition gets no event routes (SAM adds them
// only with MergeDefinitions).
func (t *template) functionEvents(r read.Value, globals read.Value) {
	events := r.Get("Properties").Get("Events")
	if events.Exists() && events.Node.Kind != source.Mapping {
		t.c.Problem(events, "Events must be a map of event names to events, not %s", source.DescribeNode(events.Node))
		return
	}
	for _, e := range events.Entries() {
		kind := model.RESTAPI
		switch typeOf(e) {
		case "Api":
		case "HttpApi":
			kind = model.HTTPAPI
		default:
			continue
		}
		props := e.Get("Properties")
		api := t.eventAPI(e, props, kind, globals)
		if api == nil {
			continue
		}
		path, ok := read.Evaluate(props.Get("Path"))
		method, known := read.Evaluate(props.Get("Method"))
		if kind == model.HTTPAPI && !props.Get("Path").Exists() {
			path, method, ok, known = "/", "ANY", true, true // HttpApi's default: every route ($default)
		}
		if !ok || !known {
			continue
		}
		if strings.EqualFold(method, "any") {
			method = "ANY"
		}
		api.Operations = append(api.Operations, &model.Operation{
			Path: path, Method: strings.ToUpper(method), Pointer: e.Ptr, Span: e.KeySpan(),
			Integration: lambdaProxy(e),
		})
	}
}

// eventAPI is the API an event adds a route to, or nil when the route is
// not added (an API with a fixed definition, or one not in this template).
func (t *template) eventAPI(e, props read.Value, kind model.Kind, globals read.Value) *model.API {
	idKey, implicit, globalsKey := "RestApiId", implicitRESTAPI, "Api"
	if kind == model.HTTPAPI {
		idKey, implicit, globalsKey = "ApiId", implicitHTTPAPI, "HttpApi"
	}
	if ref := props.Get(idKey); ref.Exists() {
		id, _, ok := read.RefTarget(ref)
		if settings := t.sam[id]; !ok || settings == nil || settings.fixed {
			return nil
		}
		return t.apis[id]
	}
	if api := t.apis[implicit]; api != nil {
		return api
	}
	g := globals.Get(globalsKey)
	api := &model.API{
		Name: implicit, Container: t.container, Kind: kind, Span: e.KeySpan(),
		KindEvidence: model.Evidence{Reason: "SAM creates " + implicit + " for function events that name no API", Pointer: e.Ptr, Span: e.KeySpan()},
	}
	t.apis[implicit] = api
	t.order = append(t.order, implicit)
	t.sam[implicit] = &samSettings{cors: g.Get("Cors")}
	if kind == model.RESTAPI {
		samBinaryMediaTypes(api, g.Get("BinaryMediaTypes"))
	}
	return api
}

// lambdaProxy is the integration SAM writes for a function event.
func lambdaProxy(e read.Value) *model.Integration {
	f := read.Synthesized(e, "aws_proxy")
	return &model.Integration{
		Pointer: e.Ptr, Span: e.KeySpan(),
		Type: model.Field[model.IntegrationType]{Value: model.AWSProxy, Raw: f.Raw, Tag: f.Tag, Set: true, Pointer: f.Pointer, Span: f.Span},
	}
}

// samCors adds the OPTIONS operation SAM writes for Cors to every path of
// an API that has none, as swagger.py add_cors does: a mock integration
// with a JSON request template and no contentHandling.
func (t *template) samCors() {
	for _, id := range t.order {
		settings, api := t.sam[id], t.apis[id]
		if settings == nil || !settings.cors.Exists() || api.Kind != model.RESTAPI || api.Elsewhere.Set {
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

func samPreflight(path string, cors read.Value) *model.Operation {
	at := cors.KeySpan()
	mock := read.Synthesized(cors, "mock")
	return &model.Operation{
		Path: path, Method: "OPTIONS", Pointer: cors.Ptr, Span: at,
		Generated: &model.Generated{By: "SAM Cors", Pointer: cors.Ptr, Span: at},
		Integration: &model.Integration{
			Pointer: cors.Ptr, Span: at,
			Type:             model.Field[model.IntegrationType]{Value: model.Mock, Raw: mock.Raw, Tag: mock.Tag, Set: true, Pointer: mock.Pointer, Span: mock.Span},
			RequestTemplates: []model.Named{{Name: read.Synthesized(cors, "application/json"), Value: read.Synthesized(cors, samPreflightTemplate)}},
			Responses: []*model.IntegrationResponse{{
				Pattern: read.Synthesized(cors, "default"), Pointer: cors.Ptr, StatusCode: read.Synthesized(cors, "200"),
				ResponseTemplates: []model.Named{{Name: read.Synthesized(cors, "application/json"), Value: read.Synthesized(cors, "{}\n")}},
			}},
		},
		Responses: []*model.Response{{Status: read.Synthesized(cors, "200")}},
	}
}

// unreachedGlobals records Globals.Api's settings as unapplied when no API
// they apply to exists: SAM applies Globals.Api only to
// AWS::Serverless::Api resources and the implicit ServerlessRestApi of Api
// events, so with none (no API at all, only HTTP APIs, which take
// Globals.HttpApi, or plain AWS::ApiGateway::RestApi resources) a
// BinaryMediaTypes there configures nothing, however sure its author is.
// The file holds them; each API of the template repeats them for
// inspect's JSON.
func (t *template) unreachedGlobals(api read.Value) {
	if !api.Exists() {
		return
	}
	for id, settings := range t.sam {
		if settings != nil && t.apis[id].Kind == model.RESTAPI {
			return
		}
	}
	why := "SAM applies Globals.Api only to AWS::Serverless::Api resources and to the API it creates for Api events, and this template has neither"
	for _, e := range api.Entries() {
		u := model.Unapplied{Setting: "Globals.Api." + e.Key.Value, Why: why, Pointer: e.Ptr, Span: e.KeySpan()}
		t.c.Unapplied = append(t.c.Unapplied, u)
		for _, id := range t.order {
			t.apis[id].Unapplied = append(t.apis[id].Unapplied, u)
		}
	}
}
