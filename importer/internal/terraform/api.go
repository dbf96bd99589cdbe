package terraform

import (
	"path"
	"strings"

	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/importer/internal/read"
	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

// restAPI reads aws_api_gateway_rest_api: its body, if one can be read,
// and binary_media_types. API Gateway deploys the union of the attribute
// and the body's extension.
func (t *reader) restAPI(r *resource) *model.API {
	api := t.newAPI(r)
	api.Kind = model.RESTAPI
	api.KindEvidence = model.Evidence{Reason: r.typ + " is a REST API", Pointer: r.v.Ptr, Span: t.header(r)}
	t.binaryMediaTypes(api, r)
	return api
}

// httpAPI reads aws_apigatewayv2_api: an HTTP API with protocol_type
// "HTTP", a WebSocket API with "WEBSOCKET". An API whose protocol cannot
// be known is left out rather than guessed.
func (t *reader) httpAPI(r *resource) *model.API {
	protocol := r.v.Get("protocol_type")
	s, ok := knownString(protocol)
	kind, name := model.HTTPAPI, "an HTTP API"
	switch {
	case ok && strings.EqualFold(s, "WEBSOCKET"):
		kind, name = model.WebSocketAPI, "a WebSocket API"
	case !ok || !strings.EqualFold(s, "HTTP"):
		return nil
	}
	api := t.newAPI(r)
	api.Kind = kind
	api.KindEvidence = model.Evidence{Reason: "protocol_type \"" + s + "\" makes " + r.typ + " " + name, Pointer: protocol.Ptr, Span: protocol.Span()}
	return api
}

// newAPI makes the API of a resource: imported from its body when the
// body can be read, otherwise with no definition (its operations come
// from aws_api_gateway_method resources, or are unknown).
func (t *reader) newAPI(r *resource) *model.API {
	api := t.definition(r)
	if api == nil {
		api = &model.API{}
	}
	api.Name, api.Container, api.Span = r.address(), model.ContainerTerraform, t.span(r)
	return api
}

// definition imports the OpenAPI definition of a resource's body:
// jsonencode({...}) or yamlencode({...}) written in place or in a local,
// a heredoc of JSON or YAML, or file() / templatefile() of a file in the
// module's folder. A body
// computed in any other way is unknown: the API has no definition, and
// that is not reported.
func (t *reader) definition(r *resource) *model.API {
	expr := r.attr("body")
	if expr == nil {
		return nil
	}
	x := t.mod.follow(exprNode{expr: expr, v: r.v.Get("body")})
	if x.v.Node == nil {
		return nil
	}
	if arg := encodedArgument(x.expr); arg != nil {
		// The tree holds the encoded structure in place of the call;
		// jsonencode(local.spec) still has to be followed to the local.
		x = t.mod.follow(exprNode{expr: arg, v: x.v})
		if x.v.Node == nil || x.v.Node.Kind != source.Mapping && !isData(unwrapExpr(x.expr)) {
			return nil // computed: merge(...), a for expression, a reference
		}
		return t.c.Body(x.v) // reports a list or a string: not a definition
	}
	if heredoc, ok := unwrapExpr(x.expr).(*hclsyntax.TemplateExpr); ok {
		return t.heredocBody(heredoc, x.v)
	}
	call, ok := unwrapExpr(x.expr).(*hclsyntax.FunctionCallExpr)
	if !ok || (call.Name != "file" && call.Name != "templatefile") || len(call.Args) == 0 {
		return nil
	}
	name, ok := modulePath(call.Args[0])
	if !ok {
		return nil
	}
	b := &treeBuilder{doc: x.v.Doc}
	return t.c.File(read.Value{Doc: x.v.Doc, Node: b.expr(call.Args[0]), Ptr: x.v.Ptr}, name)
}

// modulePath reads the path of file() or templatefile():
// "${path.module}/api.yaml" is api.yaml in the module's folder, and a
// literal relative path is taken as written (Terraform resolves it from
// the working directory, usually the module's folder). Any other path is
// computed and cannot be known.
func modulePath(e hclsyntax.Expression) (string, bool) {
	tmpl, ok := unwrapExpr(e).(*hclsyntax.TemplateExpr)
	if !ok {
		return "", false
	}
	if s, ok := templateText(tmpl); ok {
		return s, true
	}
	if len(tmpl.Parts) < 2 || !isPathModule(tmpl.Parts[0]) {
		return "", false
	}
	rest, ok := templateText(&hclsyntax.TemplateExpr{Parts: tmpl.Parts[1:]})
	if !ok || !strings.HasPrefix(rest, "/") {
		return "", false
	}
	return path.Clean(strings.TrimPrefix(rest, "/")), true
}

func isPathModule(e hclsyntax.Expression) bool {
	t, ok := e.(*hclsyntax.ScopeTraversalExpr)
	return ok && len(t.Traversal) == 2 && t.Traversal.RootName() == "path" && stepName(t.Traversal[1]) == "module"
}

// binaryMediaTypes reads binary_media_types, following var.x to its
// default and local.x to its value. Entries that are references are
// unknown; so is the whole list when it is computed.
func (t *reader) binaryMediaTypes(api *model.API, r *resource) {
	expr := r.attr("binary_media_types")
	if expr == nil {
		return
	}
	written := r.v.Get("binary_media_types")
	list := t.mod.follow(exprNode{expr: expr, v: written}).v
	bmt := &api.BinaryMediaTypes
	bmt.Property = written.Str()
	switch {
	case list.Node == nil:
	case list.Node.Kind == source.Sequence:
		for _, item := range list.Items() {
			bmt.Entries = append(bmt.Entries, mediaType(item))
		}
	case isUnknown(list.Node):
		bmt.Entries = append(bmt.Entries, mediaType(written))
	default:
		t.c.Problem(written, "binary_media_types must be a list of media types such as [\"image/png\"], not %s; Terraform refuses it", source.DescribeNode(list.Node))
	}
}

func mediaType(v read.Value) model.MediaType {
	return model.MediaType{Field: v.Str(), Origin: model.FromTerraform}
}

// header is the span of a resource block's header, resource "TYPE"
// "NAME": where a resource is named in messages.
func (t *reader) header(r *resource) source.Span {
	rng := r.block.DefRange()
	return source.Span{File: r.v.Doc.File, Start: r.v.Doc.PosAt(rng.Start.Byte), End: r.v.Doc.PosAt(rng.End.Byte)}
}

// span is the span of a whole resource block.
func (t *reader) span(r *resource) source.Span {
	rng := r.block.Range()
	return source.Span{File: r.v.Doc.File, Start: r.v.Doc.PosAt(rng.Start.Byte), End: r.v.Doc.PosAt(rng.End.Byte)}
}

// knownString returns a scalar setting's value when it is written as a
// literal.
func knownString(v read.Value) (string, bool) {
	n := v.Node
	if n == nil || n.Kind != source.Scalar || n.Tag == unknownTag || n.Tag == source.TagNull {
		return "", false
	}
	return n.Value, true
}

// heredocBody reads a body written as a heredoc of JSON or YAML. Its lines
// are lines of the .tf file, so the text is parsed where it stands and
// grafted into the tree in place of the string: positions are the .tf
// file's. ${...} placeholders inside strings stay opaque strings, as in a
// templatefile() input; a heredoc with interpolations that does not parse
// is computed text, not reported. A quoted string, or YAML with aliases,
// is not read.
func (t *reader) heredocBody(tmpl *hclsyntax.TemplateExpr, at read.Value) *model.API {
	doc := at.Doc
	if len(tmpl.Parts) == 0 || !strings.HasPrefix(string(doc.Src[tmpl.SrcRange.Start.Byte:]), "<<") {
		return nil
	}
	first := doc.PosAt(tmpl.Parts[0].Range().Start.Byte)
	lo := first.Offset // the line's start: <<- strips indentation before the text
	for lo > 0 && doc.Src[lo-1] != '\n' && doc.Src[lo-1] != '\r' {
		lo--
	}
	hi := tmpl.Parts[len(tmpl.Parts)-1].Range().End.Byte
	parsed, err := source.Parse(doc.File, doc.Src[lo:hi])
	_, literal := templateText(tmpl)
	if err != nil && !literal {
		return nil
	}
	shift := func(p source.Pos) source.Pos {
		if !p.IsValid() {
			return first
		}
		return source.Pos{Line: p.Line + first.Line - 1, Col: p.Col, Offset: p.Offset + lo}
	}
	if err != nil {
		for _, d := range diag.FromSource(err) {
			d.Span.Start, d.Span.End = shift(d.Span.Start), shift(d.Span.End)
			t.c.Report(d)
		}
		return nil
	}
	if parsed == nil || parsed.Root == nil || hasShared(parsed, parsed.Root) {
		return nil
	}
	shiftTree(parsed.Root, shift)
	if !graft(at, parsed.Root) {
		return nil
	}
	at.Node = parsed.Root
	return t.c.Body(at)
}

// hasShared reports whether a parsed tree holds YAML aliases, which a
// graft into the .tf file's tree would expand.
func hasShared(d *source.Document, n *source.Node) bool {
	if d.Shared(n) {
		return true
	}
	for _, c := range n.Content {
		if hasShared(d, c) {
			return true
		}
	}
	return false
}

func shiftTree(n *source.Node, shift func(source.Pos) source.Pos) {
	n.Start, n.End = shift(n.Start), shift(n.End)
	for _, c := range n.Content {
		shiftTree(c, shift)
	}
}

// graft replaces the node of at in its mapping by n.
func graft(at read.Value, n *source.Node) bool {
	i := strings.LastIndexByte(at.Ptr, '/')
	if i < 0 {
		return false
	}
	parent, err := at.Doc.Root.LookupPointer(at.Ptr[:i])
	if err != nil {
		return false
	}
	for j := 1; j < len(parent.Value.Content); j += 2 {
		if parent.Value.Content[j] == at.Node {
			parent.Value.Content[j] = n
			return true
		}
	}
	return false
}
