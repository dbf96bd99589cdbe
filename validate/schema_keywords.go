package validate

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/apigw-oas/apigw-oas/source"
)

// keyword checks one field of a Schema Object (not an extension).
func (c *schemaChecker) keyword(key string, v *source.Node, s *schemaFacts) {
	switch key {
	case "$ref": // checked by schema
	case "title", "description", "format":
		c.wantString(key, v)
	case "pattern":
		if c.wantString(key, v) {
			if why := patternError(v.Value); why != "" {
				c.report(key, Specification, "the pattern is not a regular expression apigw-oas can read: "+why)
			}
		}
	case "type":
		s.array = c.typeField(v) && v.Value == "array"
	case "readOnly":
		s.readOnly = c.wantBool(key, v) && isTrueNode(v)
	case "writeOnly":
		s.writeOnly = c.wantBool(key, v) && isTrueNode(v)
	case "deprecated", "uniqueItems":
		c.wantBool(key, v)
	case "exclusiveMinimum", "exclusiveMaximum":
		c.exclusiveBound(key, v)
	case "minimum", "maximum":
		c.wantNumber(key, v)
	case "multipleOf":
		if c.wantNumber(key, v) && !isPositiveNumber(v) {
			c.report(key, Specification, "multipleOf must be greater than 0")
		}
	case "minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties":
		c.wantCount(key, v)
	case "enum":
		c.want(key, v, v.Kind == source.Sequence, "a list")
	case "required":
		c.required(v)
	case "items":
		s.items = true
		if v.Kind == source.Sequence && !c.scope.openAPI31 {
			c.report(key, Structure, "items must be one schema (an object), not a list: OpenAPI 3.0 has no tuples")
			return
		}
		c.schemaAt(key, v)
	case "not":
		c.schemaAt(key, v)
	case "allOf", "anyOf", "oneOf":
		c.schemaList(key, v)
	case "properties":
		c.schemaMap(key, v)
	case "additionalProperties":
		if !hasTag(v, source.TagBool) {
			c.schemaAt(key, v)
		}
	case "discriminator":
		c.discriminator(v)
	case "xml":
		c.xml(v)
	case "externalDocs":
		c.externalDocs(v)
	case "example":
	case "default":
		s.defaultValue = v
	case "nullable":
		if !c.scope.openAPI31 { // an unknown keyword in 3.1, which JSON Schema ignores
			c.wantBool(key, v)
		}
	default:
		c.keyword31(key, v)
	}
}

// keyword31 checks a field OpenAPI 3.0's Schema Object does not have.
// OpenAPI 3.1's is JSON Schema 2020-12, whose keywords it checks; any
// other field is allowed there ("additional properties MAY omit the x-
// prefix within this object").
func (c *schemaChecker) keyword31(key string, v *source.Node) {
	known := true
	switch key {
	case "const":
	case "examples":
		c.want(key, v, v.Kind == source.Sequence, "a list")
	case "$schema", "$id", "$anchor", "$dynamicRef", "$dynamicAnchor", "$comment", "contentMediaType", "contentEncoding":
		c.wantString(key, v)
	case "prefixItems":
		c.schemaList(key, v)
	case "contains", "propertyNames", "if", "then", "else", "contentSchema", "unevaluatedItems", "unevaluatedProperties":
		c.schemaAt(key, v)
	case "patternProperties", "dependentSchemas", "$defs":
		c.schemaMap(key, v)
	case "minContains", "maxContains":
		c.wantCount(key, v)
	case "dependentRequired":
		c.dependentRequired(v)
	default:
		known = false
	}
	if c.scope.openAPI31 {
		return
	}
	// The checks above ran for a 3.0 document too: a problem inside such
	// a field is still one.
	if known {
		c.report(key, Specification, quote(key)+" is a keyword of OpenAPI 3.1's schemas (JSON Schema 2020-12), not of OpenAPI 3.0's")
		return
	}
	c.report(key, Specification, quote(key)+` is not a field of an OpenAPI 3.0 Schema Object (extensions start with "x-")`)
}

