package validate

import "github.com/apigw-oas/apigw-oas/source"

// WithoutIntrinsics returns def with every CloudFormation intrinsic function
// (a !Sub scalar, a !Join list, a {"Fn::Sub": …} or {"Ref": …} mapping)
// replaced by a placeholder: a definition inline in a template is valid once
// CloudFormation has evaluated them, which is what API Gateway receives, so
// what they compute is as unknown as a ${…} (see withoutPlaceholders). A
// Fn::Sub becomes its template, whose ${…} are placeholders inside the text
// it keeps. The tree is copied only where something is replaced.
func WithoutIntrinsics(def *source.Node) *source.Node {
	if source.IsUnknown(def) {
		value := "${intrinsic}"
		if template, ok := subTemplate(def); ok {
			value = template
		}
		return &source.Node{Kind: source.Scalar, Tag: source.TagStr, Value: value, Start: def.Start, End: def.End}
	}
	if def.Kind == source.Scalar {
		return def
	}
	return withChildren(def, WithoutIntrinsics)
}

// withChildren returns def with each child replaced by replace(child),
// copying def only when some child changes, so an untouched tree is shared.
func withChildren(def *source.Node, replace func(*source.Node) *source.Node) *source.Node {
	var copied *source.Node
	for i, child := range def.Content {
		replaced := replace(child)
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

// subTemplate is the text of a Fn::Sub, short (!Sub "…", !Sub ["…", {…}])
// or long ({"Fn::Sub": "…"}, {"Fn::Sub": ["…", {…}]}).
func subTemplate(n *source.Node) (string, bool) {
	arg := n
	switch {
	case n.Tag == "!Sub":
	case n.Kind == source.Mapping && len(n.Content) == 2 && n.Content[0].Value == "Fn::Sub":
		arg = n.Content[1]
	default:
		return "", false
	}
	if arg.Kind == source.Sequence && len(arg.Content) > 0 {
		arg = arg.Content[0]
	}
	if arg.Kind != source.Scalar {
		return "", false
	}
	return arg.Value, true
}
