package validate

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/apigw-oas/apigw-oas/source"
)

// A small JSON Schema validator for the values a schema holds (its
// default): OpenAPI 3.0's dialect or 3.1's (JSON Schema 2020-12) as the
// scope says. Values are the document's own nodes, read as JSON reads
// them (see jsonKind). It knows the keywords that constrain a value's
// type, size, text and shape; a keyword it does not know constrains
// nothing.

// valueChecker judges values against schemas.
type valueChecker struct {
	scope schemaScope
	// active are the schema and value pairs being judged: a $ref that
	// leads back to one of them (a recursive schema) judges nothing new.
	active []judgement
}

type judgement struct{ schema, value *source.Node }

// maxValueDepth bounds how deep a value is followed into its schemas.
const maxValueDepth = 64

// valueError says why a value does not match its schema, and where in the
// value.
type valueError struct {
	reversedPath []string // tokens from the failing part up to the value
	reason       string
}

func (e *valueError) String() string {
	if len(e.reversedPath) == 0 {
		return e.reason
	}
	var b strings.Builder
	for i := len(e.reversedPath) - 1; i >= 0; i-- {
		b.WriteByte('/')
		b.WriteString(source.EscapeToken(e.reversedPath[i]))
	}
	return "at " + b.String() + ", " + e.reason
}

// valueWithin places a problem of a part of a value (its key or index) in it.
func valueWithin(token string, e *valueError) *valueError {
	if e != nil {
		e.reversedPath = append(e.reversedPath, token)
	}
	return e
}

func valueMismatch(reason string) *valueError { return &valueError{reason: reason} }

// check judges value against schema and returns why it does not match, or
// nil.
func (v *valueChecker) check(value, schema *source.Node) *valueError {
	if len(v.active) >= maxValueDepth {
		return nil
	}
	for _, j := range v.active {
		if j.schema == schema && j.value == value {
			return nil
		}
	}
	v.active = append(v.active, judgement{schema, value})
	defer func() { v.active = v.active[:len(v.active)-1] }()

	if schema.Kind != source.Mapping {
		if hasTag(schema, source.TagBool) && !isTrueNode(schema) {
			return valueMismatch("the schema here is false, which allows no value")
		}
		return nil
	}
	if ref := schema.Lookup("$ref"); ref.IsString() {
		if target := v.scope.resolve(ref.Value); target != nil {
			if e := v.check(value, target); e != nil {
				return e
			}
		}
		if !v.scope.openAPI31 {
			return nil // 3.0: the fields next to $ref are ignored
		}
	}
	s := readSchema(schema)
	kind := jsonKind(value)
	if kind == kindNull && !v.scope.openAPI31 {
		return v.null30(value, &s)
	}
	if e := v.typeOf(value, kind, &s); e != nil {
		return e
	}
	if e := v.applicators(value, &s); e != nil {
		return e
	}
	if s.enum != nil && !containsValue(s.enum.Content, value) {
		return valueMismatch(source.DescribeNode(value) + " is not one of the values enum lists")
	}
	if s.constant != nil && v.scope.openAPI31 && !sameValue(s.constant, value) {
		return valueMismatch(source.DescribeNode(value) + " is not the value const names")
	}
	switch kind {
	case kindNumber:
		return v.number(value, &s)
	case kindString:
		return v.text(value.Value, &s)
	case kindArray:
		return v.array(value, &s)
	case kindObject:
		return v.object(value, &s)
	}
	return nil
}

// null30 judges null against an OpenAPI 3.0 schema: only a nullable one
// allows it, or one whose allOf, anyOf or oneOf do ("null is not
// supported as a type").
func (v *valueChecker) null30(value *source.Node, s *schemaView) *valueError {
	if s.nullable != nil && isTrueNode(s.nullable) {
		return nil
	}
	if s.allOf == nil && s.anyOf == nil && s.oneOf == nil {
		return valueMismatch(`null is not allowed: the schema does not say "nullable: true"`)
	}
	return v.applicators(value, s)
}

// typeOf checks the value's JSON type against type.
func (v *valueChecker) typeOf(value *source.Node, kind jsonKindT, s *schemaView) *valueError {
	if s.typ == nil {
		return nil
	}
	names := []*source.Node{s.typ}
	if s.typ.Kind == source.Sequence {
		names = s.typ.Content
	}
	for _, t := range names {
		if typeAllows(t.Value, kind, value) {
			return nil
		}
	}
	want := make([]string, len(names))
	for i, t := range names {
		want[i] = t.Value
	}
	return valueMismatch(source.DescribeNode(value) + " is not of type " + strings.Join(want, " or "))
}

func typeAllows(typ string, kind jsonKindT, value *source.Node) bool {
	switch typ {
	case "integer":
		x, ok := numberOf(value)
		return kind == kindNumber && ok && x == math.Trunc(x)
	case "number":
		return kind == kindNumber
	case "string":
		return kind == kindString
	case "boolean":
		return kind == kindBool
	case "array":
		return kind == kindArray
	case "object":
		return kind == kindObject
	case "null":
		return kind == kindNull
	}
	return true // a type the schema's own check reports
}

