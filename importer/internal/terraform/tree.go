package terraform

import (
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function/stdlib"

	"github.com/apigw-oas/apigw-oas/importer/internal/read"
	"github.com/apigw-oas/apigw-oas/source"
)

// file is one parsed .tf file of a module: its tree (the document's
// Root) and an index of what the importer looks up in it.
type file struct {
	doc       *source.Document
	resources []*resource // in source order, one per address
	byAddress map[string]*resource
	locals    map[string]*hclsyntax.Attribute // by name, over every locals block
	variables map[string]*hclsyntax.Block
	calls     []*hclsyntax.Block // module blocks, in source order
}

// resource is one resource block.
type resource struct {
	typ, name string
	block     *hclsyntax.Block
	v         read.Value // its body in the tree, at /resource/TYPE/NAME
	mod       *module    // the module it is declared in
	evaluated bool       // see reader.evaluate
}

func (r *resource) address() string { return r.typ + "." + r.name }

// attr returns the expression of one of the resource's attributes, or nil.
func (r *resource) attr(name string) hclsyntax.Expression {
	if a := r.block.Body.Attributes[name]; a != nil {
		return a.Expr
	}
	return nil
}

// resource finds a resource of the file by type and name.
func (f *file) resource(typ, name string) *resource {
	return f.byAddress[typ+"."+name]
}

// local returns a local value's expression and its node, if the file
// declares it.
func (f *file) local(name string) (hclsyntax.Expression, read.Value, bool) {
	a := f.locals[name]
	if a == nil {
		return nil, read.Value{}, false
	}
	return a.Expr, f.root().Get("locals").Get(name), true
}

// variableDefault returns a variable's default and its node, if the file
// declares the variable with one.
func (f *file) variableDefault(name string) (hclsyntax.Expression, read.Value, bool) {
	b := f.variables[name]
	if b == nil || b.Body.Attributes["default"] == nil {
		return nil, read.Value{}, false
	}
	return b.Body.Attributes["default"].Expr, f.root().Get("variable").Get(name).Get("default"), true
}

func (f *file) root() read.Value { return read.Value{Doc: f.doc, Node: f.doc.Root} }

// readFile builds the tree of a parsed file, sets it as the document's
// Root and indexes the file.
func readFile(doc *source.Document, body *hclsyntax.Body) *file {
	f := &file{doc: doc, byAddress: map[string]*resource{}, locals: map[string]*hclsyntax.Attribute{}, variables: map[string]*hclsyntax.Block{}}
	b := &treeBuilder{doc: doc}
	doc.Root = b.file(body, f)
	return f
}

// addResource indexes a resource block. Terraform refuses two resources
// with one address; the tree keeps the last, and so does the index, at
// the place of the first.
func (f *file) addResource(blk *hclsyntax.Block, v read.Value) {
	r := &resource{typ: blk.Labels[0], name: blk.Labels[1], block: blk, v: v}
	if old := f.byAddress[r.address()]; old != nil {
		f.resources[slices.Index(f.resources, old)] = r
	} else {
		f.resources = append(f.resources, r)
	}
	f.byAddress[r.address()] = r
}

// treeBuilder turns HCL into source.Nodes of one document.
type treeBuilder struct{ doc *source.Document }

