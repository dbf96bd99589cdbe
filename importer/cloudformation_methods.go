package importer

import (
	"strings"

	"github.com/apigw-oas/apigw-oas/model"
)

// method reads AWS::ApiGateway::Method into an operation of the API its
// RestApiId names, at the path its ResourceId's chain of
// AWS::ApiGateway::Resource spells. A method whose API or path cannot be
// known (an imported or conditional ID) is left out.
func (t *template) method(r value) {
	props := r.get("Properties")
	apiID, _, ok := refTarget(props.get("RestApiId"))
	api := t.apis[apiID]
	if !ok || api == nil {
		return
	}
	path, ok := t.resourcePath(props.get("ResourceId"), 0)
	method, known := literal(props.get("HttpMethod"))
	if !ok || !known {
		return
	}
	op := &model.Operation{Path: path, Method: strings.ToUpper(method), Pointer: r.ptr, Span: r.keySpan()}
	for _, m := range props.get("RequestModels").entries() {
		op.Accepts = append(op.Accepts, model.MediaType{Field: m.keyField(), Origin: model.FromRequestModels})
	}
	for _, mr := range props.get("MethodResponses").items() {
		op.Responses = append(op.Responses, &model.Response{
			Status:   mr.get("StatusCode").str(),
			Produces: mediaTypeKeys(mr.get("ResponseModels"), model.FromResponseModels),
		})
	}
	if integ := props.get("Integration"); integ.exists() {
		op.Integration = cfnIntegration(integ)
	}
	api.Operations = append(api.Operations, op)
}

// cfnIntegration reads a Method's Integration property. Its
// IntegrationResponses are a list whose SelectionPattern plays the part of
// the OpenAPI extension's response key; without one, a response is the
// default.
func cfnIntegration(v value) *model.Integration {
	in := &model.Integration{Pointer: v.ptr, Span: v.keySpan()}
	integrationSettings(in, v, pascalKeys)
	for _, item := range v.get("IntegrationResponses").items() {
		in.Responses = append(in.Responses, listedResponse(item, "SelectionPattern", pascalKeys))
	}
	return in
}

// resourcePath is the path of the resource an ID value names: the API's
// root (GetAtt Api.RootResourceId) or an AWS::ApiGateway::Resource, whose
// PathParts are joined up its ParentId chain.
func (t *template) resourcePath(id value, depth int) (string, bool) {
	target, attr, ok := refTarget(id)
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
	if !found || typeOf(r) != cfnResource {
		return "", false
	}
	props := r.get("Properties")
	part, known := literal(props.get("PathPart"))
	parent, ok := t.resourcePath(props.get("ParentId"), depth+1)
	if !known || !ok {
		t.paths[target] = ""
		return "", false
	}
	p := strings.TrimSuffix(parent, "/") + "/" + part
	t.paths[target] = p
	return p, true
}

// synthesized is a setting the deployment tool writes itself, placed on
// the setting that makes it do so.
func synthesized(at value, text string) model.Field[string] {
	return model.Field[string]{Value: text, Raw: text, Tag: "!!str", Set: true, Pointer: at.ptr, Span: at.keySpan()}
}