// applicators checks the keywords that apply other schemas to the value
// itself: not, allOf, anyOf, oneOf and 3.1's if, then and else.
func (v *valueChecker) applicators(value *source.Node, s *schemaView) *valueError {
	if s.not != nil && v.check(value, s.not) == nil {
		return valueMismatch(source.DescribeNode(value) + " matches the schema of not")
	}
	for _, sub := range schemaListItems(s.allOf) {
		if e := v.check(value, sub); e != nil {
			return e
		}
	}
	if s.anyOf != nil && v.matching(value, s.anyOf.Content, 1) == 0 {
		return valueMismatch(source.DescribeNode(value) + " matches none of the schemas of anyOf")
	}
	if s.oneOf != nil {
		switch v.matching(value, s.oneOf.Content, 2) {
		case 0:
			return valueMismatch(source.DescribeNode(value) + " matches none of the schemas of oneOf")
		case 2:
			return valueMismatch(source.DescribeNode(value) + " matches more than one of the schemas of oneOf")
		}
	}
	if s.ifSchema != nil && v.scope.openAPI31 {
		branch := s.elseSchema
		if v.check(value, s.ifSchema) == nil {
			branch = s.thenSchema
		}
		if branch != nil {
			return v.check(value, branch)
		}
	}
	return nil
}

// matching counts the schemas value matches, stopping at enough.
func (v *valueChecker) matching(value *source.Node, schemas []*source.Node, enough int) int {
	n := 0
	for _, sub := range schemas {
		if v.check(value, sub) == nil {
			if n++; n == enough {
				break
			}
		}
	}
	return n
}

func (v *valueChecker) number(value *source.Node, s *schemaView) *valueError {
	x, _ := numberOf(value)
	bound := func(b *source.Node, exclusive bool, below bool) *valueError {
		y, ok := numberOf(b)
		if !ok {
			return nil
		}
		switch {
		case below && (x < y || exclusive && x == y):
			return valueMismatch(source.DescribeNode(value) + " is below the minimum " + b.Value + exclusiveWord(exclusive))
		case !below && (x > y || exclusive && x == y):
			return valueMismatch(source.DescribeNode(value) + " is above the maximum " + b.Value + exclusiveWord(exclusive))
		}
		return nil
	}
	if v.scope.openAPI31 {
		for _, b := range []struct {
			node             *source.Node
			exclusive, below bool
		}{{s.minimum, false, true}, {s.maximum, false, false}, {s.exclusiveMinimum, true, true}, {s.exclusiveMaximum, true, false}} {
			if b.node != nil {
				if e := bound(b.node, b.exclusive, b.below); e != nil {
					return e
				}
			}
		}
	} else {
		if s.minimum != nil {
			if e := bound(s.minimum, s.exclusiveMinimum != nil && isTrueNode(s.exclusiveMinimum), true); e != nil {
				return e
			}
		}
		if s.maximum != nil {
			if e := bound(s.maximum, s.exclusiveMaximum != nil && isTrueNode(s.exclusiveMaximum), false); e != nil {
				return e
			}
		}
	}
	if s.multipleOf != nil {
		if m, ok := numberOf(s.multipleOf); ok && m > 0 && !isMultiple(x, m) {
			return valueMismatch(source.DescribeNode(value) + " is not a multiple of " + s.multipleOf.Value)
		}
	}
	if s.format != nil && !fitsFormat(x, s.format.Value) {
		return valueMismatch(source.DescribeNode(value) + " does not fit format " + s.format.Value)
	}
	return nil
}

// isMultiple reports whether x is a multiple of m, allowing for the
// rounding of decimal fractions to binary (0.3 is a multiple of 0.1).
func isMultiple(x, m float64) bool {
	q := x / m
	return math.Abs(q-math.Round(q)) <= 1e-9*math.Max(1, math.Abs(q))
}

// fitsFormat reports whether an integer fits the integer formats' ranges.
func fitsFormat(x float64, format string) bool {
	if x != math.Trunc(x) {
		return true
	}
	switch format {
	case "int32":
		return math.MinInt32 <= x && x <= math.MaxInt32
	case "int64":
		return math.MinInt64 <= x && x <= math.MaxInt64 // 2^63 rounds to MaxInt64 as a float64: as kin-openapi, it fits
	}
	return true
}

func exclusiveWord(exclusive bool) string {
	if exclusive {
		return " (exclusive)"
	}
	return ""
}

func (v *valueChecker) text(value string, s *schemaView) *valueError {
	length := utf8.RuneCountInString(value) // JSON Schema counts characters, not bytes
	if countBelow(length, s.minLength) {
		return valueMismatch(quote(value) + " is shorter than minLength " + s.minLength.Value)
	}
	if countAbove(length, s.maxLength) {
		return valueMismatch(quote(value) + " is longer than maxLength " + s.maxLength.Value)
	}
	if s.pattern != nil {
		if re := compiledPattern(s.pattern.Value); re != nil && !re.MatchString(value) {
			return valueMismatch(quote(value) + " does not match the pattern " + quote(s.pattern.Value))
		}
	}
	if s.format != nil && !matchesFormat(s.format.Value, value) {
		return valueMismatch(quote(value) + " is not of format " + s.format.Value)
	}
	return nil
}