// file builds the root: {"resource": {TYPE: {NAME: body}}, "data": …,
// "variable": {NAME: body}, "locals": {NAME: value}, "module": {NAME:
// body}}, the shape of Terraform's JSON syntax. Other blocks (provider,
// output, terraform) hold nothing the importer reads and are left out.
func (b *treeBuilder) file(body *hclsyntax.Body, f *file) *source.Node {
	root := newOrderedMap(b.node(source.Mapping, source.TagMap, "", body.SrcRange))
	for _, blk := range body.Blocks {
		switch {
		case (blk.Type == "resource" || blk.Type == "data") && len(blk.Labels) == 2:
			typ := root.child(b.key(blk.Type, blk.TypeRange)).child(b.key(blk.Labels[0], blk.LabelRanges[0]))
			k, v := b.key(blk.Labels[1], blk.LabelRanges[1]), b.body(blk)
			typ.set(k, v)
			if blk.Type == "resource" {
				f.addResource(blk, read.Value{Doc: b.doc, Key: k, Node: v, Ptr: source.Pointer("resource", blk.Labels[0], blk.Labels[1])})
			}
		case blk.Type == "module" && len(blk.Labels) == 1:
			// A module call: its arguments are the called module's
			// variables (see module.calls).
			root.child(b.key(blk.Type, blk.TypeRange)).set(b.key(blk.Labels[0], blk.LabelRanges[0]), b.body(blk))
			f.calls = append(f.calls, blk)
		case blk.Type == "variable" && len(blk.Labels) == 1:
			root.child(b.key(blk.Type, blk.TypeRange)).set(b.key(blk.Labels[0], blk.LabelRanges[0]), b.body(blk))
			f.variables[blk.Labels[0]] = blk
		case blk.Type == "locals" && len(blk.Labels) == 0:
			// Terraform merges every locals block of a module into one
			// namespace.
			locals := root.child(b.key(blk.Type, blk.TypeRange))
			for _, a := range sortedAttributes(blk.Body) {
				locals.set(b.key(a.Name, a.NameRange), b.attribute(a, true))
				f.locals[a.Name] = a
			}
		}
	}
	// The mappings that group blocks (resource, resource.TYPE, locals,
	// variable) span what they hold; inner groups were made last.
	for i := len(*root.groups) - 1; i >= 0; i-- {
		g := (*root.groups)[i]
		if len(g.Content) == 0 {
			continue // an empty locals block
		}
		g.Start, g.End = g.Content[0].Start, g.Content[len(g.Content)-1].End
	}
	return root.node
}

// body builds the mapping of a block's body: its attributes and nested
// blocks in source order. A nested block type written once is a mapping,
// one written several times (ingress rules) a list of them; labels of
// nested blocks (dynamic "x") nest as keys.
func (b *treeBuilder) body(blk *hclsyntax.Block) *source.Node {
	m := newOrderedMap(b.node(source.Mapping, source.TagMap, "", hcl.RangeBetween(blk.OpenBraceRange, blk.CloseBraceRange)))
	type entry struct {
		at       int
		key, val *source.Node
	}
	var entries []entry
	for _, a := range sortedAttributes(blk.Body) { // in order: positions are found fastest moving forward
		entries = append(entries, entry{a.SrcRange.Start.Byte, b.key(a.Name, a.NameRange), b.attribute(a, false)})
	}
	nested := map[string]int{} // block type → its entry
	for _, inner := range blk.Body.Blocks {
		val := b.body(inner)
		for i := len(inner.Labels) - 1; i >= 0; i-- {
			wrap := b.node(source.Mapping, source.TagMap, "", hcl.RangeBetween(inner.LabelRanges[i], inner.CloseBraceRange))
			wrap.Content = []*source.Node{b.key(inner.Labels[i], inner.LabelRanges[i]), val}
			val = wrap
		}
		i, seen := nested[inner.Type]
		switch {
		case !seen:
			nested[inner.Type] = len(entries)
			entries = append(entries, entry{inner.TypeRange.Start.Byte, b.key(inner.Type, inner.TypeRange), val})
		case entries[i].val.Kind == source.Mapping: // the second of its type
			first := entries[i].val
			entries[i].val = &source.Node{Kind: source.Sequence, Tag: source.TagSeq, Start: first.Start, End: val.End, Content: []*source.Node{first, val}}
		default:
			entries[i].val.Content = append(entries[i].val.Content, val)
			entries[i].val.End = val.End
		}
	}
	slices.SortFunc(entries, func(x, y entry) int { return x.at - y.at })
	for _, e := range entries {
		m.set(e.key, e.val)
	}
	return m.node
}

// attribute builds an attribute's value. A body written as
// jsonencode(...) or yamlencode(...) becomes the structure it encodes, so
// the OpenAPI importer can read it and point into it; so does any local
// written that way, since locals are where bodies are built.
func (b *treeBuilder) attribute(a *hclsyntax.Attribute, isLocal bool) *source.Node {
	if a.Name == "body" || isLocal {
		if arg := encodedArgument(a.Expr); arg != nil {
			return b.expr(arg)
		}
	}
	return b.expr(a.Expr)
}

// encodedArgument returns X of jsonencode(X) or yamlencode(X), or nil.
func encodedArgument(e hclsyntax.Expression) hclsyntax.Expression {
	call, ok := unwrapExpr(e).(*hclsyntax.FunctionCallExpr)
	if ok && (call.Name == "jsonencode" || call.Name == "yamlencode") && len(call.Args) == 1 && !call.ExpandFinal {
		return call.Args[0]
	}
	return nil
}

