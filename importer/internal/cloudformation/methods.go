package cloudformation

import (
	"strings"

	"github.com/apigw-oas/apigw-oas/importer/internal/read"
	"github.com/apigw-oas/apigw-oas/model"
)

// method reads AWS::ApiGateway::Method into an operation of the API its
// RestApiId names, at the path its ResourceId's chain of
// AWS::ApiGateway::Resource spells. A method whose API or path cannot be
// known (an imported or conditional ID) is left out; when its path names a
// resource no one declares, the API notes it as unread.
func (t *template) method(r read.Value) {
	props := r.Get("Properties")
	apiID, _, ok := read.RefTarget(props.Get("RestApiId"))
	if !ok {
		return
	}
	api := t.apis[apiID]
	if api == nil && t.outside != nil {
		api = t.outside.API(apiID, r)
	}
	if api == nil {
		return
	}
	path, ok := t.resourcePath(props.Get("ResourceId"), 0)
	method, known := read.Evaluate(props.Get("HttpMethod"))
	if id, _, _ := read.RefTarget(props.Get("ResourceId")); !ok && t.missing[id] != "" {
		api.Unread = append(api.Unread, model.Unread{
			What: "method " + r.Key.Value, Pointer: r.Ptr, Span: r.KeySpan(),
			Why: "its resource's chain names " + t.missing[id] + ", which neither the template nor the tool deploying it declares, so its path is unknown",
		})
	}
	if !ok || !known {
		return
	}
	op := &model.Operation{Path: path, Method: strings.ToUpper(method), Pointer: r.Ptr, Span: r.KeySpan()}
	for _, m := range props.Get("RequestModels").Entries() {
		op.Accepts = append(op.Accepts, model.MediaType{Field: m.KeyField(), Origin: model.FromRequestModels})
	}
	for _, mr := range props.Get("MethodResponses").Items() {
		op.Responses = append(op.Responses, &model.Response{
			Status:   mr.Get("StatusCode").Str(),
			Produces: read.MediaTypeKeys(mr.Get("ResponseModels"), model.FromResponseModels),
		})
	}
	if integ := props.Get("Integration"); integ.Exists() {
		op.Integration = integration(integ)
	}
	api.Operations = append(api.Operations, op)
}

// integration reads a Method's Integration property. Its
// IntegrationResponses are a list whose SelectionPattern plays the part of
// the OpenAPI extension's response key; without one, a response is the
// default.
func integration(v read.Value) *model.Integration {
	in := &model.Integration{Pointer: v.Ptr, Span: v.KeySpan()}
	read.IntegrationSettings(in, v, read.PascalKeys)
	for _, item := range v.Get("IntegrationResponses").Items() {
		in.Responses = append(in.Responses, read.ListedResponse(item, "SelectionPattern", read.PascalKeys))
	}
	return in
}

// resourcePath is the path of the resource an ID value names: the API's
// root (GetAtt Api.RootResourceId), an AWS::ApiGateway::Resource, whose
// PathParts are joined up its ParentId chain, or a resource the deploying
// tool creates (Outside). A chain that names an ID no one declares is
// recorded in missing.
func (t *template) resourcePath(id read.Value, depth int) (string, bool) {
	target, attr, ok := read.RefTarget(id)
	switch {
	case !ok || depth > 64: // 64 levels: a cycle of ParentIds
		return "", false
	case attr == "RootResourceId":
		return "/", true
	}
	if p, done := t.paths[target]; done {
		return p, p != ""
	}
	r, found := t.byID[target]
	if !found && t.outside != nil {
		if p, ok := t.outside.ResourcePath(target); ok {
			return p, true
		}
	}
	if !found {
		t.paths[target], t.missing[target] = "", target
		return "", false
	}
	if typeOf(r) != typeResource {
		return "", false
	}
	props := r.Get("Properties")
	part, known := read.Evaluate(props.Get("PathPart"))
	parent, ok := t.resourcePath(props.Get("ParentId"), depth+1)
	if !known || !ok {
		t.paths[target] = ""
		if parentID, _, _ := read.RefTarget(props.Get("ParentId")); t.missing[parentID] != "" {
			t.missing[target] = t.missing[parentID]
		}
		return "", false
	}
	p := strings.TrimSuffix(parent, "/") + "/" + part
	t.paths[target] = p
	return p, true
}
