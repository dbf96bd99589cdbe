package source

import "fmt"

// Describe names what a value was written as, for messages that say what
// was expected instead ("… must be a list, not an object"). tag is the
// value's tag and text its scalar text (a Node's Tag and Value, or a model
// field's Tag and Raw).
//
// Mappings are called objects whatever the syntax: it is the word OpenAPI,
// JSON Schema and JSON users know, and YAML users read it without trouble.
func Describe(tag, text string) string {
	switch tag {
	case TagMap:
		return "an object"
	case TagSeq:
		return "a list"
	case TagStr:
		return fmt.Sprintf("the string %q", text)
	case TagNull:
		return "null"
	case TagInt, TagFloat:
		return "the number " + text
	case TagBool:
		return "the boolean " + text
	case TagTimestamp:
		return "the date " + text
	case "":
		return "the value " + text
	}
	return "a " + tag + " value" // a custom tag such as CloudFormation's !Ref
}

// DescribeNode is Describe for a parsed value: a mapping or a sequence is
// "an object" or "a list" whatever tag it carries.
func DescribeNode(n *Node) string {
	switch n.Kind {
	case Mapping:
		return Describe(TagMap, "")
	case Sequence:
		return Describe(TagSeq, "")
	}
	return Describe(n.Tag, n.Value)
}
