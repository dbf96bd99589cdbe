package terraform

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/source"
)

// IsJSON reports whether a file name is Terraform's JSON syntax (.tf.json).
func IsJSON(name string) bool { return strings.HasSuffix(strings.ToLower(name), ".tf.json") }

// parseJSON parses a .tf.json file into the body the native syntax would
// give: the same blocks (resource, data, variable, locals, module) and
// attributes, whose strings are templates ("${aws_api_gateway_rest_api.api.id}"),
// as Terraform reads them, with ranges into the JSON text. The rest of the
// importer then reads both syntaxes alike.
func parseJSON(doc *source.Document) (body *hclsyntax.Body, diags []diag.Diagnostic) {
	defer func() {
		// hclsyntax's template parser asserts its invariants with panics,
		// as parseHCL says.
		if r := recover(); r != nil {
			body, diags = nil, []diag.Diagnostic{hclError(doc, 0, 0, fmt.Sprintf("the HCL parser failed: %v", r))}
		}
	}()
	parsed, err := source.Parse(doc.File, doc.Src)
	if err != nil {
		return nil, diag.FromSource(err)
	}
	if parsed.Root == nil || parsed.Root.Kind != source.Mapping {
		return nil, []diag.Diagnostic{hclError(doc, 0, 0, "a .tf.json file must hold a JSON object")}
	}
	j := &jsonBuilder{doc: doc}
	body = &hclsyntax.Body{Attributes: hclsyntax.Attributes{}, SrcRange: j.rng(parsed.Root)}
	for i := 0; i < parsed.Root.Len(); i++ {
		k, v := parsed.Root.Pair(i)
		switch k.Value {
		case "resource", "data":
			for _, typ := range pairs(v) {
				for _, name := range pairs(typ.v) {
					body.Blocks = append(body.Blocks, j.block(k, []*source.Node{typ.k, name.k}, name.v)...)
				}
			}
		case "variable", "module":
			for _, name := range pairs(v) {
				body.Blocks = append(body.Blocks, j.block(k, []*source.Node{name.k}, name.v)...)
			}
		case "locals":
			body.Blocks = append(body.Blocks, j.block(k, nil, v)...)
		}
	}
	return body, nil
}

type pair struct{ k, v *source.Node }

// pairs returns the entries of an object (none for anything else).
func pairs(n *source.Node) []pair {
	if n == nil || n.Kind != source.Mapping {
		return nil
	}
	out := make([]pair, n.Len())
	for i := range out {
		out[i].k, out[i].v = n.Pair(i)
	}
	return out
}

type jsonBuilder struct{ doc *source.Document }

// block makes the blocks an object stands for; JSON syntax may also write
// a block as an array of objects, one block each.
func (j *jsonBuilder) block(typ *source.Node, labels []*source.Node, v *source.Node) []*hclsyntax.Block {
	objects := []*source.Node{v}
	if v.Kind == source.Sequence {
		objects = v.Content
	}
	var out []*hclsyntax.Block
	for _, obj := range objects {
		if obj.Kind != source.Mapping {
			continue
		}
		blk := &hclsyntax.Block{
			Type: typ.Value, TypeRange: j.rng(typ), Body: j.body(obj),
			OpenBraceRange:  j.between(obj.Start.Offset, obj.Start.Offset+1),
			CloseBraceRange: j.between(obj.End.Offset-1, obj.End.Offset),
		}
		if len(labels) > 0 { // the header is where the innermost label is
			blk.TypeRange = j.rng(labels[len(labels)-1])
		}
		for _, l := range labels {
			blk.Labels = append(blk.Labels, l.Value)
			blk.LabelRanges = append(blk.LabelRanges, j.rng(l))
		}
		out = append(out, blk)
	}
	return out
}

// body makes a block's attributes from an object's entries.
func (j *jsonBuilder) body(obj *source.Node) *hclsyntax.Body {
	body := &hclsyntax.Body{Attributes: hclsyntax.Attributes{}, SrcRange: j.rng(obj)}
	for _, e := range pairs(obj) {
		body.Attributes[e.k.Value] = &hclsyntax.Attribute{
			Name: e.k.Value, Expr: j.expr(e.v), NameRange: j.rng(e.k),
			SrcRange: j.between(e.k.Start.Offset, e.v.End.Offset),
		}
	}
	return body
}

