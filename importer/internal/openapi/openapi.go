// Package openapi reads OpenAPI 2.0 and 3.x definitions into the model: a
// file of its own, or a body a container holds (inline, or in a file one of
// its settings names).
package openapi

import (
	"github.com/apigw-oas/apigw-oas/importer/internal/read"
	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

// The API Gateway extensions the importer reads.
const (
	binaryMediaTypesKey = "x-amazon-apigateway-binary-media-types"
	integrationKey      = "x-amazon-apigateway-integration"
	anyMethodKey        = "x-amazon-apigateway-any-method"
)

// methods maps the operation keys of a path item to HTTP methods.
var methods = map[string]string{
	"get": "GET", "put": "PUT", "post": "POST", "delete": "DELETE", "options": "OPTIONS",
	"head": "HEAD", "patch": "PATCH", "trace": "TRACE", anyMethodKey: "ANY",
}

// reader imports one OpenAPI 2.0 or 3.x document.
type reader struct {
	api  *model.API
	refs *read.Refs
	// root is the definition, whose same-document $refs ("#/…") are
	// relative to it.
	root read.Value
	oas2 bool
	// inContainer is set for a definition a container holds, whose binary
	// media types may be written with intrinsic functions.
	inContainer bool
}

// Body imports an OpenAPI definition a container holds. It
// returns nil, having reported why, when the value is not an OpenAPI
// definition.
func Body(c *read.Container, v read.Value) *model.API {
	if v.Node.Kind != source.Mapping {
		c.Problem(v, "the API definition is %s, not an OpenAPI document", source.DescribeNode(v.Node))
		return nil
	}
	format, version := Detect(v)
	switch {
	case !version.Exists():
		c.Problem(v, "the API definition has no \"openapi\" or \"swagger\" field")
		return nil
	case format == "":
		c.Problem(version, "unsupported OpenAPI version %q; apigw-oas reads swagger 2.0 and openapi 3.0, 3.1 and 3.2", version.Str().Raw)
		return nil
	}
	return Import(v, format, version, c.Refs, true)
}

// Import imports the definition at root: a whole file, or a body
// a container holds (inContainer), whose same-document $refs ("#/…") are
// relative to it.
func Import(root read.Value, format model.Format, version read.Value, r *read.Refs, inContainer bool) *model.API {
	imp := &reader{
		api: &model.API{
			Format: format, Version: version.Str(), Span: root.Span(),
			Definition: root.Node, DefinitionPointer: root.Ptr, DefinitionDoc: root.Doc,
		},
		refs: r, root: root, inContainer: inContainer,
		oas2: format == model.FormatOpenAPI2,
	}
	imp.binaryMediaTypes(root)
	consumes := read.MediaTypes(root.Get("consumes"), model.FromRootConsumes)
	produces := read.MediaTypes(root.Get("produces"), model.FromRootProduces)
	if imp.oas2 {
		imp.api.Consumes, imp.api.Produces = consumes, produces
	} else {
		imp.api.Legacy = model.Legacy{Consumes: consumes, Produces: produces}
	}
	imp.scan(root)
	for _, path := range root.Get("paths").Entries() {
		imp.pathItem(path)
	}
	imp.api.Kind, imp.api.KindEvidence = detectKind(imp.api, root)
	return imp.api
}

func (imp *reader) binaryMediaTypes(root read.Value) {
	v := root.Get(binaryMediaTypesKey)
	if !v.Exists() {
		return
	}
	bmt := &imp.api.BinaryMediaTypes
	bmt.Declared = v.Str()
	bmt.Entries = read.MediaTypes(v, model.FromBinaryMediaTypes)
	if !imp.inContainer {
		return
	}
	// A template may write entries as intrinsics: a Fn::Join of literals
	// is its string, anything else is unknown.
	for i, item := range v.Items() {
		if !bmt.Entries[i].IsString() {
			bmt.Entries[i] = read.PropertyEntry(item, model.FromBinaryMediaTypes, false)
		}
	}
}

// follow resolves v while it is a $ref, relative to the definition.
func (imp *reader) follow(v read.Value) read.Value { return imp.refs.Follow(imp.root, v) }

// scan walks the whole document once, for what can be written anywhere: the
// binary-media-types extension away from the root, where API Gateway
// ignores it, and $refs that must not be followed.
func (imp *reader) scan(root read.Value) {
	doc := root.Doc
	read.WalkEntries(doc, root.Node, func(k, v *source.Node, tokens []string) {
		switch {
		case k.Value == binaryMediaTypesKey && len(tokens) > 1:
			at := read.Value{Doc: doc, Key: k, Node: v, Ptr: root.Ptr + source.Pointer(tokens...)}
			imp.api.BinaryMediaTypes.Misplaced = append(imp.api.BinaryMediaTypes.Misplaced, model.Misplaced{
				Pointer: at.Ptr, Span: at.KeySpan(), Entries: read.MediaTypes(at, model.FromBinaryMediaTypes),
			})
		case k.Value == "$ref" && v.IsString():
			imp.refs.Vet(read.Value{Doc: doc, Key: k, Node: v, Ptr: root.Ptr + source.Pointer(tokens...)})
		}
	})
}

func (imp *reader) pathItem(path read.Value) {
	item := imp.follow(path)
	for _, m := range item.Entries() {
		method, ok := methods[m.Key.Value] // OpenAPI keys are case-sensitive: "GET" is not an operation
		if !ok || m.Node.Kind != source.Mapping {
			continue
		}
		imp.api.Operations = append(imp.api.Operations, imp.operation(path.Key.Value, method, m, item))
	}
}

func (imp *reader) operation(path, method string, m, item read.Value) *model.Operation {
	op := &model.Operation{Path: path, Method: method, Pointer: m.Ptr, Span: m.KeySpan()}
	consumes := read.MediaTypes(m.Get("consumes"), model.FromConsumes)
	produces := read.MediaTypes(m.Get("produces"), model.FromProduces)
	if imp.oas2 {
		if !m.Get("consumes").Exists() && imp.takesBody(m, item) {
			consumes = imp.api.Consumes
		}
		if !m.Get("produces").Exists() {
			produces = imp.api.Produces
		}
		op.Accepts = consumes
	} else {
		op.Accepts = read.MediaTypeKeys(imp.follow(m.Get("requestBody")).Get("content"), model.FromRequestBody)
		op.Legacy = model.Legacy{Consumes: consumes, Produces: produces}
	}
	for _, r := range m.Get("responses").Entries() {
		op.Responses = append(op.Responses, imp.response(r, produces))
	}
	if in := m.Get(integrationKey); in.Exists() {
		op.Integration = imp.integration(in)
	}
	return op
}

// takesBody reports whether an OpenAPI 2 operation has a body or formData
// parameter, on itself or on its path. The root "consumes" applies only to
// such operations; an operation's own "consumes" is taken as written.
func (imp *reader) takesBody(m, item read.Value) bool {
	for _, params := range []read.Value{m.Get("parameters"), item.Get("parameters")} {
		for _, p := range params.Items() {
			in := imp.follow(p).Get("in").Str().Raw
			if in == "body" || in == "formData" {
				return true
			}
		}
	}
	return false
}

// response reads one declared response: in OpenAPI 3 its content keys, in
// OpenAPI 2 the operation's (else the root's) "produces", for every
// response that can have a body.
func (imp *reader) response(r read.Value, produces []model.MediaType) *model.Response {
	resp := &model.Response{Status: r.KeyField()}
	switch {
	case !imp.oas2:
		resp.Produces = read.MediaTypeKeys(imp.follow(r).Get("content"), model.FromResponseContent)
	case r.Key.Value != "204" && r.Key.Value != "304":
		resp.Produces = produces
	}
	return resp
}
