package importer

import (
	"strings"

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
	oas2 bool
}

func importOpenAPI(doc *source.Document, format string, version value, r *refs) *model.API {
	root := value{doc: doc, node: doc.Root}
	imp := &openapi{
		api:  &model.API{Format: format, Version: version.str(), Span: root.span()},
		refs: r,
		oas2: format == formatOpenAPI2,
	}
	imp.binaryMediaTypes(root)
	if imp.oas2 {
		imp.api.Consumes = mediaTypes(root.get("consumes"), "root consumes")
		imp.api.Produces = mediaTypes(root.get("produces"), "root produces")
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
	bmt.Entries = mediaTypes(v, binaryMediaTypesKey)
}

// scan walks the whole document once, for what can be written anywhere: the
// binary-media-types extension away from the root, where API Gateway
// ignores it, and $refs that must not be followed. Pointers are only built
// for what it finds.
func (imp *openapi) scan(root value) {
	var tokens []string
	var walk func(n *source.Node)
	walk = func(n *source.Node) {
		switch n.Kind {
		case source.Mapping:
			for i := 0; i < n.Len(); i++ {
				k, v := n.Pair(i)
				if holdsData(k.Value, tokens) {
					continue
				}
				tokens = append(tokens, k.Value)
				imp.check(root.doc, k, v, tokens)
				walk(v)
				tokens = tokens[:len(tokens)-1]
			}
		case source.Sequence:
			for i, item := range n.Content {
				tokens = append(tokens, itoa(i))
				walk(item)
				tokens = tokens[:len(tokens)-1]
			}
		}
	}
	walk(root.node)
}

// holdsData reports whether the entry key, under the path tokens, holds
// example data rather than OpenAPI objects, so that a "$ref" in it is an
// example's field, not a reference: schema keywords example, enum, const
// and default (but not responses.default), and examples.*.value.
func holdsData(key string, tokens []string) bool {
	parent := func(up int) string {
		if len(tokens) < up {
			return ""
		}
		return tokens[len(tokens)-up]
	}
	switch key {
	case "example", "enum", "const":
		return true
	case "default":
		return parent(1) != "responses"
	case "value":
		return parent(2) == "examples"
	}
	return false
}

func (imp *openapi) check(doc *source.Document, k, v *source.Node, tokens []string) {
	switch {
	case k.Value == binaryMediaTypesKey && len(tokens) > 1:
		at := value{doc: doc, key: k, node: v, ptr: source.Pointer(tokens...)}
		imp.api.BinaryMediaTypes.Misplaced = append(imp.api.BinaryMediaTypes.Misplaced, model.Misplaced{
			Pointer: at.ptr, Span: at.keySpan(), Entries: mediaTypes(at, binaryMediaTypesKey),
		})
	case k.Value == "$ref" && v.IsString():
		imp.refs.vet(value{doc: doc, key: k, node: v, ptr: source.Pointer(tokens...)})
	}
}

func (imp *openapi) pathItem(path value) {
	item := imp.refs.follow(path)
	for _, m := range item.entries() {
		method, ok := methods[strings.ToLower(m.key.Value)]
		if !ok || m.node.Kind != source.Mapping {
			continue
		}
		imp.api.Operations = append(imp.api.Operations, imp.operation(path.key.Value, method, m, item))
	}
}

func (imp *openapi) operation(path, method string, m, item value) *model.Operation {
	op := &model.Operation{Path: path, Method: method, Pointer: m.ptr, Span: m.keySpan()}
	op.Accepts = imp.accepts(m, item)
	explicitProduces := mediaTypes(m.get("produces"), "produces")
	for _, r := range m.get("responses").entries() {
		op.Responses = append(op.Responses, imp.response(r, m.get("produces").exists(), explicitProduces))
	}
	if in := m.get(integrationKey); in.exists() {
		op.Integration = imp.integration(in)
	}
	return op
}

// accepts lists an operation's request media types. OpenAPI 2 "consumes"
// at the root applies only to operations that take a body; an operation's
// own "consumes" is taken as written. OpenAPI 3 documents that also carry
// "consumes" (a Swagger 2 field) keep it, marked by its origin.
func (imp *openapi) accepts(m, item value) []model.MediaType {
	own := mediaTypes(m.get("consumes"), "consumes")
	if !imp.oas2 {
		body := imp.refs.follow(m.get("requestBody"))
		return append(mediaTypeKeys(body.get("content"), "requestBody.content"), own...)
	}
	if m.get("consumes").exists() {
		return own
	}
	if imp.takesBody(m, item) {
		return append([]model.MediaType(nil), imp.api.Consumes...)
	}
	return nil
}

// takesBody reports whether an OpenAPI 2 operation has a body or formData
// parameter, on itself or on its path.
func (imp *openapi) takesBody(m, item value) bool {
	for _, params := range []value{m.get("parameters"), item.get("parameters")} {
		for _, p := range params.items() {
			in := imp.refs.follow(p).get("in").str().Raw
			if in == "body" || in == "formData" {
				return true
			}
		}
	}
	return false
}

// response reads one declared response. For OpenAPI 2, the operation's
// "produces" (else the root's) applies to every response that can have a
// body.
func (imp *openapi) response(r value, hasOwn bool, own []model.MediaType) *model.Response {
	resp := &model.Response{Status: r.keyField()}
	body := imp.refs.follow(r)
	if !imp.oas2 {
		resp.Produces = append(mediaTypeKeys(body.get("content"), "content"), own...)
		return resp
	}
	if status := r.key.Value; status == "204" || status == "304" {
		return resp
	}
	if hasOwn {
		resp.Produces = own
	} else {
		resp.Produces = imp.api.Produces
	}
	return resp
}
