package validate

import (
	"strings"
	"sync"

	"github.com/apigw-oas/apigw-oas/source"
)

// schemaScope is what checking a Schema Object needs from the document it is in.
type schemaScope struct {
	// openAPI31 selects OpenAPI 3.1's Schema Object (JSON Schema 2020-12) over OpenAPI 3.0's.
	openAPI31 bool
	// resolve returns the node a $ref written in the document names, or nil when it does not
	// resolve (broken $refs are reported by the caller, never by checkSchema).
	resolve func(ref string) *source.Node
}

// checkSchema reports what is wrong with the Schema Object n, written at pointer, and with the
// schemas nested in it. It does not descend into $ref targets (each component is checked once
// where it is written) but may read them to judge a value (a default) against its schema.
//
// It is one walk over the schema's own fields: a large definition has
// tens of thousands of schemas, nearly all valid, so the walk allocates
// nothing but to judge a default or report a problem (pointers are built
// from a stack of keys only then).
func checkSchema(n *source.Node, pointer string, scope schemaScope) []Problem {
	stack := tokenStacks.Get().(*[]string)
	c := schemaChecker{scope: scope, base: pointer, tokens: (*stack)[:0]}
	c.schema(n)
	*stack = c.tokens[:0]
	tokenStacks.Put(stack)
	return c.problems
}

// tokenStacks keep the stacks of keys checkSchema uses from one call to
// the next: a stack of its own would be allocated on each call.
var tokenStacks = sync.Pool{New: func() any { return new([]string) }}

// schemaChecker is one call of checkSchema.
type schemaChecker struct {
	scope    schemaScope
	base     string   // the pointer of the schema checkSchema was given
	tokens   []string // the keys from there to the value being checked
	problems []Problem
}

// pointer is where the value being checked is, with the tokens given
// after it.
func (c *schemaChecker) pointer(more ...string) string {
	var b strings.Builder
	b.WriteString(c.base)
	for _, t := range c.tokens {
		b.WriteByte('/')
		b.WriteString(source.EscapeToken(t))
	}
	for _, t := range more {
		b.WriteByte('/')
		b.WriteString(source.EscapeToken(t))
	}
	return b.String()
}

// report records a problem with the field key of the schema being checked
// ("" for the schema itself).
func (c *schemaChecker) report(key string, class Class, message string) {
	p := c.pointer()
	if key != "" {
		p = c.pointer(key)
	}
	c.problems = append(c.problems, Problem{Pointer: p, Message: message, Class: class})
}

// enter and leave bracket the check of a value nested under key.
func (c *schemaChecker) enter(key string) { c.tokens = append(c.tokens, key) }
func (c *schemaChecker) leave()           { c.tokens = c.tokens[:len(c.tokens)-1] }

// schemaAt checks the schema written under key.
func (c *schemaChecker) schemaAt(key string, n *source.Node) {
	c.enter(key)
	c.schema(n)
	c.leave()
}

// schema checks one Schema Object and those nested in it.
func (c *schemaChecker) schema(n *source.Node) {
	if n.Kind != source.Mapping {
		c.notASchema(n)
		return
	}
	if ref := n.Lookup("$ref"); ref != nil {
		if !ref.IsString() {
			c.report("$ref", ValueType, "$ref must be a string, not "+source.DescribeNode(ref))
		}
		if !c.scope.openAPI31 {
			// OpenAPI 3.0's Reference Object: the fields next to $ref
			// are ignored, so nothing in them is wrong.
			return
		}
	}
	before := len(c.problems)
	var s schemaFacts
	for i := 0; i < len(n.Content); i += 2 {
		key, value := n.Content[i].Value, n.Content[i+1]
		if strings.HasPrefix(key, "x-") {
			continue
		}
		c.keyword(key, value, &s)
	}
	c.whole(n, &s, len(c.problems) > before)
}

// notASchema reports a value written where a schema belongs that is not
// one. OpenAPI 3.1's schemas are JSON Schema's, which may be true (any
// value) or false (none).
func (c *schemaChecker) notASchema(n *source.Node) {
	if c.scope.openAPI31 {
		if hasTag(n, source.TagBool) {
			return
		}
		c.report("", Structure, "a schema must be an object or a boolean, not "+source.DescribeNode(n))
		return
	}
	msg := "a schema must be an object, not " + source.DescribeNode(n)
	if hasTag(n, source.TagBool) {
		msg += " (boolean schemas are OpenAPI 3.1's)"
	}
	c.report("", Structure, msg)
}

// schemaFacts are what the checks of a whole schema need from its fields.
type schemaFacts struct {
	array                      bool // type is "array" (alone)
	items, readOnly, writeOnly bool
	defaultValue               *source.Node
}

// whole checks the rules that bind several fields of a schema. A default
// is judged only against a schema with no problem of its own: the
// verdict of a broken schema would be noise.
func (c *schemaChecker) whole(n *source.Node, s *schemaFacts, broken bool) {
	if !c.scope.openAPI31 {
		// JSON Schema 2020-12 drops both rules: readOnly and writeOnly
		// are annotations there, and a list without items holds anything.
		if s.readOnly && s.writeOnly {
			c.report("", Specification, "readOnly and writeOnly cannot both be true: a property is either only sent or only received")
		}
		if s.array && !s.items {
			c.report("", Specification, `a schema of type array must have items (use "items: {}" for items of any type)`)
		}
	}
	if s.defaultValue != nil && !broken {
		v := valueChecker{scope: c.scope}
		if why := v.check(s.defaultValue, n); why != nil {
			c.report("default", Specification, "the default does not match its schema: "+why.String())
		}
	}
}