// expr builds the node of an expression: objects, tuples and literals as
// the mappings, sequences and scalars they are; anything Terraform
// computes as an unknown scalar holding its text.
func (b *treeBuilder) expr(e hclsyntax.Expression) *source.Node {
	switch e := e.(type) {
	case *hclsyntax.ParenthesesExpr:
		return b.expr(e.Expression)
	case *hclsyntax.LiteralValueExpr:
		return b.literal(e.Val, e.SrcRange)
	case *hclsyntax.UnaryOpExpr: // -1
		if isData(e) {
			if v, diags := e.Value(nil); !diags.HasErrors() {
				return b.literal(v, e.SrcRange)
			}
		}
	case *hclsyntax.TemplateExpr:
		if s, ok := templateText(e); ok {
			return b.node(source.Scalar, source.TagStr, s, e.SrcRange)
		}
	case *hclsyntax.TupleConsExpr:
		seq := b.node(source.Sequence, source.TagSeq, "", e.SrcRange)
		for _, item := range e.Exprs {
			seq.Content = append(seq.Content, b.expr(item))
		}
		return seq
	case *hclsyntax.ObjectConsExpr:
		m := newOrderedMap(b.node(source.Mapping, source.TagMap, "", e.SrcRange))
		for _, item := range e.Items {
			m.set(b.objectKey(item.KeyExpr), b.expr(item.ValueExpr))
		}
		return m.node
	case *hclsyntax.FunctionCallExpr:
		if s, ok := jsonOf(e); ok {
			return b.node(source.Scalar, source.TagStr, s, e.Range())
		}
	}
	return b.unknown(e)
}

// objectKey builds the key of an object item: a bare name or a literal is
// the string Terraform makes of it (jsonencode writes 200 = {} as "200").
func (b *treeBuilder) objectKey(e hclsyntax.Expression) *source.Node {
	if k, ok := e.(*hclsyntax.ObjectConsKeyExpr); ok {
		if name := hcl.ExprAsKeyword(k.Wrapped); name != "" && !k.ForceNonLiteral {
			return b.key(name, k.Range())
		}
		e = k.Wrapped
	}
	n := b.expr(e)
	if n.Kind == source.Scalar && n.Tag != unknownTag && n.Tag != source.TagNull {
		n.Tag = source.TagStr
		return n
	}
	return b.unknown(e)
}

// literal builds the scalar of a literal value. Numbers keep their text.
func (b *treeBuilder) literal(v cty.Value, rng hcl.Range) *source.Node {
	switch {
	case v.IsNull():
		return b.node(source.Scalar, source.TagNull, "null", rng)
	case !v.IsKnown():
	case v.Type() == cty.String:
		return b.node(source.Scalar, source.TagStr, v.AsString(), rng)
	case v.Type() == cty.Bool:
		return b.node(source.Scalar, source.TagBool, b.text(rng), rng)
	case v.Type() == cty.Number:
		text := strings.Join(strings.Fields(b.text(rng)), "") // "- 1" is -1
		tag := source.TagInt
		if strings.ContainsAny(text, ".eE") {
			tag = source.TagFloat
		}
		return b.node(source.Scalar, tag, text, rng)
	}
	return b.unknownRange(rng)
}

// unknown is a value Terraform computes: its text, tagged unknownTag.
func (b *treeBuilder) unknown(e hclsyntax.Expression) *source.Node {
	return b.unknownRange(e.Range())
}

func (b *treeBuilder) unknownRange(rng hcl.Range) *source.Node {
	return b.node(source.Scalar, unknownTag, b.text(rng), rng)
}

func (b *treeBuilder) key(name string, rng hcl.Range) *source.Node {
	return b.node(source.Scalar, source.TagStr, name, rng)
}

func (b *treeBuilder) node(kind source.Kind, tag, val string, rng hcl.Range) *source.Node {
	return &source.Node{Kind: kind, Tag: tag, Value: val, Start: b.doc.PosAt(rng.Start.Byte), End: b.doc.PosAt(rng.End.Byte)}
}

// text is the source text of a range.
func (b *treeBuilder) text(rng hcl.Range) string {
	src := b.doc.Src
	start, end := min(rng.Start.Byte, len(src)), min(rng.End.Byte, len(src))
	return string(src[start:max(start, end)])
}

// orderedMap builds a mapping in which a later key replaces an earlier
// one in place (Terraform keeps the last of duplicate object keys).
type orderedMap struct {
	node     *source.Node
	index    map[string]int         // key → its position in node.Content
	children map[string]*orderedMap // mappings made by child
	groups   *[]*source.Node        // every mapping child made, shared down the tree
}

