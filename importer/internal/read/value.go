package read

import (
	"strconv"
	"strings"

	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

// Value is a node together with what is needed to report it: the document
// it was written in (a $ref may lead into another file), its key, and its
// JSON pointer in the definition being imported.
type Value struct {
	Doc  *source.Document
	Key  *source.Node // nil for sequence items and the root
	Node *source.Node // nil when absent
	Ptr  string
}

func (v Value) Exists() bool { return v.Node != nil }

// Get returns the entry name of a mapping; absent when v is not a mapping.
func (v Value) Get(name string) Value {
	k, n := v.Node.Get(name)
	return Value{Doc: v.Doc, Key: k, Node: n, Ptr: source.Append(v.Ptr, name)}
}

// present is Get for a setting that is read only when it is there (with
// Str, Enum, named, …): an absent one carries no pointer, which saves
// building one for each of the many settings an integration leaves out.
func (v Value) present(name string) Value {
	k, n := v.Node.Get(name)
	if n == nil {
		return Value{Doc: v.Doc}
	}
	return Value{Doc: v.Doc, Key: k, Node: n, Ptr: source.Append(v.Ptr, name)}
}

// Entries returns the entries of a mapping in source order.
func (v Value) Entries() []Value {
	if v.Node == nil || v.Node.Kind != source.Mapping {
		return nil
	}
	out := make([]Value, v.Node.Len())
	for i := range out {
		k, n := v.Node.Pair(i)
		out[i] = Value{Doc: v.Doc, Key: k, Node: n, Ptr: source.Append(v.Ptr, k.Value)}
	}
	return out
}

// Items returns the items of a sequence.
func (v Value) Items() []Value {
	if v.Node == nil || v.Node.Kind != source.Sequence {
		return nil
	}
	out := make([]Value, len(v.Node.Content))
	for i, n := range v.Node.Content {
		out[i] = Value{Doc: v.Doc, Node: n, Ptr: source.Append(v.Ptr, strconv.Itoa(i))}
	}
	return out
}

// Span is where the value is written; keySpan where its key is (or the
// value's span for items).
func (v Value) Span() source.Span { return v.Doc.Span(v.Node) }

func (v Value) KeySpan() source.Span {
	if v.Key != nil {
		return v.Doc.Span(v.Key)
	}
	return v.Span()
}

// Str reads a value as a string setting. Non-string scalars (an integer
// statusCode, a float version) keep their text; mappings and sequences (a
// CloudFormation Fn::Join) have an empty Raw and say so in Tag. A !Ref to
// a template parameter with a Default reads as that Default, naming the
// parameter: every setting is checked with what deploys by default, and
// findings about it say a deploy may pass another value. Any other value
// computed at deploy time (Computed) is Unknown.
func (v Value) Str() model.Field[string] {
	if v.Node == nil {
		return model.Field[string]{}
	}
	if def, param, ok := ParameterDefault(v); ok {
		return model.Field[string]{Value: def, Raw: def, Tag: source.TagStr, Set: true, Pointer: v.Ptr, Span: v.Span(), Parameter: param}
	}
	f := model.Field[string]{Set: true, Tag: v.Node.Tag, Pointer: v.Ptr, Span: v.Span(), Unknown: Computed(v)}
	if v.Node.Kind == source.Scalar && v.Node.Tag != source.TagNull {
		f.Raw, f.Value = v.Node.Value, v.Node.Value
	} else if v.Node.Kind != source.Scalar {
		f.Tag = kindTag(v.Node)
	}
	return f
}

// KeyField reads the key of a mapping entry as a string field.
func (v Value) KeyField() model.Field[string] {
	return Value{Doc: v.Doc, Node: v.Key, Ptr: v.Ptr}.Str()
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

// Enum reads a value through parse. An explicit null parses as the unset
// value (Set still says the key is there). A value computed at deploy time
// is Unknown, with the unset value: an intrinsic Evaluate cannot reduce to
// a literal, a tagged reference, or a string with a ${…} placeholder (a
// Serverless variable, a Terraform template's or Fn::Sub's), which no
// enum value contains. Any other value that is not a string scalar is
// passed to parse as written, so it comes out invalid with its text kept
// for the message.
func Enum[T any](v Value, parse func(string) T) model.Field[T] {
	s := v.Str()
	var parsed T
	literal, _ := Evaluate(v)
	switch {
	case !s.Set || s.Tag == source.TagNull:
	case s.Parameter != "":
		parsed = parse(s.Raw)
	case s.Unknown || strings.Contains(s.Raw, "${"):
		s.Unknown = true
	default: // a literal, or an intrinsic of literals (!Sub CONVERT_TO_TEXT)
		parsed = parse(literal)
	}
	return WithValue(s, parsed)
}

func integer(v Value) model.Field[int] {
	s := v.Str()
	n, _ := strconv.Atoi(s.Raw)
	return WithValue(s, n)
}

func boolean(v Value) model.Field[bool] {
	s := v.Str()
	b, _ := strconv.ParseBool(s.Raw)
	return WithValue(s, b)
}

// WithValue gives a field read as a string its parsed value.
func WithValue[T any](s model.Field[string], parsed T) model.Field[T] {
	return model.Field[T]{Value: parsed, Raw: s.Raw, Tag: s.Tag, Set: s.Set, Pointer: s.Pointer, Span: s.Span, Parameter: s.Parameter, Unknown: s.Unknown}
}

// named reads a map of strings (requestTemplates, requestParameters, …).
func named(v Value) []model.Named {
	var out []model.Named
	for _, e := range v.Entries() {
		out = append(out, model.Named{Name: e.KeyField(), Value: e.Str()})
	}
	return out
}

// stringList reads a list of strings.
func stringList(v Value) []model.Field[string] {
	var out []model.Field[string]
	for _, item := range v.Items() {
		out = append(out, item.Str())
	}
	return out
}

// MediaTypes reads a list of media types (consumes, binary media types).
func MediaTypes(v Value, origin model.Origin) []model.MediaType {
	var out []model.MediaType
	for _, item := range v.Items() {
		out = append(out, model.MediaType{Field: item.Str(), Origin: origin})
	}
	return out
}

// MediaTypeKeys reads the keys of a content map (OpenAPI 3 requestBody or
// response content).
func MediaTypeKeys(v Value, origin model.Origin) []model.MediaType {
	var out []model.MediaType
	for _, e := range v.Entries() {
		out = append(out, model.MediaType{Field: e.KeyField(), Origin: origin})
	}
	return out
}

// Synthesized is a setting the deployment tool writes itself, placed on
// the setting that makes it do so.
func Synthesized(at Value, text string) model.Field[string] {
	return model.Field[string]{Value: text, Raw: text, Tag: "!!str", Set: true, Pointer: at.Ptr, Span: at.KeySpan()}
}
