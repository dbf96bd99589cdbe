package validate

import "github.com/apigw-oas/apigw-oas/source"

// WithoutIntrinsics returns def with every CloudFormation intrinsic function
// (a !Sub scalar, a !Join list, a {"Fn::Sub": …} or {"Ref": …} mapping)
// replaced by a string: a definition inline in a template is valid once
// CloudFormation has evaluated them, which is what API Gateway receives. The
// tree is copied only where something is replaced.
func WithoutIntrinsics(def *source.Node) *source.Node {
	if source.IsUnknown(def) {
		return &source.Node{Kind: source.Scalar, Tag: source.TagStr, Value: "(intrinsic)", Start: def.Start, End: def.End}
	}
	if def.Kind == source.Scalar {
		return def
	}
	var copied *source.Node
	for i, child := range def.Content {
		replaced := WithoutIntrinsics(child)
		if replaced == child {
			continue
		}
		if copied == nil {
			c := *def
			c.Content = append([]*source.Node(nil), def.Content...)
			copied = &c
		}
		copied.Content[i] = replaced
	}
	if copied != nil {
		return copied
	}
	return def
}
