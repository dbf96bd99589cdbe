package terraform

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/apigw-oas/apigw-oas/importer/internal/read"
	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

// Terraform's names for a method's media types: the same settings as
// CloudFormation's RequestModels and ResponseModels.
const (
	fromTFRequestModels  model.Origin = "request_models"
	fromTFResponseModels model.Origin = "response_models"
)

// restBuilder attaches the aws_api_gateway_method, _integration,
// _integration_response and _method_response resources of the module to
// the REST APIs the file declares, as operations at the paths their
// aws_api_gateway_resource chains spell. Modules often declare the API in
// one file and its methods in others; those are read here, with the
// API, so that linting the folder checks every integration once.
//
// Resources are matched as Terraform ties them together: by rest_api_id,
// resource_id and http_method, where http_method may be a literal or a
// reference to the method's. Anything whose API is not declared in the
// file being imported is left out (it is read with its API's file); so is
// a method whose path or verb is computed (a for_each over verbs), since
// its operation cannot be named. Resources with count or for_each are
// read once, as written.
type restBuilder struct {
	t        *reader
	apis     map[string]*model.API       // by aws_api_gateway_rest_api name
	ops      map[opKey]*model.Operation  // by what identifies a method
	byMethod map[string]*model.Operation // by aws_api_gateway_method name
	paths    map[string]string           // aws_api_gateway_resource name → path ("" when unknown)
	// inputs is set when the APIs are the module's input variables
	// (inputs.go): a resource_id that is one is a path too.
	inputs bool
}

// opKey identifies a method as Terraform resources refer to it: the API's
// name, the resource (see resourcePath) and the upper-case verb.
type opKey struct{ api, resource, verb string }

func newRESTBuilder(t *reader, apis map[string]*model.API) *restBuilder {
	return &restBuilder{t: t, apis: apis, ops: map[opKey]*model.Operation{}, byMethod: map[string]*model.Operation{}, paths: map[string]string{}}
}

// build reads methods first, so integrations and responses find them
// wherever they are written.
func (b *restBuilder) build() {
	for _, read := range []struct {
		typ  string
		read func(r *resource)
	}{
		{"aws_api_gateway_method", b.method},
		{"aws_api_gateway_integration", b.integration},
		{"aws_api_gateway_integration_response", b.integrationResponse},
		{"aws_api_gateway_method_response", b.methodResponse},
	} {
		for _, f := range b.t.mod.everyFile() {
			for _, r := range f.resources {
				if r.typ == read.typ {
					b.t.evaluate(r)
					read.read(r)
				}
			}
		}
	}
}

// method reads aws_api_gateway_method into an operation.
func (b *restBuilder) method(r *resource) {
	api, key, path, ok := b.locate(r)
	if api == nil || !ok {
		return
	}
	op := b.newOperation(api, key, path, r)
	b.byMethod[r.mod.prefix+r.name] = op
	op.Accepts = read.MediaTypeKeys(r.v.Get("request_models"), fromTFRequestModels)
}

// integration reads aws_api_gateway_integration into its method's
// Integration. When the method is declared elsewhere (another file of
// the module), the integration still says how payloads are converted, so
// it makes the operation itself.
func (b *restBuilder) integration(r *resource) {
	api, key, path, ok := b.locate(r)
	if api == nil {
		return
	}
	op := b.find(r, key)
	if op == nil {
		if !ok {
			return
		}
		op = b.newOperation(api, key, path, r)
		if typ, name, _ := reference(r.attr("http_method")); typ == "aws_api_gateway_method" {
			b.byMethod[r.mod.prefix+name] = op
		}
	}
	in := &model.Integration{Pointer: r.v.Ptr, Span: b.t.header(r)}
	read.IntegrationSettings(in, r.v, read.SnakeKeys)
	op.Integration = in
}

// integrationResponse reads aws_api_gateway_integration_response into
// its integration's Responses. Without selection_pattern it is the
// default response.
func (b *restBuilder) integrationResponse(r *resource) {
	op := b.operation(r)
	if op == nil || op.Integration == nil {
		return
	}
	resp := read.ListedResponse(r.v, "selection_pattern", read.SnakeKeys)
	resp.StatusCode = stringified(resp.StatusCode)
	op.Integration.Responses = append(op.Integration.Responses, resp)
}

