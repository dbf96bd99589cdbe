package terraform

import "github.com/apigw-oas/apigw-oas/source"

// Unknown values: what Terraform computes when it plans or applies
// (references, function calls, interpolated strings) is unknown here. The
// tree keeps such a value as a scalar tagged unknownTag, holding the
// expression as written, and nothing reads it as what is deployed.

// unknownTag tags a value known only when Terraform plans or applies:
// its Value is the expression as written.
const unknownTag = "!terraform"

// isUnknown reports whether a node is a value Terraform computes.
func isUnknown(n *source.Node) bool {
	return n != nil && n.Kind == source.Scalar && n.Tag == unknownTag
}