// typeField checks type and says whether it is one well-formed type.
func (c *schemaChecker) typeField(v *source.Node) bool {
	if v.Kind != source.Sequence {
		return c.oneType("type", v)
	}
	if !c.scope.openAPI31 {
		c.report("type", Specification, `a list of types is OpenAPI 3.1's: OpenAPI 3.0 names one type (and "nullable: true" allows null)`)
		return false
	}
	c.enter("type")
	for i, t := range v.Content {
		c.oneType(itoa(i), t)
	}
	c.leave()
	return false
}

// oneType checks one type name, written under key.
func (c *schemaChecker) oneType(key string, t *source.Node) bool {
	if !c.wantString(key, t) {
		return false
	}
	switch t.Value {
	case "string", "number", "integer", "boolean", "array", "object":
		return true
	case "null":
		if c.scope.openAPI31 {
			return true
		}
		c.report(key, Specification, `"null" is not a type in OpenAPI 3.0: write "nullable: true" instead`)
		return false
	}
	types := "string, number, integer, boolean, array or object"
	if c.scope.openAPI31 {
		types = "string, number, integer, boolean, array, object or null"
	}
	c.report(key, Specification, quote(t.Value)+" is not a type: use "+types)
	return false
}

// exclusiveBound checks exclusiveMinimum or exclusiveMaximum, which
// changed meaning between the versions: a boolean that makes minimum or
// maximum exclusive in 3.0, the bound itself in 3.1.
func (c *schemaChecker) exclusiveBound(key string, v *source.Node) {
	switch {
	case c.scope.openAPI31 && hasTag(v, source.TagBool):
		c.report(key, Specification, "a boolean "+key+" is OpenAPI 3.0's: in 3.1 it is the exclusive bound itself, a number")
	case c.scope.openAPI31:
		c.wantNumber(key, v)
	case jsonKind(v) == kindNumber:
		c.report(key, Specification, "a numeric "+key+" is OpenAPI 3.1's: in 3.0 it is a boolean that makes "+
			strings.TrimPrefix(strings.ToLower(key), "exclusive")+" exclusive")
	default:
		c.wantBool(key, v)
	}
}

// required checks a list of property names, each named once.
func (c *schemaChecker) required(v *source.Node) {
	if !c.want("required", v, v.Kind == source.Sequence, "a list") {
		return
	}
	c.enter("required")
	defer c.leave()
	for i, name := range v.Content {
		if !c.wantString(itoa(i), name) {
			continue
		}
		for _, earlier := range v.Content[:i] {
			if earlier.Value == name.Value && jsonKind(earlier) == kindString {
				c.report(itoa(i), Specification, "required names "+quote(name.Value)+" twice")
				break
			}
		}
	}
}

// dependentRequired checks a map of property names to lists of names.
func (c *schemaChecker) dependentRequired(v *source.Node) {
	if !c.want("dependentRequired", v, v.Kind == source.Mapping, "an object") {
		return
	}
	c.enter("dependentRequired")
	defer c.leave()
	for i := 0; i < len(v.Content); i += 2 {
		key, names := v.Content[i].Value, v.Content[i+1]
		if !c.want(key, names, names.Kind == source.Sequence, "a list") {
			continue
		}
		c.enter(key)
		for j, name := range names.Content {
			c.wantString(itoa(j), name)
		}
		c.leave()
	}
}

// schemaList checks a list of schemas written under key.
func (c *schemaChecker) schemaList(key string, v *source.Node) {
	if !c.want(key, v, v.Kind == source.Sequence, "a list of schemas") {
		return
	}
	c.enter(key)
	for i, item := range v.Content {
		c.schemaAt(itoa(i), item)
	}
	c.leave()
}

// schemaMap checks a map of names to schemas written under key; its keys
// are names, so "x-" begins a name like any other.
func (c *schemaChecker) schemaMap(key string, v *source.Node) {
	if !c.want(key, v, v.Kind == source.Mapping, "an object") {
		return
	}
	c.enter(key)
	for i := 0; i < len(v.Content); i += 2 {
		c.schemaAt(v.Content[i].Value, v.Content[i+1])
	}
	c.leave()
}

