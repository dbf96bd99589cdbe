package importer

import (
	"strings"

	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

// importAPIGateway reads API Gateway's control-plane JSON, so that what is
// deployed can be linted: the output of `aws apigateway get-rest-api`
// (binaryMediaTypes), of `get-resources --embed methods` (items with
// resourceMethods), or both merged into one object
// (jq -s '.[0] * .[1]' rest-api.json resources.json).
func importAPIGateway(c *container) {
	root := c.root()
	api := &model.API{Container: model.ContainerAPIGateway, Kind: model.RESTAPI, Span: root.span()}
	api.KindEvidence = model.Evidence{Reason: "the apigateway (v1) control plane serves REST APIs"}
	if name, ok := literal(root.get("name")); ok {
		api.Name = name
	} else if id, ok := literal(root.get("id")); ok {
		api.Name = id
	}
	items := root.get("items")
	if bmt := root.get("binaryMediaTypes"); bmt.exists() {
		addProperty(api, bmt, model.FromControlPlane, false)
	} else if items.exists() {
		// get-resources output alone: the list lives in get-rest-api's.
		api.BinaryMediaTypes.Entries = []model.MediaType{{
			Field:   model.Field[string]{Tag: "!get-rest-api", Pointer: items.ptr, Span: items.keySpan()},
			Origin:  model.FromControlPlane,
			Unknown: true,
		}}
	}
	if items.exists() && items.node.Kind != source.Sequence {
		c.problem(items, "items must be the list get-resources prints, not %s", describeNode(items.node))
	}
	for _, r := range items.items() {
		path, _ := literal(r.get("path"))
		for _, m := range r.get("resourceMethods").entries() {
			api.Operations = append(api.Operations, controlPlaneMethod(path, m))
		}
	}
	c.add(api)
}

// controlPlaneMethod reads one entry of a resource's resourceMethods.
func controlPlaneMethod(path string, m value) *model.Operation {
	op := &model.Operation{Path: path, Method: strings.ToUpper(m.key.Value), Pointer: m.ptr, Span: m.keySpan()}
	for _, rm := range m.get("requestModels").entries() {
		op.Accepts = append(op.Accepts, model.MediaType{Field: rm.keyField(), Origin: model.FromRequestModels})
	}
	for _, mr := range m.get("methodResponses").entries() {
		op.Responses = append(op.Responses, &model.Response{
			Status: mr.keyField(), Produces: mediaTypeKeys(mr.get("responseModels"), model.FromResponseModels),
		})
	}
	integ := m.get("methodIntegration")
	if !integ.exists() {
		return op
	}
	in := &model.Integration{Pointer: integ.ptr, Span: integ.keySpan()}
	integrationSettings(in, integ, camelKeys)
	// integrationResponses are keyed by status code; the selection
	// pattern is a field, absent on the default response.
	for _, r := range integ.get("integrationResponses").entries() {
		in.Responses = append(in.Responses, listedResponse(r, "selectionPattern", camelKeys))
	}
	op.Integration = in
	return op
}
