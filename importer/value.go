package importer

import (
	"strconv"

	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

// value is a node together with what is needed to report it: the document
// it was written in (a $ref may lead into another file), its key, and its
// JSON pointer in the definition being imported.
type value struct {
	doc  *source.Document
	key  *source.Node // nil for sequence items and the root
	node *source.Node // nil when absent
	ptr  string
}

func (v value) exists() bool { return v.node != nil }

// get returns the entry name of a mapping; absent when v is not a mapping.
func (v value) get(name string) value {
	k, n := v.node.Get(name)
	return value{doc: v.doc, key: k, node: n, ptr: source.Append(v.ptr, name)}
}

// entries returns the entries of a mapping in source order.
func (v value) entries() []value {
	if v.node == nil || v.node.Kind != source.Mapping {
		return nil
	}
	out := make([]value, v.node.Len())
	for i := range out {
		k, n := v.node.Pair(i)
		out[i] = value{doc: v.doc, key: k, node: n, ptr: source.Append(v.ptr, k.Value)}
	}
	return out
}

// items returns the items of a sequence.
func (v value) items() []value {
	if v.node == nil || v.node.Kind != source.Sequence {
		return nil
	}
	out := make([]value, len(v.node.Content))
	for i, n := range v.node.Content {
		out[i] = value{doc: v.doc, node: n, ptr: source.Append(v.ptr, strconv.Itoa(i))}
	}
	return out
}

// span is where the value is written; keySpan where its key is (or the
// value's span for items).
func (v value) span() source.Span { return v.doc.Span(v.node) }

func (v value) keySpan() source.Span {
	if v.key != nil {
		return v.doc.Span(v.key)
	}
	return v.span()
}

// str reads a value as a string setting. Non-string scalars (an integer
// statusCode, a float version) keep their text; mappings and sequences (a
// CloudFormation Fn::Join) have an empty Raw and say so in Tag.
func (v value) str() model.Field[string] {
	if v.node == nil {
		return model.Field[string]{}
	}
	f := model.Field[string]{Set: true, Tag: v.node.Tag, Pointer: v.ptr, Span: v.span()}
	if v.node.Kind == source.Scalar && v.node.Tag != source.TagNull {
		f.Raw, f.Value = v.node.Value, v.node.Value
	} else if v.node.Kind != source.Scalar {
		f.Tag = kindTag(v.node)
	}
	return f
}

// keyField reads the key of a mapping entry as a string field.
func (v value) keyField() model.Field[string] {
	return value{doc: v.doc, node: v.key, ptr: v.ptr}.str()
}

func kindTag(n *source.Node) string {
	if source.IsCustomTag(n.Tag) {
		return n.Tag // a custom tag such as !If on a mapping
	}
	if n.Kind == source.Mapping {
		return source.TagMap
	}
	return source.TagSeq
}

// enum reads a value through parse. An explicit null parses as the unset
// value (Set still says the key is there); a value that is not a string
// scalar is passed to parse as written, so it comes out invalid with its
// text kept for the message.
func enum[T any](v value, parse func(string) T) model.Field[T] {
	s := v.str()
	var parsed T
	if s.Set && s.Tag != source.TagNull {
		parsed = parse(s.Raw)
	}
	return withValue(s, parsed)
}

func integer(v value) model.Field[int] {
	s := v.str()
	n, _ := strconv.Atoi(s.Raw)
	return withValue(s, n)
}

func boolean(v value) model.Field[bool] {
	s := v.str()
	b, _ := strconv.ParseBool(s.Raw)
	return withValue(s, b)
}

// withValue gives a field read as a string its parsed value.
func withValue[T any](s model.Field[string], parsed T) model.Field[T] {
	return model.Field[T]{Value: parsed, Raw: s.Raw, Tag: s.Tag, Set: s.Set, Pointer: s.Pointer, Span: s.Span}
}

// named reads a map of strings (requestTemplates, requestParameters, …).
func named(v value) []model.Named {
	var out []model.Named
	for _, e := range v.entries() {
		out = append(out, model.Named{Name: e.keyField(), Value: e.str()})
	}
	return out
}

// stringList reads a list of strings.
func stringList(v value) []model.Field[string] {
	var out []model.Field[string]
	for _, item := range v.items() {
		out = append(out, item.str())
	}
	return out
}

// mediaTypes reads a list of media types (consumes, binary media types).
func mediaTypes(v value, origin model.Origin) []model.MediaType {
	var out []model.MediaType
	for _, item := range v.items() {
		out = append(out, model.MediaType{Field: item.str(), Origin: origin})
	}
	return out
}

// mediaTypeKeys reads the keys of a content map (OpenAPI 3 requestBody or
// response content).
func mediaTypeKeys(v value, origin model.Origin) []model.MediaType {
	var out []model.MediaType
	for _, e := range v.entries() {
		out = append(out, model.MediaType{Field: e.keyField(), Origin: origin})
	}
	return out
}