// discriminator checks a Discriminator Object: an OpenAPI object, not a
// JSON Schema keyword, so its unknown fields are problems in 3.1 too.
func (c *schemaChecker) discriminator(v *source.Node) {
	c.object("discriminator", v, []string{"propertyName"}, func(key string, f *source.Node) bool {
		switch key {
		case "propertyName":
			c.wantString(key, f)
		case "mapping":
			if c.want(key, f, f.Kind == source.Mapping, "an object") {
				c.enter(key)
				for i := 0; i < len(f.Content); i += 2 {
					c.wantString(f.Content[i].Value, f.Content[i+1])
				}
				c.leave()
			}
		default:
			return false
		}
		return true
	})
}

// xml checks an XML Object.
func (c *schemaChecker) xml(v *source.Node) {
	c.object("xml", v, nil, func(key string, f *source.Node) bool {
		switch key {
		case "name", "namespace", "prefix":
			c.wantString(key, f)
		case "attribute", "wrapped":
			c.wantBool(key, f)
		default:
			return false
		}
		return true
	})
}

// externalDocs checks an External Documentation Object.
func (c *schemaChecker) externalDocs(v *source.Node) {
	c.object("externalDocs", v, []string{"url"}, func(key string, f *source.Node) bool {
		switch key {
		case "description":
			c.wantString(key, f)
		case "url":
			if c.wantString(key, f) {
				if _, err := url.Parse(f.Value); err != nil || f.Value == "" {
					c.report(key, Specification, "url must be a URL, not "+source.DescribeNode(f))
				}
			}
		default:
			return false
		}
		return true
	})
}

// object checks an OpenAPI object written under key: field checks each
// field but extensions and says whether it knows it; required are the
// fields it must have.
func (c *schemaChecker) object(key string, v *source.Node, required []string, field func(key string, v *source.Node) bool) {
	if !c.want(key, v, v.Kind == source.Mapping, "an object") {
		return
	}
	c.enter(key)
	defer c.leave()
	for i := 0; i < len(v.Content); i += 2 {
		k := v.Content[i].Value
		if !strings.HasPrefix(k, "x-") && !field(k, v.Content[i+1]) {
			c.report(k, Specification, quote(k)+` is not a field of this object (extensions start with "x-")`)
		}
	}
	for _, name := range required {
		if v.Lookup(name) == nil {
			c.report("", Missing, key+" must have "+name)
		}
	}
}

// want reports the field key unless ok, saying it must be what.
func (c *schemaChecker) want(key string, v *source.Node, ok bool, what string) bool {
	if !ok {
		class := ValueType
		if strings.HasPrefix(what, "an object") || strings.HasPrefix(what, "a list") {
			class = Structure
		}
		c.report(key, class, c.label(key)+" must be "+what+", not "+source.DescribeNode(v))
	}
	return ok
}

// label names the field key of the value being checked in a message: an
// index is an item of the list it is in.
func (c *schemaChecker) label(key string) string {
	if len(c.tokens) == 0 {
		return key
	}
	parent := c.tokens[len(c.tokens)-1]
	if _, err := strconv.Atoi(key); err == nil {
		return "item " + key + " of " + parent
	}
	if parent == "mapping" || parent == "dependentRequired" {
		return parent + " " + quote(key)
	}
	return key
}

func (c *schemaChecker) wantString(key string, v *source.Node) bool {
	return c.want(key, v, jsonKind(v) == kindString, "a string")
}

func (c *schemaChecker) wantBool(key string, v *source.Node) bool {
	return c.want(key, v, hasTag(v, source.TagBool), "a boolean")
}

func (c *schemaChecker) wantNumber(key string, v *source.Node) bool {
	return c.want(key, v, jsonKind(v) == kindNumber, "a number")
}

// wantCount wants a non-negative integer.
func (c *schemaChecker) wantCount(key string, v *source.Node) bool {
	return c.want(key, v, isCountNode(v), "a whole number, 0 or more")
}

func hasTag(n *source.Node, tag string) bool {
	return n != nil && n.Kind == source.Scalar && n.Tag == tag
}

// isTrueNode is a boolean that is true: YAML also spells it True and TRUE.
func isTrueNode(n *source.Node) bool {
	return hasTag(n, source.TagBool) && strings.EqualFold(n.Value, "true")
}
