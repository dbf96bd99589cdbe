package importer

import (
	"strings"

	"github.com/apigw-oas/apigw-oas/source"
)

// CloudFormation intrinsic functions. A value is either a literal or
// computed at deploy time; literal returns what can be known here: plain
// strings, Fn::Sub without ${} and Fn::Join of literals. Everything else
// (Ref, GetAtt, If, ImportValue, …) is unknown, never guessed.

// intrinsic returns the function name and argument of a value written as an
// intrinsic: the short YAML tag (!Join [...]) or the long form
// ({"Fn::Join": [...]}, {"Ref": "X"}).
func intrinsic(v value) (name string, arg value, ok bool) {
	n := v.node
	if n == nil {
		return "", value{}, false
	}
	if source.IsCustomTag(n.Tag) {
		name = strings.TrimPrefix(n.Tag, "!")
		if name != "Ref" && name != "Condition" {
			name = "Fn::" + name
		}
		return name, v, true
	}
	if n.Kind == source.Mapping && n.Len() == 1 {
		k, _ := n.Pair(0)
		if k.Value == "Ref" || strings.HasPrefix(k.Value, "Fn::") {
			return k.Value, v.get(k.Value), true
		}
	}
	return "", value{}, false
}

// literal evaluates a value that may be written with intrinsics.
func literal(v value) (string, bool) {
	name, arg, ok := intrinsic(v)
	if !ok {
		if v.node != nil && v.node.Kind == source.Scalar && v.node.Tag != source.TagNull {
			return v.node.Value, true
		}
		return "", false
	}
	switch name {
	case "Fn::Sub":
		if arg.node.Kind == source.Scalar && !strings.Contains(arg.node.Value, "${") {
			return arg.node.Value, true
		}
	case "Fn::Join":
		items := arg.items()
		if len(items) != 2 {
			return "", false
		}
		sep, ok := literal(items[0])
		if !ok {
			return "", false
		}
		var parts []string
		for _, p := range items[1].items() {
			s, ok := literal(p)
			if !ok {
				return "", false
			}
			parts = append(parts, s)
		}
		return strings.Join(parts, sep), true
	}
	return "", false
}

// refTarget returns the logical ID a value refers to: !Ref X, {"Ref": "X"},
// !GetAtt X.Attr, {"Fn::GetAtt": ["X", "Attr"]}; with the attribute for
// GetAtt.
func refTarget(v value) (id, attr string, ok bool) {
	name, arg, ok := intrinsic(v)
	if !ok || arg.node == nil {
		return "", "", false
	}
	switch name {
	case "Ref":
		if arg.node.Kind == source.Scalar {
			return arg.node.Value, "", true
		}
	case "Fn::GetAtt":
		if arg.node.Kind == source.Scalar {
			id, attr, _ = strings.Cut(arg.node.Value, ".")
			return id, attr, true
		}
		if items := arg.items(); len(items) == 2 && items[0].node.Kind == source.Scalar && items[1].node.Kind == source.Scalar {
			return items[0].node.Value, items[1].node.Value, true
		}
	}
	return "", "", false
}
