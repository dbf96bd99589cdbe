// Package terraform reads the API Gateway APIs a Terraform file declares.
// A file is read in three steps:
//
//  1. hclsyntax parses it (terraform.go: Parse);
//  2. its blocks and expressions become a source.Node tree shaped like
//     Terraform's JSON syntax, {"resource": {TYPE: {NAME: {attr: …}}},
//     "locals": …, "variable": …}, every node spanning its HCL text
//     (tree.go). Values Terraform computes (references, function calls,
//     interpolated strings) are scalars tagged unknownTag (unknown.go), so
//     nothing downstream mistakes them for what is written;
//  3. the API Gateway resources are read from that tree into model.APIs
//     (api.go for APIs and their bodies, rest.go for resources, methods
//     and integrations), following local.x and var.x to their values in
//     the module's other files where needed (module.go), or, for a module
//     that declares no API, to the API its caller passes in (inputs.go).
package terraform

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/importer/internal/read"
	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

// maxHCLNesting bounds how deep brackets may nest, as source.Parse bounds
// YAML and JSON: hclsyntax and the tree builder recurse per level.
const maxHCLNesting = 1000

// Parse parses a .tf or .tf.json file; its document has no tree yet. The
// cache (nil for none) may hold the body already.
func Parse(name string, data []byte, cache *Cache) (*source.Document, *hclsyntax.Body, []diag.Diagnostic) {
	doc, err := source.NewDocument(name, data, source.HCL, nil)
	if err != nil {
		return nil, nil, diag.FromSource(err)
	}
	if diags := tooManyValues(doc); diags != nil {
		return nil, nil, diags
	}
	body, diags := cache.parseCached(doc)
	if len(diags) > 0 {
		return nil, nil, diags
	}
	return doc, body, nil
}

// parse parses a document in the syntax its name says: native (.tf) or
// JSON (.tf.json).
func parse(doc *source.Document) (*hclsyntax.Body, []diag.Diagnostic) {
	if IsJSON(doc.File) {
		return parseJSON(doc)
	}
	return parseHCL(doc)
}

// Reading is what Import learnt about a file besides its APIs.
type Reading struct {
	// Definition says the file is a Terraform API definition: it declares
	// an API, attaches methods to one another file of its module declares,
	// or attaches them to an API its module's caller passes in (inputs.go).
	Definition bool
	// Calls are the folders of the local modules the file calls, directly
	// or through them, read with its arguments (absolute, links resolved).
	Calls []string
	// Inputs is the module's folder (absolute, links resolved) when its
	// APIs are the module's input variables, read without a caller.
	Inputs string
}

// Import reads the APIs of a parsed .tf file, the container's document.
// Terraform reads a folder as one module, so the other .tf files complete
// the file's APIs (their methods, local.x, var.x), and a file of methods
// is read with the API they belong to; what those files declare is theirs
// to report (c.Others). The cache (nil for none) holds the files the run
// parsed before.
func Import(c *read.Container, body *hclsyntax.Body, folder string, maxBytes int64, cache *Cache) Reading {
	mod := newModule(folder, maxBytes, cache)
	t := &reader{c: c, mod: mod, file: mod.add(c.Doc, body)}
	var out Reading
	out.Definition = t.importAPIs() || t.declaresAPI()
	if !out.Definition && t.inputAPIs() {
		out.Definition = true
		if folder != "" {
			out.Inputs = read.ResolvePath(folder)
		}
	}
	c.Others = t.others()
	if skipped := mod.budget.skipped; len(skipped) > 0 {
		c.Report(hclError(c.Doc, 0, 0, fmt.Sprintf("the module is too large to read whole: its files together may hold more than %d values; %s and %d more file(s) were not read", source.MaxNodes, skipped[0], len(skipped)-1)))
	}
	if len(t.file.calls) > 0 {
		out.Calls = mod.calledFolders(t.file)
	}
	return out
}