// expr makes the expression a JSON value stands for: a string is a
// template, an array a tuple, an object an object.
func (j *jsonBuilder) expr(n *source.Node) hclsyntax.Expression {
	rng := j.rng(n)
	switch n.Kind {
	case source.Sequence:
		t := &hclsyntax.TupleConsExpr{SrcRange: rng}
		for _, item := range n.Content {
			t.Exprs = append(t.Exprs, j.expr(item))
		}
		return t
	case source.Mapping:
		o := &hclsyntax.ObjectConsExpr{SrcRange: rng}
		for _, e := range pairs(n) {
			key := &hclsyntax.TemplateExpr{Parts: []hclsyntax.Expression{&hclsyntax.LiteralValueExpr{Val: cty.StringVal(e.k.Value), SrcRange: j.rng(e.k)}}, SrcRange: j.rng(e.k)}
			o.Items = append(o.Items, hclsyntax.ObjectConsItem{KeyExpr: &hclsyntax.ObjectConsKeyExpr{Wrapped: key, ForceNonLiteral: true}, ValueExpr: j.expr(e.v)})
		}
		return o
	}
	switch n.Tag {
	case source.TagStr:
		return j.template(n, rng)
	case source.TagNull:
		return &hclsyntax.LiteralValueExpr{Val: cty.NullVal(cty.DynamicPseudoType), SrcRange: rng}
	case source.TagBool:
		return &hclsyntax.LiteralValueExpr{Val: cty.BoolVal(n.Value == "true"), SrcRange: rng}
	}
	if v, err := cty.ParseNumberVal(n.Value); err == nil {
		return &hclsyntax.LiteralValueExpr{Val: v, SrcRange: rng}
	}
	return &hclsyntax.LiteralValueExpr{Val: cty.StringVal(n.Value), SrcRange: rng}
}

// template parses a string as Terraform does in JSON syntax. Its ranges
// start after the opening quote; escapes in the JSON text may shift the
// ones inside a little, never outside the string.
func (j *jsonBuilder) template(n *source.Node, rng hcl.Range) hclsyntax.Expression {
	if !strings.Contains(n.Value, "${") && !strings.Contains(n.Value, "%{") {
		return &hclsyntax.TemplateExpr{Parts: []hclsyntax.Expression{&hclsyntax.LiteralValueExpr{Val: cty.StringVal(n.Value), SrcRange: rng}}, SrcRange: rng}
	}
	start := hcl.Pos{Line: int(n.Start.Line), Column: int(n.Start.Col) + 1, Byte: int(n.Start.Offset) + 1}
	e, diags := hclsyntax.ParseTemplate([]byte(n.Value), j.doc.File, start)
	if diags.HasErrors() {
		return &hclsyntax.LiteralValueExpr{Val: cty.UnknownVal(cty.String), SrcRange: rng}
	}
	return clamp(e, rng)
}

// clamp keeps an expression's own range within the string it was parsed
// from, so a node never ends past the closing quote.
func clamp(e hclsyntax.Expression, rng hcl.Range) hclsyntax.Expression {
	switch t := e.(type) {
	case *hclsyntax.TemplateExpr:
		t.SrcRange = rng
	case *hclsyntax.TemplateWrapExpr:
		t.SrcRange = rng
	}
	return e
}

func (j *jsonBuilder) rng(n *source.Node) hcl.Range { return j.between(n.Start.Offset, n.End.Offset) }

func (j *jsonBuilder) between(start, end int32) hcl.Range {
	s, e := j.doc.PosAt(int(start)), j.doc.PosAt(int(end))
	return hcl.Range{
		Filename: j.doc.File,
		Start:    hcl.Pos{Line: int(s.Line), Column: int(s.Col), Byte: int(start)},
		End:      hcl.Pos{Line: int(e.Line), Column: int(e.Col), Byte: int(end)},
	}
}
