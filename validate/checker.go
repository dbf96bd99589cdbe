package validate

import (
	"strings"

	"github.com/apigw-oas/apigw-oas/source"
)

// checker is one walk over an OpenAPI 3 definition, or over a part of it
// (the paths are walked on another core). It keeps the pointer of the
// value it is at as tokens, and builds a pointer string only for a
// problem: a large valid definition is walked without building any.
type checker struct {
	doc      *document
	tokens   []string
	problems []Problem
	// operationIDs are the operationIds seen so far in the paths.
	operationIDs map[string]bool
	// elsewhere are $refs to objects written outside the components
	// section of their kind, checked at the end (see checkElsewhere).
	elsewhere []elsewhereRef
}

// document is what every walk over one definition shares, read-only.
type document struct {
	root *source.Node
	// openAPI31 is set for OpenAPI 3.1 (and later 3.x, read as 3.1).
	openAPI31 bool
	// components indexes the components by section and name: a large
	// definition has thousands of $refs to hundreds of components.
	components map[string]map[string]*source.Node
	location   string
	files      Files
	// external is set for a document read through an external $ref: its
	// own $refs are not followed (see checkExternal).
	external bool
	scope    schemaScope // for checkSchema
}

func (c *checker) push(token string) { c.tokens = append(c.tokens, token) }
func (c *checker) pop()              { c.tokens = c.tokens[:len(c.tokens)-1] }

// pointer is the pointer of the value the walk is at.
func (c *checker) pointer() string { return source.Pointer(c.tokens...) }

// report reports a problem with the value the walk is at.
func (c *checker) report(class Class, message string) {
	c.problems = append(c.problems, Problem{Pointer: c.pointer(), Message: message, Class: class})
}

// reportField reports a problem with the field key of the value the walk
// is at, which may be missing.
func (c *checker) reportField(key string, class Class, message string) {
	c.push(key)
	c.report(class, message)
	c.pop()
}

// missing reports a required field that is absent.
func (c *checker) missing(key, what string) {
	c.reportField(key, Missing, what+" requires "+key)
}

// jsonType names the JSON type a value has when the definition is read as
// JSON: YAML's other spellings of numbers are numbers, its timestamps and
// custom tags strings.
func jsonType(n *source.Node) string {
	switch {
	case n.Kind == source.Mapping:
		return "an object"
	case n.Kind == source.Sequence:
		return "a list"
	case n.Tag == source.TagNull:
		return "null"
	case n.Tag == source.TagBool:
		return "a boolean"
	case n.Tag == source.TagInt || n.Tag == source.TagFloat:
		if b := source.AppendJSONScalar(nil, n); b[0] != '"' {
			return "a number"
		}
	}
	return "a string"
}

func isNull(n *source.Node) bool { return n.Kind == source.Scalar && n.Tag == source.TagNull }

// wrongType reports a value of another type than want at field key. A
// value that must be an object or a list is the document's structure;
// a single value of another type is a lesser problem.
func (c *checker) wrongType(key string, n *source.Node, want string) {
	class := ValueType
	if strings.HasPrefix(want, "an object") || strings.HasPrefix(want, "a list") {
		class = Structure
	}
	c.reportField(key, class, key+" must be "+want+", not "+jsonType(n))
}

// str checks that the field key holds a string and returns it ("" when it
// does not). null counts as absent, as for every field.
func (c *checker) str(key string, n *source.Node) (string, bool) {
	if isNull(n) {
		return "", false
	}
	if jsonType(n) != "a string" {
		c.wrongType(key, n, "a string")
		return "", false
	}
	return n.Value, true
}

// boolean checks that the field key holds a boolean and returns it.
func (c *checker) boolean(key string, n *source.Node) (value, ok bool) {
	if isNull(n) {
		return false, false
	}
	if n.Kind != source.Scalar || n.Tag != source.TagBool {
		c.wrongType(key, n, "a boolean")
		return false, false
	}
	return strings.EqualFold(n.Value, "true"), true
}

// stringList checks that the field key holds a list of strings.
func (c *checker) stringList(key string, n *source.Node) {
	if c.list(key, n, "a list of strings") {
		c.push(key)
		for i, item := range n.Content {
			c.str(itoa(i), item)
		}
		c.pop()
	}
}

// list checks that the field key holds a list.
func (c *checker) list(key string, n *source.Node, want string) bool {
	if isNull(n) {
		return false
	}
	if n.Kind != source.Sequence {
		c.wrongType(key, n, want)
		return false
	}
	return true
}

// item checks that a list's item at key is no null, which the list's
// objects are not.
func (c *checker) item(key string, n *source.Node, want string) bool {
	if isNull(n) {
		c.wrongType(key, n, want)
		return false
	}
	return true
}

// isObject checks that the field key holds an object.
func (c *checker) isObject(key string, n *source.Node, want string) bool {
	if isNull(n) {
		return false
	}
	if n.Kind != source.Mapping {
		c.wrongType(key, n, want)
		return false
	}
	return true
}

// object walks the fields of the OpenAPI object n, written at field key of
// the value the walk is at, calling field for each but its extensions
// ("x-…"); field returns false for a field the object does not have,
// which is reported. It reports n when it is no object and says whether
// it is one.
func (c *checker) object(key string, n *source.Node, what string, field func(k string, v *source.Node) bool) bool {
	if !c.isObject(key, n, "an object ("+what+")") {
		return false
	}
	c.push(key)
	for i := 0; i < len(n.Content); i += 2 {
		k, v := n.Content[i].Value, n.Content[i+1]
		if strings.HasPrefix(k, "x-") {
			continue
		}
		if !field(k, v) {
			c.unknownField(k, what)
		}
	}
	c.pop()
	return true
}

// unknownField reports a field an object does not have.
func (c *checker) unknownField(key, what string) {
	c.reportField(key, Specification, quote(key)+" is not a field of "+what+" (extensions start with \"x-\")")
}

// only31 reports a field OpenAPI 3.0 does not have, in a 3.0 definition.
// The field is checked all the same: the version may be what is wrong.
func (c *checker) only31(key, what string) {
	if !c.doc.openAPI31 {
		c.reportField(key, Specification, quote(key)+" is a field of "+what+" in OpenAPI 3.1, not 3.0")
	}
}

// entries walks a map of names (content, headers, variables, a
// components section), in which "x-" begins a name like any other.
func (c *checker) entries(key string, n *source.Node, want string, entry func(name string, v *source.Node)) {
	if !c.isObject(key, n, want) {
		return
	}
	c.push(key)
	for i := 0; i < len(n.Content); i += 2 {
		entry(n.Content[i].Value, n.Content[i+1])
	}
	c.pop()
}

// has reports whether an optional field was given a value.
func has(n *source.Node) bool { return n != nil && !isNull(n) }

// lookup is a field's value, or nil when it is absent or null.
func lookup(n *source.Node, key string) *source.Node {
	if v := n.Lookup(key); has(v) {
		return v
	}
	return nil
}
