package importer

import (
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

// openapi imports one OpenAPI 2.0 or 3.x document.
type openapi struct {
	api  *model.API
	refs *refs
	// root is the definition, whose same-document $refs ("#/…") are
	// relative to it.
	root value
	oas2 bool
	// inContainer is set for a definition a container holds, whose binary
	// media types may be written with intrinsic functions.
	inContainer bool
}

// containerBody imports an OpenAPI definition a container holds. It
// returns nil, having reported why, when the value is not an OpenAPI
// definition.
func containerBody(c *container, v value) *model.API {
	if v.node.Kind != source.Mapping {
		c.problem(v, "the API definition is %s, not an OpenAPI document", describeNode(v.node))
		return nil
	}
	format, version := detectOpenAPI(v)
	switch {
	case !version.exists():
		c.problem(v, "the API definition has no \"openapi\" or \"swagger\" field")
		return nil
	case format == "":
		c.problem(version, "unsupported OpenAPI version %q; apigw-oas reads swagger 2.0 and openapi 3.0, 3.1 and 3.2", version.str().Raw)
		return nil
	}
	return importOpenAPI(v, format, version, c.refs, true)
}

// importOpenAPI imports the definition at root: a whole file, or a body
// a container holds (inContainer), whose same-document $refs ("#/…") are
// relative to it.
func importOpenAPI(root value, format model.Format, version value, r *refs, inContainer bool) *model.API {
	imp := &openapi{
		api: &model.API{
			Format: format, Version: version.str(), Span: root.span(),
			Definition: root.node, DefinitionPointer: root.ptr, DefinitionDoc: root.doc,
		},
		refs: r, root: root, inContainer: inContainer,
		oas2: format == model.FormatOpenAPI2,
	}
	imp.binaryMediaTypes(root)
	consumes := mediaTypes(root.get("consumes"), model.FromRootConsumes)
	produces := mediaTypes(root.get("produces"), model.FromRootProduces)
	if imp.oas2 {
		imp.api.Consumes, imp.api.Produces = consumes, produces
	} else {
		imp.api.Legacy = model.Legacy{Consumes: consumes, Produces: produces}
	}
	imp.scan(root)
	for _, path := range root.get("paths").entries() {
		imp.pathItem(path)
	}
	imp.api.Kind, imp.api.KindEvidence = detectKind(imp.api, root)
	return imp.api
}

func (imp *openapi) binaryMediaTypes(root value) {
	v := root.get(binaryMediaTypesKey)
	if !v.exists() {
		return
	}
	bmt := &imp.api.BinaryMediaTypes
	bmt.Declared = v.str()
	bmt.Entries = mediaTypes(v, model.FromBinaryMediaTypes)
	if !imp.inContainer {
		return
	}
	// A template may write entries as intrinsics: a Fn::Join of literals
	// is its string, anything else is unknown.
	for i, item := range v.items() {
		if !bmt.Entries[i].IsString() {
			bmt.Entries[i] = propertyEntry(item, model.FromBinaryMediaTypes, false)
		}
	}
}

// follow resolves v while it is a $ref, relative to the definition.
func (imp *openapi) follow(v value) value { return imp.refs.follow(imp.root, v) }

// scan walks the whole document once, for what can be written anywhere: the
// binary-media-types extension away from the root, where API Gateway
// ignores it, and $refs that must not be followed.
func (imp *openapi) scan(root value) {
	doc := root.doc
	walkEntries(doc, root.node, func(k, v *source.Node, tokens []string) {
		switch {
		case k.Value == binaryMediaTypesKey && len(tokens) > 1:
			at := value{doc: doc, key: k, node: v, ptr: root.ptr + source.Pointer(tokens...)}
			imp.api.BinaryMediaTypes.Misplaced = append(imp.api.BinaryMediaTypes.Misplaced, model.Misplaced{
				Pointer: at.ptr, Span: at.keySpan(), Entries: mediaTypes(at, model.FromBinaryMediaTypes),
			})
		case k.Value == "$ref" && v.IsString():
			imp.refs.vet(value{doc: doc, key: k, node: v, ptr: root.ptr + source.Pointer(tokens...)})
		}
	})
}

func (imp *openapi) pathItem(path value) {
	item := imp.follow(path)
	for _, m := range item.entries() {
		method, ok := methods[m.key.Value] // OpenAPI keys are case-sensitive: "GET" is not an operation
		if !ok || m.node.Kind != source.Mapping {
			continue
		}
		imp.api.Operations = append(imp.api.Operations, imp.operation(path.key.Value, method, m, item))
	}
}

func (imp *openapi) operation(path, method string, m, item value) *model.Operation {
	op := &model.Operation{Path: path, Method: method, Pointer: m.ptr, Span: m.keySpan()}
	consumes := mediaTypes(m.get("consumes"), model.FromConsumes)
	produces := mediaTypes(m.get("produces"), model.FromProduces)
	if imp.oas2 {
		if !m.get("consumes").exists() && imp.takesBody(m, item) {
			consumes = imp.api.Consumes
		}
		if !m.get("produces").exists() {
			produces = imp.api.Produces
		}
		op.Accepts = consumes
	} else {
		op.Accepts = mediaTypeKeys(imp.follow(m.get("requestBody")).get("content"), model.FromRequestBody)
		op.Legacy = model.Legacy{Consumes: consumes, Produces: produces}
	}
	for _, r := range m.get("responses").entries() {
		op.Responses = append(op.Responses, imp.response(r, produces))
	}
	if in := m.get(integrationKey); in.exists() {
		op.Integration = imp.integration(in)
	}
	return op
}

// takesBody reports whether an OpenAPI 2 operation has a body or formData
// parameter, on itself or on its path. The root "consumes" applies only to
// such operations; an operation's own "consumes" is taken as written.
func (imp *openapi) takesBody(m, item value) bool {
	for _, params := range []value{m.get("parameters"), item.get("parameters")} {
		for _, p := range params.items() {
			in := imp.follow(p).get("in").str().Raw
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
func (imp *openapi) response(r value, produces []model.MediaType) *model.Response {
	resp := &model.Response{Status: r.keyField()}
	switch {
	case !imp.oas2:
		resp.Produces = mediaTypeKeys(imp.follow(r).get("content"), model.FromResponseContent)
	case r.key.Value != "204" && r.key.Value != "304":
		resp.Produces = produces
	}
	return resp
}
