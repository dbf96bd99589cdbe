// Package apigateway reads API Gateway's control-plane JSON (the output of
// aws apigateway get-rest-api and get-resources --embed methods) into the
// model.
package apigateway

import (
	"strings"

	"github.com/apigw-oas/apigw-oas/importer/internal/read"
	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

// Import reads API Gateway's control-plane JSON, so that what is
// deployed can be linted: the output of `aws apigateway get-rest-api`
// (binaryMediaTypes), of `get-resources --embed methods` (items with
// resourceMethods), or both merged into one object
// (jq -s '.[0] * .[1]' rest-api.json resources.json).
func Import(c *read.Container) {
	root := c.Root()
	api := &model.API{Container: model.ContainerAPIGateway, Kind: model.RESTAPI, Span: root.Span()}
	api.KindEvidence = model.Evidence{Reason: "the apigateway (v1) control plane serves REST APIs"}
	if name, ok := read.Evaluate(root.Get("name")); ok {
		api.Name = name
	} else if id, ok := read.Evaluate(root.Get("id")); ok {
		api.Name = id
	}
	items := root.Get("items")
	if bmt := root.Get("binaryMediaTypes"); bmt.Exists() {
		read.AddProperty(api, bmt, model.FromControlPlane, false)
	} else if items.Exists() {
		// get-resources output alone: the list lives in get-rest-api's.
		api.BinaryMediaTypes.Entries = []model.MediaType{{
			Field:  model.Field[string]{Tag: "!get-rest-api", Pointer: items.Ptr, Span: items.KeySpan(), Unknown: true},
			Origin: model.FromControlPlane,
		}}
	}
	if items.Exists() && items.Node.Kind != source.Sequence {
		c.Problem(items, "items must be the list get-resources prints, not %s", source.DescribeNode(items.Node))
	}
	for _, r := range items.Items() {
		path, _ := read.Evaluate(r.Get("path"))
		for _, m := range r.Get("resourceMethods").Entries() {
			api.Operations = append(api.Operations, method(path, m))
		}
	}
	c.Add(api)
}

// method reads one entry of a resource's resourceMethods.
func method(path string, m read.Value) *model.Operation {
	op := &model.Operation{Path: path, Method: strings.ToUpper(m.Key.Value), Pointer: m.Ptr, Span: m.KeySpan()}
	for _, rm := range m.Get("requestModels").Entries() {
		op.Accepts = append(op.Accepts, model.MediaType{Field: rm.KeyField(), Origin: model.FromRequestModels})
	}
	for _, mr := range m.Get("methodResponses").Entries() {
		op.Responses = append(op.Responses, &model.Response{
			Status: mr.KeyField(), Produces: read.MediaTypeKeys(mr.Get("responseModels"), model.FromResponseModels),
		})
	}
	integ := m.Get("methodIntegration")
	if !integ.Exists() {
		return op
	}
	in := &model.Integration{Pointer: integ.Ptr, Span: integ.KeySpan()}
	read.IntegrationSettings(in, integ, read.CamelKeys)
	// integrationResponses are keyed by status code; the selection
	// pattern is a field, absent on the default response.
	for _, r := range integ.Get("integrationResponses").Entries() {
		in.Responses = append(in.Responses, read.ListedResponse(r, "selectionPattern", read.CamelKeys))
	}
	op.Integration = in
	return op
}

// ListsResources reports whether a list looks like get-resources output:
// items with a "path".
func ListsResources(items read.Value) bool {
	for _, it := range items.Items() {
		if it.Get("path").Exists() && (it.Get("resourceMethods").Exists() || it.Get("id").Exists()) {
			return true
		}
	}
	return false
}