func (v *valueChecker) array(value *source.Node, s *schemaView) *valueError {
	n := len(value.Content)
	if countBelow(n, s.minItems) {
		return valueMismatch("the list has fewer items than minItems " + s.minItems.Value)
	}
	if countAbove(n, s.maxItems) {
		return valueMismatch("the list has more items than maxItems " + s.maxItems.Value)
	}
	if s.uniqueItems != nil && isTrueNode(s.uniqueItems) {
		for i, item := range value.Content {
			if containsValue(value.Content[:i], item) {
				return valueWithin(itoa(i), valueMismatch("the list repeats an item, and uniqueItems is true"))
			}
		}
	}
	first := 0
	if v.scope.openAPI31 && s.prefixItems != nil {
		for i, sub := range s.prefixItems.Content {
			if i < n {
				if e := v.check(value.Content[i], sub); e != nil {
					return valueWithin(itoa(i), e)
				}
			}
		}
		first = len(s.prefixItems.Content)
	}
	if s.items != nil && s.items.Kind != source.Sequence {
		for i := first; i < n; i++ {
			if e := v.check(value.Content[i], s.items); e != nil {
				return valueWithin(itoa(i), e)
			}
		}
	}
	noneNeeded := s.minContains != nil && s.minContains.Value == "0"
	if v.scope.openAPI31 && s.contains != nil && !noneNeeded && !v.anyItemMatches(value, s.contains) {
		return valueMismatch("no item of the list matches the schema of contains")
	}
	return nil
}

func (v *valueChecker) anyItemMatches(list, schema *source.Node) bool {
	for _, item := range list.Content {
		if v.check(item, schema) == nil {
			return true
		}
	}
	return false
}

func (v *valueChecker) object(value *source.Node, s *schemaView) *valueError {
	n := value.Len()
	if countBelow(n, s.minProperties) {
		return valueMismatch("the object has fewer properties than minProperties " + s.minProperties.Value)
	}
	if countAbove(n, s.maxProperties) {
		return valueMismatch("the object has more properties than maxProperties " + s.maxProperties.Value)
	}
	for _, name := range schemaListItems(s.required) {
		if value.Lookup(name.Value) == nil {
			return valueMismatch("the object lacks the required property " + quote(name.Value))
		}
	}
	for i := 0; i < len(value.Content); i += 2 {
		if e := v.property(value.Content[i].Value, value.Content[i+1], s); e != nil {
			return valueWithin(value.Content[i].Value, e)
		}
	}
	return nil
}

// property judges one property of an object against the schemas the
// object's schema gives it.
func (v *valueChecker) property(name string, value *source.Node, s *schemaView) *valueError {
	if v.scope.openAPI31 && s.propertyNames != nil {
		key := &source.Node{Kind: source.Scalar, Tag: source.TagStr, Value: name}
		if e := v.check(key, s.propertyNames); e != nil {
			return valueMismatch("the name does not match propertyNames: " + e.String())
		}
	}
	additional := true
	if sub := s.properties.Lookup(name); sub != nil {
		additional = false
		if e := v.check(value, sub); e != nil {
			return e
		}
	}
	if v.scope.openAPI31 && s.patternProperties != nil {
		for i := 0; i < len(s.patternProperties.Content); i += 2 {
			re := compiledPattern(s.patternProperties.Content[i].Value)
			if re == nil || !re.MatchString(name) {
				continue
			}
			additional = false
			if e := v.check(value, s.patternProperties.Content[i+1]); e != nil {
				return e
			}
		}
	}
	if !additional || s.additionalProperties == nil {
		return nil
	}
	if hasTag(s.additionalProperties, source.TagBool) {
		if !isTrueNode(s.additionalProperties) {
			return valueMismatch("the property is not one the schema names, and additionalProperties is false")
		}
		return nil
	}
	return v.check(value, s.additionalProperties)
}

// countBelow reports whether count is under the least a count keyword (as
// minLength) allows; countAbove whether it is over the most (as maxLength).
// A keyword that is not a count is reported where it is written.
func countBelow(count int, least *source.Node) bool {
	limit, ok := countOf(least)
	return ok && count < limit
}

func countAbove(count int, most *source.Node) bool {
	limit, ok := countOf(most)
	return ok && count > limit
}

func countOf(n *source.Node) (int, bool) {
	if n == nil || !isCountNode(n) {
		return 0, false
	}
	text, _ := numberText(n)
	i, err := strconv.Atoi(text)
	return i, err == nil
}

// schemaListItems are the items of a list, or none.
func schemaListItems(list *source.Node) []*source.Node {
	if list == nil || list.Kind != source.Sequence {
		return nil
	}
	return list.Content
}