// parseHCL parses a document's text as HCL native syntax. Syntax errors
// come back as diagnostics at their line:column (counted in code points,
// through the document's line table, not HCL's grapheme clusters).
func parseHCL(doc *source.Document) (body *hclsyntax.Body, diags []diag.Diagnostic) {
	if off, deep := tooDeep(doc.Src); deep {
		return nil, []diag.Diagnostic{hclError(doc, off, off, fmt.Sprintf("brackets nest more than %d levels deep", maxHCLNesting))}
	}
	defer func() {
		// hclsyntax asserts its own invariants with panics; a file that
		// trips one is still only a file we cannot read.
		if r := recover(); r != nil {
			body, diags = nil, []diag.Diagnostic{hclError(doc, 0, 0, fmt.Sprintf("the HCL parser failed: %v", r))}
		}
	}()
	file, hclDiags := hclsyntax.ParseConfig(doc.Src, doc.File, hcl.InitialPos)
	for _, d := range hclDiags {
		if d.Severity != hcl.DiagError {
			continue
		}
		start, end := 0, 0
		if d.Subject != nil {
			start, end = d.Subject.Start.Byte, d.Subject.End.Byte
		}
		msg := d.Summary
		if d.Detail != "" {
			msg += ": " + strings.TrimSuffix(d.Detail, ".")
		}
		diags = append(diags, hclError(doc, start, end, msg))
	}
	if len(diags) > 0 {
		return nil, diags
	}
	body, ok := file.Body.(*hclsyntax.Body)
	if !ok {
		return nil, []diag.Diagnostic{hclError(doc, 0, 0, "the file is not HCL native syntax")}
	}
	return body, nil
}

func hclError(doc *source.Document, start, end int, msg string) diag.Diagnostic {
	return diag.Diagnostic{
		Rule: diag.RuleSyntax, Severity: diag.Error, Message: msg,
		Span: source.Span{File: doc.File, Start: doc.PosAt(start), End: doc.PosAt(end)},
	}
}

// tooDeep reports whether brackets of any kind nest deeper than
// maxHCLNesting, and where. It counts brackets inside strings and comments
// too: that can only overestimate, and no real file comes near the limit.
func tooDeep(src []byte) (offset int, deep bool) {
	depth := 0
	for i, b := range src {
		switch b {
		case '{', '[', '(':
			if depth++; depth > maxHCLNesting {
				return i, true
			}
		case '}', ']', ')':
			depth = max(0, depth-1)
		}
	}
	return 0, false
}

// reader imports the APIs of one file of a module.
type reader struct {
	c        *read.Container
	mod      *module
	file     *file    // the file being imported
	disowned []string // bodies of APIs other files declare
}

// declaresAPI reports whether the file declares an API, even one that is
// not read (one whose protocol is unknown): such a file is a Terraform API
// definition; one without is not, and naming it on the command line says so.
func (t *reader) declaresAPI() bool {
	for _, r := range t.file.resources {
		if r.typ == restAPIType || r.typ == httpAPIType {
			return true
		}
	}
	return false
}

// importAPIs reads every API Gateway API the file declares, in source
// order, and those declared in other files of the module that this file's
// resources attach to, then the REST API resources, methods and
// integrations and the HTTP API routes that refer to them. It reports
// whether the file attaches to an API declared elsewhere.
func (t *reader) importAPIs() bool {
	apis := map[string]*model.API{} // by resource address
	for _, r := range t.file.resources {
		if api := t.api(r); api != nil {
			apis[r.address()] = api
			t.c.Add(api)
		}
	}
	elsewhere := t.attachedElsewhere(apis)
	for _, r := range elsewhere {
		if api := t.siblingAPI(r); api != nil {
			apis[r.address()] = api
			t.c.Add(api)
		}
	}
	rest, http := map[string]*model.API{}, map[string]*model.API{}
	for _, r := range append(slices.Clone(t.file.resources), elsewhere...) {
		if api := apis[r.address()]; api != nil && r.typ == restAPIType {
			rest[r.name] = api
		} else if api != nil {
			http[r.name] = api
		}
	}
	if len(rest) > 0 {
		newRESTBuilder(t, rest).build()
	}
	if len(http) > 0 {
		t.httpRoutes(http)
	}
	return len(elsewhere) > 0
}

