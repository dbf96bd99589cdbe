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