func newOrderedMap(n *source.Node) *orderedMap {
	return &orderedMap{node: n, index: map[string]int{}, children: map[string]*orderedMap{}, groups: new([]*source.Node)}
}

func (m *orderedMap) set(k, v *source.Node) {
	if i, ok := m.index[k.Value]; ok {
		m.node.Content[i], m.node.Content[i+1] = k, v
		delete(m.children, k.Value)
		return
	}
	m.index[k.Value] = len(m.node.Content)
	m.node.Content = append(m.node.Content, k, v)
}

// child returns the mapping under key k, adding it when absent.
func (m *orderedMap) child(k *source.Node) *orderedMap {
	if c, ok := m.children[k.Value]; ok {
		return c
	}
	c := newOrderedMap(&source.Node{Kind: source.Mapping, Tag: source.TagMap, Start: k.Start, End: k.End})
	c.groups = m.groups
	*m.groups = append(*m.groups, c.node)
	m.set(k, c.node)
	m.children[k.Value] = c
	return c
}

// sortedAttributes returns a body's attributes in source order.
func sortedAttributes(body *hclsyntax.Body) []*hclsyntax.Attribute {
	var out []*hclsyntax.Attribute
	for _, a := range body.Attributes {
		out = append(out, a)
	}
	slices.SortFunc(out, func(x, y *hclsyntax.Attribute) int { return x.SrcRange.Start.Byte - y.SrcRange.Start.Byte })
	return out
}

// unwrapExpr strips parentheses and Terraform 0.11's "${...}" around an
// expression.
func unwrapExpr(e hclsyntax.Expression) hclsyntax.Expression {
	for {
		switch w := e.(type) {
		case *hclsyntax.ParenthesesExpr:
			e = w.Expression
		case *hclsyntax.TemplateWrapExpr:
			e = w.Wrapped
		default:
			return e
		}
	}
}

// templateText returns the value of a string without interpolations
// (quoted, or a heredoc).
func templateText(t *hclsyntax.TemplateExpr) (string, bool) {
	var sb strings.Builder
	for _, part := range t.Parts {
		lit, ok := part.(*hclsyntax.LiteralValueExpr)
		if !ok || lit.Val.Type() != cty.String || lit.Val.IsNull() {
			return "", false
		}
		sb.WriteString(lit.Val.AsString())
	}
	return sb.String(), true
}

// isData reports whether an expression is data written out: literals,
// strings without interpolation, and tuples and objects of them. Only
// such expressions are evaluated, so evaluation can neither read
// anything nor grow beyond the size of the text (no loops, no calls).
func isData(e hclsyntax.Expression) bool {
	switch e := e.(type) {
	case *hclsyntax.LiteralValueExpr:
		return true
	case *hclsyntax.TemplateExpr:
		_, ok := templateText(e)
		return ok
	case *hclsyntax.ParenthesesExpr:
		return isData(e.Expression)
	case *hclsyntax.UnaryOpExpr:
		_, literal := e.Val.(*hclsyntax.LiteralValueExpr)
		return literal
	case *hclsyntax.TupleConsExpr:
		for _, item := range e.Exprs {
			if !isData(item) {
				return false
			}
		}
		return true
	case *hclsyntax.ObjectConsExpr:
		for _, item := range e.Items {
			k, ok := item.KeyExpr.(*hclsyntax.ObjectConsKeyExpr)
			plainKey := ok && ((hcl.ExprAsKeyword(k.Wrapped) != "" && !k.ForceNonLiteral) || isData(k.Wrapped))
			if !plainKey || !isData(item.ValueExpr) {
				return false
			}
		}
		return true
	}
	return false
}

// jsonOf evaluates jsonencode(X) when X is plain data, as Terraform would:
// a request template written jsonencode({statusCode = 200}) is the text
// {"statusCode":200}.
func jsonOf(call *hclsyntax.FunctionCallExpr) (string, bool) {
	if call.Name != "jsonencode" || len(call.Args) != 1 || call.ExpandFinal || !isData(call.Args[0]) {
		return "", false
	}
	v, diags := call.Args[0].Value(nil)
	if diags.HasErrors() || !v.IsWhollyKnown() {
		return "", false
	}
	out, err := stdlib.JSONEncodeFunc.Call([]cty.Value{v})
	if err != nil {
		return "", false
	}
	return out.AsString(), true
}