// methodResponse reads aws_api_gateway_method_response into its
// operation's Responses.
func (b *restBuilder) methodResponse(r *resource) {
	op := b.operation(r)
	if op == nil {
		return
	}
	op.Responses = append(op.Responses, &model.Response{
		Status:   stringified(r.v.Get("status_code").Str()),
		Produces: read.MediaTypeKeys(r.v.Get("response_models"), fromTFResponseModels),
	})
}

// newOperation adds an operation, named by the resource it is read from.
func (b *restBuilder) newOperation(api *model.API, key opKey, path string, r *resource) *model.Operation {
	op := &model.Operation{Path: path, Method: key.verb, Pointer: r.v.Ptr, Span: b.t.header(r)}
	api.Operations = append(api.Operations, op)
	b.ops[key] = op
	return op
}

// operation finds the operation a resource attaches to, nil when there
// is none.
func (b *restBuilder) operation(r *resource) *model.Operation {
	api, key, _, _ := b.locate(r)
	if api == nil {
		return nil
	}
	return b.find(r, key)
}

// find returns the method a resource's http_method refers to, else the
// one with its API, resource and verb.
func (b *restBuilder) find(r *resource, key opKey) *model.Operation {
	if typ, name, attr := reference(r.attr("http_method")); typ == "aws_api_gateway_method" && attr == "http_method" {
		if op := b.byMethod[r.mod.prefix+name]; op != nil {
			return op
		}
	}
	return b.ops[key]
}

// locate reads what identifies the method a resource belongs to. api is
// nil when rest_api_id does not name a REST API being read; ok is false
// when the path or the verb cannot be known.
func (b *restBuilder) locate(r *resource) (api *model.API, key opKey, path string, ok bool) {
	name := b.apiName(r)
	if b.apis[name] == nil {
		return nil, opKey{}, "", false
	}
	resource, path, pathKnown := b.resourcePath(r.mod, r.attr("resource_id"), 0)
	verb, verbKnown := b.verb(r)
	return b.apis[name], opKey{api: name, resource: resource, verb: verb}, path, pathKnown && verbKnown
}

// apiName is the key in b.apis of the API a resource's rest_api_id names:
// a REST API of the module being imported, or an input variable (inputs.go).
func (b *restBuilder) apiName(r *resource) string {
	if variable, isInput := b.t.input(r.mod, r.attr("rest_api_id")); b.inputs && isInput {
		return "var." + variable
	}
	if m, typ, name, _ := resolve(r.mod, r.attr("rest_api_id")); typ == restAPIType && m == b.t.mod {
		return name
	}
	return ""
}

// resourcePath reads a resource_id or parent_id written in module m: the
// API's root (aws_api_gateway_rest_api.X.root_resource_id) or an
// aws_api_gateway_resource, whose path_parts are joined up its parent_id
// chain, in any file of the module or, through a called module's
// variables, of its caller. key identifies the resource even when its
// path is unknown: the same reference names the same resource.
func (b *restBuilder) resourcePath(m *module, e hclsyntax.Expression, depth int) (key, path string, known bool) {
	if variable, isInput := b.t.input(m, e); b.inputs && isInput {
		return "input " + variable, inputPath(variable), true
	}
	m, typ, name, attr := resolve(m, e)
	switch {
	case typ == "aws_api_gateway_rest_api" && attr == "root_resource_id":
		return "root " + m.prefix + name, "/", true
	case typ == "aws_api_gateway_resource" && attr == "id":
		path, known := b.pathOf(m, name, depth)
		return "resource " + m.prefix + name, path, known
	}
	return "expr " + m.prefix + traversalText(e), "", false
}