// The API resource types, and the attribute other resources name them by.
const (
	restAPIType = "aws_api_gateway_rest_api"
	httpAPIType = "aws_apigatewayv2_api"
)

// api reads a resource that declares an API; nil for any other resource
// and for an API that is not read (one whose protocol is unknown).
func (t *reader) api(r *resource) *model.API {
	switch r.typ {
	case restAPIType:
		return t.restAPI(r)
	case httpAPIType:
		return t.httpAPI(r)
	}
	return nil
}

// attachedElsewhere returns the APIs, declared in other files of the
// module, that this file's resources name in their rest_api_id (REST) or
// api_id (HTTP).
func (t *reader) attachedElsewhere(declared map[string]*model.API) []*resource {
	var out []*resource
	for _, r := range t.file.resources {
		if !isAPIGateway(r) {
			continue
		}
		for _, ref := range []struct{ attr, typ string }{{"rest_api_id", restAPIType}, {"api_id", httpAPIType}} {
			typ, name, _ := reference(r.attr(ref.attr))
			if typ != ref.typ || declared[typ+"."+name] != nil || slices.ContainsFunc(out, func(a *resource) bool { return a.address() == typ+"."+name }) {
				continue
			}
			if api := t.mod.resource(typ, name); api != nil {
				out = append(out, api)
			}
		}
	}
	return out
}

// siblingAPI reads an API another file of the module declares. Problems
// reading it (its body) are that file's to report, and so are findings in
// the body it reads.
func (t *reader) siblingAPI(r *resource) *model.API {
	n := len(*t.c.Diagnostics)
	api := t.api(r)
	*t.c.Diagnostics = (*t.c.Diagnostics)[:n]
	if api != nil && api.DefinitionDoc != nil {
		t.disowned = append(t.disowned, api.DefinitionDoc.File)
	}
	return api
}

// others are the files whose findings this file does not report: the
// module's other .tf files that declare API Gateway resources, the bodies
// their APIs read and the modules they call. A file of locals or variables reports nothing
// itself, so what this file's APIs read from it is this file's.
func (t *reader) others() map[string]bool {
	out := map[string]bool{}
	for _, f := range t.mod.siblings {
		if slices.ContainsFunc(f.resources, isAPIGateway) {
			out[f.doc.File] = true
		}
	}
	for _, name := range t.disowned {
		out[name] = true
	}
	// A called module's files are reported with the file that calls it.
	for _, c := range t.mod.children {
		if out[c.callFile.doc.File] {
			for _, f := range c.everyFile() {
				out[f.doc.File] = true
			}
		}
	}
	return out
}

// evaluate replaces the attributes of a resource that refer to a literal
// written elsewhere in the module (local.x, var.x with a default, another
// resource's attribute, as in status_code =
// aws_api_gateway_method_response.ok.status_code) by that literal, as
// Terraform would before API Gateway sees them. The value keeps the span
// of the reference, where this resource sets it. A list or map is taken
// only from the same file, since its entries keep their own spans.
func (t *reader) evaluate(r *resource) {
	if r.evaluated {
		return
	}
	r.evaluated = true
	m := r.v.Node
	for i := 1; i < len(m.Content); i += 2 {
		n, a := m.Content[i], r.block.Body.Attributes[m.Content[i-1].Value]
		if !isUnknown(n) || a == nil {
			continue
		}
		x := r.mod.follow(exprNode{expr: a.Expr, v: read.Value{Doc: r.v.Doc, Node: n}})
		switch got := x.v.Node; {
		case got == nil || got == n || isUnknown(got):
		case got.Kind == source.Scalar:
			m.Content[i] = &source.Node{Kind: source.Scalar, Tag: got.Tag, Value: got.Value, Start: n.Start, End: n.End}
		case x.v.Doc == r.v.Doc:
			m.Content[i] = got
		}
	}
}

// isAPIGateway reports whether a resource is an API Gateway one.
func isAPIGateway(r *resource) bool {
	return strings.HasPrefix(r.typ, "aws_api_gateway_") || strings.HasPrefix(r.typ, "aws_apigatewayv2_")
}
