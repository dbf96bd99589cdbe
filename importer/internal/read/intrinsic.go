package read

import (
	"strings"

	"github.com/apigw-oas/apigw-oas/source"
)

// CloudFormation intrinsic functions. A value is either a literal or
// computed at deploy time; Evaluate returns what can be known here: plain
// strings, Fn::Sub without ${} and Fn::Join of literals. Everything else
// (Ref, GetAtt, If, ImportValue, …) is unknown, never guessed.

// Intrinsic returns the function name and argument of a value written as an
// intrinsic: the short YAML tag (!Join [...]) or the long form
// ({"Fn::Join": [...]}, {"Ref": "X"}).
func Intrinsic(v Value) (name string, arg Value, ok bool) {
	n := v.Node
	if n == nil {
		return "", Value{}, false
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
			return k.Value, v.Get(k.Value), true
		}
	}
	return "", Value{}, false
}

// Computed reports whether a value is computed at deploy time: written
// with a tag of its own (a short-form intrinsic such as !Ref, or what an
// importer tagged so: a Terraform reference), or a long-form intrinsic
// ({"Ref": …}, {"Fn::Sub": …}) in a template CloudFormation evaluates (a
// CloudFormation or SAM template, serverless.yml), unless Evaluate knows
// it. In a standalone OpenAPI file such a map is only a map, which API
// Gateway refuses.
func Computed(v Value) bool {
	if v.Node == nil || !source.IsUnknown(v.Node) {
		return false
	}
	if _, literal := Evaluate(v); literal {
		return false // !Sub text/csv, a Fn::Join of literals
	}
	if source.IsCustomTag(v.Node.Tag) {
		return true
	}
	if v.Doc == nil || v.Doc.Root == nil {
		return false
	}
	root := Value{Doc: v.Doc, Node: v.Doc.Root}
	return root.Get("Resources").Exists() || root.Get("service").Exists()
}

// Evaluate returns the string a value written with intrinsics comes to,
// when it can be known here.
func Evaluate(v Value) (string, bool) {
	name, arg, ok := Intrinsic(v)
	if !ok {
		if v.Node != nil && v.Node.Kind == source.Scalar && v.Node.Tag != source.TagNull {
			return v.Node.Value, true
		}
		return "", false
	}
	switch name {
	case "Fn::Sub":
		if arg.Node.Kind == source.Scalar && !strings.Contains(arg.Node.Value, "${") {
			return arg.Node.Value, true
		}
	case "Fn::Join":
		items := arg.Items()
		if len(items) != 2 {
			return "", false
		}
		sep, ok := Evaluate(items[0])
		if !ok {
			return "", false
		}
		var parts []string
		for _, p := range items[1].Items() {
			s, ok := Evaluate(p)
			if !ok {
				return "", false
			}
			parts = append(parts, s)
		}
		return strings.Join(parts, sep), true
	}
	return "", false
}

// RefTarget returns the logical ID a value refers to: !Ref X, {"Ref": "X"},
// !GetAtt X.Attr, {"Fn::GetAtt": ["X", "Attr"]}; with the attribute for
// GetAtt.
func RefTarget(v Value) (id, attr string, ok bool) {
	name, arg, ok := Intrinsic(v)
	if !ok || arg.Node == nil {
		return "", "", false
	}
	switch name {
	case "Ref":
		if arg.Node.Kind == source.Scalar {
			return arg.Node.Value, "", true
		}
	case "Fn::GetAtt":
		if arg.Node.Kind == source.Scalar {
			id, attr, _ = strings.Cut(arg.Node.Value, ".")
			return id, attr, true
		}
		if items := arg.Items(); len(items) == 2 && items[0].Node.Kind == source.Scalar && items[1].Node.Kind == source.Scalar {
			return items[0].Node.Value, items[1].Node.Value, true
		}
	}
	return "", "", false
}
