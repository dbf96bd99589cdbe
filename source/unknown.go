package source

import "strings"

// Unknown values: what a deployment tool computes when it deploys (an
// intrinsic function, a Terraform reference, a Serverless variable) is
// unknown here. Importers keep such a value with its tag, or mark it
// (model.Field.Unknown); readers skip it rather than guess.

// IsCustomTag reports whether a tag is an application's own ("!Ref",
// "!Sub") rather than a YAML type ("!!str").
func IsCustomTag(tag string) bool {
	return len(tag) > 1 && tag[0] == '!' && tag[1] != '!'
}

// IsUnknown reports whether a value is unknown until it is deployed: a
// CloudFormation intrinsic in its short form (!Sub …) or long form
// ({"Fn::Sub": …}, {"Ref": …}), or a value an importer tagged as computed
// at deploy time (Terraform's references, Serverless variables).
func IsUnknown(n *Node) bool {
	if IsCustomTag(n.Tag) {
		return true
	}
	return n.Kind == Mapping && len(n.Content) == 2 &&
		(n.Content[0].Value == "Ref" || strings.HasPrefix(n.Content[0].Value, "Fn::"))
}
