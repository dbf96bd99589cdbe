package terraform

import (
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/apigw-oas/apigw-oas/model"
)

// A module read without its caller: the enable-cors modules and their like
// declare no API. Their methods attach to the REST API whose ID the caller
// passes in a variable (rest_api_id = var.rest_api_id), at the resource
// another variable names (resource_id = var.resource_id). Such a module is
// still a definition: each variable an attachment names is an API, named
// "var.rest_api_id", whose binary media types are unknown (they are the
// caller's), and a resource named by a variable is the path
// "{var.resource_id}". Findings that do not depend on the caller's API
// (an invalid contentHandling) are reported; those that would need its
// binary media types are not, as the list is unknown, not empty.

// inputPath is the path of the resource a module input variable names.
func inputPath(variable string) string { return "{var." + variable + "}" }

// inputAPIs reads the REST APIs the file's API Gateway resources attach to
// through the module's input variables, and reports whether there are any.
// It is for a file that declares and attaches to no API of its own.
func (t *reader) inputAPIs() bool {
	apis := map[string]*model.API{}
	for _, r := range t.file.resources {
		variable, ok := t.inputAPI(r)
		name := "var." + variable
		if !ok || apis[name] != nil {
			continue
		}
		at := r.v.Get("rest_api_id")
		api := &model.API{
			Name: name, Container: model.ContainerTerraform, Kind: model.RESTAPI, Span: at.Span(),
			KindEvidence: model.Evidence{Reason: "a module input: " + r.typ + " attaches to the REST API its caller passes as " + name, Pointer: at.Ptr, Span: at.Span()},
		}
		api.BinaryMediaTypes.Entries = []model.MediaType{{Field: at.Str(), Origin: model.FromTerraform}}
		apis[name] = api
		t.c.Add(api)
	}
	if len(apis) == 0 {
		return false
	}
	b := newRESTBuilder(t, apis)
	b.inputs = true
	b.build()
	return true
}

// inputAPI returns the input variable a resource's rest_api_id is, in the
// module being imported, which has no caller here.
func (t *reader) inputAPI(r *resource) (string, bool) {
	if !isAPIGateway(r) {
		return "", false
	}
	return t.input(r.mod, r.attr("rest_api_id"))
}

// input returns the variable an expression written in module m comes to,
// when that is an input variable without a default of the module being
// imported.
func (t *reader) input(m *module, e hclsyntax.Expression) (string, bool) {
	x := m.follow(exprNode{expr: e})
	kind, name := namedValue(x.expr)
	if kind != "var" || x.mod != t.mod {
		return "", false
	}
	return name, true
}
