package validate

import (
	"strconv"

	"github.com/apigw-oas/apigw-oas/source"
)

// jsonKindT is a value's JSON type.
type jsonKindT uint8

const (
	kindNull jsonKindT = iota + 1
	kindBool
	kindNumber
	kindString
	kindArray
	kindObject
)

// jsonKind is the JSON type of a node as a JSON reader of the document
// would see it (source.AppendJSONScalar writes it so): YAML numbers in
// forms JSON lacks (0x1F, 1_000) are numbers, .inf and .nan are strings,
// and so are timestamps and custom tags.
func jsonKind(n *source.Node) jsonKindT {
	switch n.Kind {
	case source.Mapping:
		return kindObject
	case source.Sequence:
		return kindArray
	}
	switch n.Tag {
	case source.TagNull:
		return kindNull
	case source.TagBool:
		return kindBool
	case source.TagInt, source.TagFloat:
		if _, ok := numberText(n); ok {
			return kindNumber
		}
	}
	return kindString
}

// numberText is a number scalar written as JSON writes it.
func numberText(n *source.Node) (string, bool) {
	if source.IsJSONNumber(n.Value) {
		return n.Value, true
	}
	b := source.AppendJSONScalar(nil, n)
	if len(b) == 0 || b[0] == '"' {
		return "", false
	}
	return string(b), true
}

// numberOf is the value of a number node, as a JSON reader decoding
// numbers to float64 (kin-openapi, most validators) sees it.
func numberOf(n *source.Node) (float64, bool) {
	if n.Kind != source.Scalar || (n.Tag != source.TagInt && n.Tag != source.TagFloat) {
		return 0, false
	}
	text, ok := numberText(n)
	if !ok {
		return 0, false
	}
	f, err := strconv.ParseFloat(text, 64)
	return f, err == nil
}

// isCountNode is an integer from 0 to 2^63-1, written as one (not 1.0).
func isCountNode(n *source.Node) bool {
	if !hasTag(n, source.TagInt) {
		return false
	}
	text, ok := numberText(n)
	if !ok {
		return false
	}
	i, err := strconv.ParseInt(text, 10, 64)
	return err == nil && i >= 0
}

// isPositiveNumber is a number greater than 0.
func isPositiveNumber(n *source.Node) bool {
	text, ok := numberText(n)
	if !ok {
		return false
	}
	f, err := strconv.ParseFloat(text, 64)
	return err == nil && f > 0
}

// sameValue reports whether two values are equal as JSON values: numbers
// by value (1 and 1.0 are equal), objects whatever their keys' order.
func sameValue(a, b *source.Node) bool {
	ka, kb := jsonKind(a), jsonKind(b)
	if ka != kb {
		return false
	}
	switch ka {
	case kindNull:
		return true
	case kindBool:
		return isTrueNode(a) == isTrueNode(b)
	case kindNumber:
		x, okx := numberOf(a)
		y, oky := numberOf(b)
		return okx && oky && x == y
	case kindString:
		return a.Value == b.Value
	case kindArray:
		if len(a.Content) != len(b.Content) {
			return false
		}
		for i := range a.Content {
			if !sameValue(a.Content[i], b.Content[i]) {
				return false
			}
		}
		return true
	}
	if a.Len() != b.Len() {
		return false
	}
	for i := 0; i < len(a.Content); i += 2 {
		other := b.Lookup(a.Content[i].Value)
		if other == nil || !sameValue(a.Content[i+1], other) {
			return false
		}
	}
	return true
}

func containsValue(list []*source.Node, v *source.Node) bool {
	for _, item := range list {
		if sameValue(item, v) {
			return true
		}
	}
	return false
}

// schemaView holds the keywords of a schema that constrain a value, read
// in one pass over its fields.
type schemaView struct {
	typ, nullable, enum, constant, not, allOf, anyOf, oneOf *source.Node
	ifSchema, thenSchema, elseSchema                        *source.Node
	minimum, maximum, exclusiveMinimum, exclusiveMaximum    *source.Node
	multipleOf, format, minLength, maxLength, pattern       *source.Node
	minItems, maxItems, uniqueItems, items, prefixItems     *source.Node
	contains, minContains                                   *source.Node
	minProperties, maxProperties, required, properties      *source.Node
	patternProperties, additionalProperties, propertyNames  *source.Node
}

func readSchema(n *source.Node) schemaView {
	var s schemaView
	for i := 0; i < len(n.Content); i += 2 {
		v := n.Content[i+1]
		switch n.Content[i].Value {
		case "type":
			s.typ = v
		case "nullable":
			s.nullable = v
		case "enum":
			s.enum = nodeIf(v, v.Kind == source.Sequence)
		case "const":
			s.constant = v
		case "not":
			s.not = v
		case "allOf":
			s.allOf = nodeIf(v, v.Kind == source.Sequence)
		case "anyOf":
			s.anyOf = nodeIf(v, v.Kind == source.Sequence)
		case "oneOf":
			s.oneOf = nodeIf(v, v.Kind == source.Sequence)
		case "if":
			s.ifSchema = v
		case "then":
			s.thenSchema = v
		case "else":
			s.elseSchema = v
		case "minimum":
			s.minimum = v
		case "maximum":
			s.maximum = v
		case "exclusiveMinimum":
			s.exclusiveMinimum = v
		case "exclusiveMaximum":
			s.exclusiveMaximum = v
		case "multipleOf":
			s.multipleOf = v
		case "format":
			s.format = v
		case "minLength":
			s.minLength = v
		case "maxLength":
			s.maxLength = v
		case "pattern":
			s.pattern = v
		case "minItems":
			s.minItems = v
		case "maxItems":
			s.maxItems = v
		case "uniqueItems":
			s.uniqueItems = v
		case "items":
			s.items = v
		case "prefixItems":
			s.prefixItems = nodeIf(v, v.Kind == source.Sequence)
		case "contains":
			s.contains = v
		case "minContains":
			s.minContains = v
		case "minProperties":
			s.minProperties = v
		case "maxProperties":
			s.maxProperties = v
		case "required":
			s.required = v
		case "properties":
			s.properties = v
		case "patternProperties":
			s.patternProperties = nodeIf(v, v.Kind == source.Mapping)
		case "additionalProperties":
			s.additionalProperties = v
		case "propertyNames":
			s.propertyNames = v
		}
	}
	return s
}

func nodeIf(n *source.Node, ok bool) *source.Node {
	if ok {
		return n
	}
	return nil
}
