package read

import (
	"strings"

	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

// AddProperty adds a container's binary-media-types setting to an API.
// Entries that are intrinsics are evaluated where they are literals (a
// Fn::Join of strings) and otherwise kept as unknown; a whole list written
// as an intrinsic is one unknown entry. unescape applies SAM's documented
// "~1" → "/".
func AddProperty(api *model.API, v Value, origin model.Origin, unescape bool) {
	if !v.Exists() {
		return
	}
	api.BinaryMediaTypes.Property = v.Str()
	api.BinaryMediaTypes.Entries = append(api.BinaryMediaTypes.Entries, PropertyEntries(v, origin, unescape)...)
}

// PropertyEntries reads the entries of a binary-media-types property.
func PropertyEntries(v Value, origin model.Origin, unescape bool) []model.MediaType {
	if list, param, ok := ParameterDefault(v); ok && strings.Contains(list, ",") {
		return listDefault(v, list, param, origin, unescape)
	}
	items := v.Items()
	if _, _, isIntrinsic := Intrinsic(v); isIntrinsic || v.Node.Kind != source.Sequence {
		items = []Value{v}
	}
	var out []model.MediaType
	for _, item := range items {
		out = append(out, PropertyEntry(item, origin, unescape))
	}
	return out
}

func PropertyEntry(item Value, origin model.Origin, unescape bool) model.MediaType {
	e := model.MediaType{Field: item.Str(), Origin: origin}
	s, ok := Evaluate(item)
	if e.Parameter != "" {
		s, ok = e.Value, true // Str read the parameter's Default
	}
	if !ok {
		e.Unknown = true
		return e
	}
	if _, _, isIntrinsic := Intrinsic(item); isIntrinsic {
		e.Tag, e.Raw = source.TagStr, s // evaluated: the value API Gateway receives
	}
	e.Value = s
	if unescape {
		e.Value = strings.ReplaceAll(s, "~1", "/")
	}
	return e
}

// listDefault reads a whole list written as !Ref to a CommaDelimitedList
// parameter: the entries of its Default, each placed on the !Ref.
func listDefault(v Value, list, param string, origin model.Origin, unescape bool) []model.MediaType {
	var out []model.MediaType
	for _, s := range strings.Split(list, ",") {
		s = strings.TrimSpace(s)
		e := model.MediaType{Field: v.Str(), Origin: origin}
		e.Tag, e.Raw, e.Value, e.Parameter = source.TagStr, s, s, param
		if unescape {
			e.Value = strings.ReplaceAll(s, "~1", "/")
		}
		out = append(out, e)
	}
	return out
}

// ParameterDefault returns the Default of the template parameter a value
// refers to (!Ref Name, in a CloudFormation template's own document), and
// the parameter's name. It is what deploys unless the deploy passes
// another value, so callers check with it and say so.
func ParameterDefault(v Value) (def, param string, ok bool) {
	name, _, isIntrinsic := Intrinsic(v)
	if !isIntrinsic || name != "Ref" || v.Doc == nil || v.Doc.Root == nil {
		return "", "", false
	}
	id, _, _ := RefTarget(v)
	root := Value{Doc: v.Doc, Node: v.Doc.Root}
	if !root.Get("Resources").Exists() {
		return "", "", false // not a template: a Ref key in OpenAPI is data
	}
	d := root.Get("Parameters").Get(id).Get("Default")
	if d.Node == nil || d.Node.Kind != source.Scalar || d.Node.Tag == source.TagNull || source.IsCustomTag(d.Node.Tag) {
		return "", "", false
	}
	return d.Node.Value, id, true
}