// pathOf returns the path of an aws_api_gateway_resource of module m.
func (b *restBuilder) pathOf(m *module, name string, depth int) (string, bool) {
	key := m.prefix + name
	if p, done := b.paths[key]; done {
		return p, p != ""
	}
	b.paths[key] = "" // until known; also ends a cycle of parent_ids
	r := m.resource("aws_api_gateway_resource", name)
	if r == nil || depth > 64 {
		return "", false
	}
	b.t.evaluate(r)
	part, partKnown := knownString(r.v.Get("path_part"))
	_, parent, parentKnown := b.resourcePath(m, r.attr("parent_id"), depth+1)
	if !partKnown || !parentKnown {
		return "", false
	}
	p := strings.TrimSuffix(parent, "/") + "/" + part
	b.paths[key] = p
	return p, true
}

// resolve reads the resource attribute an expression written in module m
// refers to, following var.x and local.x, also into a called module's
// caller; it returns the module the reference is in.
func resolve(m *module, e hclsyntax.Expression) (in *module, typ, name, attr string) {
	x := m.follow(exprNode{expr: e})
	typ, name, attr = reference(x.expr)
	return x.mod, typ, name, attr
}

// verb reads a resource's http_method, upper case.
func (b *restBuilder) verb(r *resource) (string, bool) {
	s, ok := knownString(r.v.Get("http_method")) // evaluated: a reference to a method's is the method's
	return strings.ToUpper(s), ok
}

// reference reads a reference to a resource's attribute,
// TYPE.NAME.ATTR, skipping index steps (count and for_each instances):
// aws_api_gateway_resource.photos[0].id is ("aws_api_gateway_resource",
// "photos", "id"). Anything else gives empty strings.
func reference(e hclsyntax.Expression) (typ, name, attr string) {
	var steps []string
	switch e := unwrapExpr(e).(type) {
	case *hclsyntax.ScopeTraversalExpr:
		steps = attrNames(e.Traversal)
	case *hclsyntax.RelativeTraversalExpr: // x.y[each.key].id
		index, ok := e.Source.(*hclsyntax.IndexExpr)
		if !ok {
			return "", "", ""
		}
		source, ok := index.Collection.(*hclsyntax.ScopeTraversalExpr)
		if !ok {
			return "", "", ""
		}
		steps = append(attrNames(source.Traversal), attrNames(e.Traversal)...)
	}
	if len(steps) != 3 {
		return "", "", ""
	}
	return steps[0], steps[1], steps[2]
}

// attrNames returns the names of a traversal's steps, without its index
// steps.
func attrNames(t hcl.Traversal) []string {
	var names []string
	for _, step := range t {
		if name := stepName(step); name != "" {
			names = append(names, name)
		}
	}
	return names
}

func stepName(step hcl.Traverser) string {
	switch s := step.(type) {
	case hcl.TraverseRoot:
		return s.Name
	case hcl.TraverseAttr:
		return s.Name
	}
	return ""
}

// traversalText renders a reference with its literal indexes
// (var.ids["photos"]), so equal references compare equal; anything else
// renders as nothing that matches.
func traversalText(e hclsyntax.Expression) string {
	t, ok := unwrapExpr(e).(*hclsyntax.ScopeTraversalExpr)
	if !ok {
		return "?"
	}
	var sb strings.Builder
	for _, step := range t.Traversal {
		switch s := step.(type) {
		case hcl.TraverseRoot:
			sb.WriteString(s.Name)
		case hcl.TraverseAttr:
			sb.WriteString("." + s.Name)
		case hcl.TraverseIndex:
			if s.Key.IsKnown() && !s.Key.IsNull() && (s.Key.Type() == cty.String || s.Key.Type() == cty.Number) {
				sb.WriteString("[" + s.Key.GoString() + "]")
			} else {
				sb.WriteString("[?]")
			}
		}
	}
	return sb.String()
}

// stringified is a string attribute written as a number or a bool:
// Terraform converts status_code = 200 to "200" before API Gateway sees
// it, so it is a string like any other.
func stringified(f model.Field[string]) model.Field[string] {
	switch f.Tag {
	case source.TagInt, source.TagFloat, source.TagBool:
		f.Tag = source.TagStr
	}
	return f
}
