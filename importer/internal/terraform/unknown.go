package terraform

import (
	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

// Unknown values: what Terraform computes when it plans or applies
// (references, function calls, interpolated strings) is unknown here. The
// tree keeps such a value as a scalar tagged unknownTag, holding the
// expression as written, and nothing reads it as what is deployed.

// unknownTag tags a value known only when Terraform plans or applies:
// its Value is the expression as written.
const unknownTag = "!terraform"

// markUnknown marks the entries of a body's binary-media-types extension
// that Terraform computes.
func markUnknown(entries []model.MediaType) {
	for i := range entries {
		if entries[i].Tag == unknownTag {
			entries[i].Unknown = true
		}
	}
}

// isUnknown reports whether a node is a value Terraform computes.
func isUnknown(n *source.Node) bool {
	return n != nil && n.Kind == source.Scalar && n.Tag == unknownTag
}

// unknownAsUnset gives a setting Terraform computes its default value
// instead of "invalid": the value cannot be judged, so no rule may call
// it wrong. Tag still says it is computed.
func unknownAsUnset[T any](f *model.Field[T]) {
	if f.Tag == unknownTag {
		var unset T
		f.Value = unset
	}
}
