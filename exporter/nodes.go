package exporter

import (
	"strings"

	"github.com/apigw-oas/apigw-oas/source"
)

// Small tools for reading and building trees, shared by the two
// conversions. Every reader accepts any node (nil, a scalar where a
// mapping belongs): a conversion copies or skips what does not have the
// shape the specification gives it, and lint reports it.

// eachEntry calls f for every entry of a mapping, in source order.
func eachEntry(m *source.Node, f func(key string, value *source.Node)) {
	if m == nil || m.Kind != source.Mapping {
		return
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		f(m.Content[i].Value, m.Content[i+1])
	}
}

// appendEntry adds an entry at the end of a mapping the caller builds
// with distinct keys (Set would search the keys every time).
func appendEntry(m *source.Node, key string, value *source.Node) {
	m.Content = append(m.Content, source.NewString(key), value)
}

// text is a scalar's value; "" for anything else.
func text(n *source.Node) string {
	if n == nil || n.Kind != source.Scalar {
		return ""
	}
	return n.Value
}

// isTrue reports whether n is the boolean true.
func isTrue(n *source.Node) bool {
	return n != nil && n.Kind == source.Scalar && n.Tag == source.TagBool && strings.EqualFold(n.Value, "true")
}

func isExtension(key string) bool { return strings.HasPrefix(key, "x-") }

func newBool(b bool) *source.Node {
	v := "false"
	if b {
		v = "true"
	}
	return &source.Node{Kind: source.Scalar, Tag: source.TagBool, Value: v}
}

func newSequence(items ...*source.Node) *source.Node {
	return &source.Node{Kind: source.Sequence, Tag: source.TagSeq, Content: items}
}

// mappingOf builds a mapping from keys and values in turn.
func mappingOf(keysAndValues ...any) *source.Node {
	m := source.NewMapping()
	for i := 0; i+1 < len(keysAndValues); i += 2 {
		appendEntry(m, keysAndValues[i].(string), keysAndValues[i+1].(*source.Node))
	}
	return m
}

// withVersionText copies info with a version written as a number (common
// in YAML) as the string the specification says it is.
func withVersionText(info *source.Node) *source.Node {
	out := source.DeepCopy(info)
	if out.Kind != source.Mapping {
		return out
	}
	for i := 0; i+1 < len(out.Content); i += 2 {
		if v := out.Content[i+1]; out.Content[i].Value == "version" && v.Kind == source.Scalar && (v.Tag == source.TagInt || v.Tag == source.TagFloat) {
			v.Tag = source.TagStr
		}
	}
	return out
}

// localTarget follows a local $ref ("#/components/schemas/Pet") to the
// node it names; n itself when n is no $ref, nil when the target is
// missing.
func localTarget(root, n *source.Node) *source.Node {
	for range 32 { // a chain of $refs, not a cycle
		ref := n.Lookup("$ref")
		if ref == nil {
			return n
		}
		if !strings.HasPrefix(text(ref), "#") {
			return nil
		}
		target, err := root.LookupPointer(text(ref)[1:])
		if err != nil {
			return nil
		}
		n = target.Value
	}
	return nil
}

// prefixes pairs the places of the sections the two versions share: a
// $ref into one is rewritten to the other.
var prefixes = [][2]string{ // OpenAPI 3, Swagger 2.0
	{"#/components/schemas/", "#/definitions/"},
	{"#/components/parameters/", "#/parameters/"},
	{"#/components/responses/", "#/responses/"},
	{"#/components/requestBodies/", "#/parameters/"},
	{"#/components/securitySchemes/", "#/securityDefinitions/"},
}

// refTo3 rewrites a Swagger 2.0 $ref to its OpenAPI 3 place (a body
// parameter's, which becomes a request body, is rewritten by the caller).
func refTo3(ref string) string {
	for _, p := range prefixes[:3] {
		if rest, ok := strings.CutPrefix(ref, p[1]); ok {
			return p[0] + rest
		}
	}
	if rest, ok := strings.CutPrefix(ref, prefixes[4][1]); ok {
		return prefixes[4][0] + rest
	}
	return ref
}

// refTo2 rewrites an OpenAPI 3 $ref to its Swagger 2.0 place.
func refTo2(ref string) string {
	for _, p := range prefixes {
		if rest, ok := strings.CutPrefix(ref, p[0]); ok {
			return p[1] + rest
		}
	}
	return ref
}

// refNode is a {$ref: ref} object.
func refNode(ref string) *source.Node {
	return mappingOf("$ref", source.NewString(ref))
}

// describedResponse starts a converted response with r's description,
// which both versions require: "" when r has none.
func describedResponse(r *source.Node) *source.Node {
	out := source.NewMapping()
	description := r.Lookup("description")
	if description == nil {
		description = source.NewString("")
	}
	appendEntry(out, "description", source.DeepCopy(description))
	return out
}
