package validate

import (
	"fmt"
	"slices"
	"strings"

	"github.com/apigw-oas/apigw-oas/source"
)

// Swagger2 checks a Swagger 2.0 definition against the structure the 2.0
// specification defines: required fields, value types, the fields each
// object may have, parameter and response shapes, unique operation IDs,
// and path parameters that appear in their path. It checks schemas only
// for their type keyword, and examples not at all. Placeholders filled in
// at deploy time (${…}) are never a problem.
func Swagger2(def *source.Node) []Problem {
	return ignoringPlaceholders(def, func(def *source.Node) []Problem {
		c := &checker2{operationIDs: map[string]string{}}
		c.root(def)
		return c.problems
	})
}

type checker2 struct {
	problems     []Problem
	operationIDs map[string]string // operationId → the operation that used it first
}

func (c *checker2) report(class Class, pointer, format string, args ...any) {
	c.problems = append(c.problems, Problem{Pointer: pointer, Message: fmt.Sprintf(format, args...), Class: class})
}

var (
	rootFields      = []string{"swagger", "info", "host", "basePath", "schemes", "consumes", "produces", "paths", "definitions", "parameters", "responses", "securityDefinitions", "security", "tags", "externalDocs"}
	pathItemFields  = []string{"$ref", "get", "put", "post", "delete", "options", "head", "patch", "parameters"}
	operationFields = []string{"tags", "summary", "description", "externalDocs", "operationId", "consumes", "produces", "parameters", "responses", "schemes", "deprecated", "security"}
	methods         = pathItemFields[1:8]
	schemes         = []string{"http", "https", "ws", "wss"}
	parameterIns    = []string{"query", "header", "path", "formData", "body"}
	parameterTypes  = []string{"string", "number", "integer", "boolean", "array", "file"}
	schemaTypes     = []string{"string", "number", "integer", "boolean", "array", "object", "file", "null"}
)

func (c *checker2) root(m *source.Node) {
	c.fields(m, "", "the document", rootFields)
	if v := m.Lookup("swagger"); v.IsString() && v.Value != "2.0" {
		c.report(Structure, "/swagger", "swagger must be \"2.0\", not %q", v.Value)
	}
	if info := c.required(m, "", "info", source.Mapping); info != nil {
		c.requiredString(info, "/info", "title")
		c.requiredString(info, "/info", "version")
	}
	if host := c.optional(m, "", "host", source.Scalar); host != nil {
		if strings.Contains(host.Value, "://") || strings.Contains(host.Value, "/") {
			c.report(Specification, "/host", "host is a name and an optional port, without a scheme or a path: %q", host.Value)
		}
	}
	if base := c.optional(m, "", "basePath", source.Scalar); base != nil && !strings.HasPrefix(base.Value, "/") {
		c.report(Specification, "/basePath", "basePath must start with \"/\": %q", base.Value)
	}
	c.enumList(m, "", "schemes", schemes)
	c.stringList(m, "", "consumes")
	c.stringList(m, "", "produces")
	for _, name := range []string{"definitions", "parameters", "responses", "securityDefinitions"} {
		c.optional(m, "", name, source.Mapping)
	}
	if defs := m.Lookup("definitions"); defs != nil && defs.Kind == source.Mapping {
		for i := 0; i < len(defs.Content); i += 2 {
			c.schema(defs.Content[i+1], "/definitions/"+source.EscapeToken(defs.Content[i].Value))
		}
	}
	if params := m.Lookup("parameters"); params != nil && params.Kind == source.Mapping {
		for i := 0; i < len(params.Content); i += 2 {
			c.parameter(params.Content[i+1], "/parameters/"+source.EscapeToken(params.Content[i].Value))
		}
	}
	if resps := m.Lookup("responses"); resps != nil && resps.Kind == source.Mapping {
		for i := 0; i < len(resps.Content); i += 2 {
			c.response(resps.Content[i+1], "/responses/"+source.EscapeToken(resps.Content[i].Value))
		}
	}
	if paths := c.required(m, "", "paths", source.Mapping); paths != nil {
		for i := 0; i < len(paths.Content); i += 2 {
			key := paths.Content[i].Value
			pointer := "/paths/" + source.EscapeToken(key)
			switch {
			case strings.HasPrefix(key, "x-"):
			case !strings.HasPrefix(key, "/"):
				c.report(Specification, pointer, "path %q must start with \"/\"", key)
			default:
				c.pathItem(key, paths.Content[i+1], pointer)
			}
		}
	}
}

func (c *checker2) pathItem(path string, item *source.Node, pointer string) {
	if !c.isKind(item, pointer, "a path item", source.Mapping) || isRef(item) {
		return
	}
	c.fields(item, pointer, "a path item", pathItemFields)
	shared := c.parameters(item, pointer)
	for i := 0; i < len(item.Content); i += 2 {
		if method := item.Content[i].Value; slices.Contains(methods, method) {
			c.operation(path, method, item.Content[i+1], pointer+"/"+method, shared)
		}
	}
}

func (c *checker2) operation(path, method string, op *source.Node, pointer string, shared []paramKey) {
	if !c.isKind(op, pointer, "an operation", source.Mapping) {
		return
	}
	c.fields(op, pointer, "an operation", operationFields)
	c.stringList(op, pointer, "tags")
	c.stringList(op, pointer, "consumes")
	c.stringList(op, pointer, "produces")
	c.enumList(op, pointer, "schemes", schemes)
	if id := c.optional(op, pointer, "operationId", source.Scalar); id != nil {
		name := strings.ToUpper(method) + " " + path
		if first, dup := c.operationIDs[id.Value]; dup {
			c.report(Specification, pointer+"/operationId", "operationId %q is already used by %s; operation IDs must be unique", id.Value, first)
		} else {
			c.operationIDs[id.Value] = name
		}
	}
	own := c.parameters(op, pointer)
	c.bodyParameters(own, pointer)
	c.pathParameters(path, append(own, shared...))
	responses := c.required(op, pointer, "responses", source.Mapping)
	if responses == nil {
		return
	}
	codes := 0
	for i := 0; i < len(responses.Content); i += 2 {
		code := responses.Content[i].Value
		rp := pointer + "/responses/" + source.EscapeToken(code)
		switch {
		case strings.HasPrefix(code, "x-"):
			continue
		case code != "default" && !isStatusCode(code):
			c.report(Specification, rp, "response key %q is neither \"default\" nor an HTTP status code", code)
		}
		codes++
		c.response(responses.Content[i+1], rp)
	}
	if codes == 0 {
		c.report(Missing, pointer+"/responses", "responses must declare at least one response")
	}
}

func (c *checker2) response(r *source.Node, pointer string) {
	if !c.isKind(r, pointer, "a response", source.Mapping) || isRef(r) {
		return
	}
	c.fields(r, pointer, "a response", []string{"description", "schema", "headers", "examples"})
	c.requiredString(r, pointer, "description")
	if s := r.Lookup("schema"); s != nil {
		c.schema(s, pointer+"/schema")
	}
	c.optional(r, pointer, "headers", source.Mapping)
}

// paramKey identifies a parameter: its name and location.
type paramKey struct {
	name, in, pointer string
}

// parameters checks a parameters list and returns its parameters ($refs,
// which name parameters elsewhere, are left out).
func (c *checker2) parameters(m *source.Node, pointer string) []paramKey {
	list := c.optional(m, pointer, "parameters", source.Sequence)
	if list == nil {
		return nil
	}
	var keys []paramKey
	seen := map[[2]string]bool{}
	for i, p := range list.Content {
		pp := fmt.Sprintf("%s/parameters/%d", pointer, i)
		key, ok := c.parameter(p, pp)
		if !ok {
			continue
		}
		id := [2]string{key.name, key.in}
		if seen[id] {
			c.report(Specification, pp, "parameter %q in %s is listed twice", key.name, key.in)
		}
		seen[id] = true
		keys = append(keys, key)
	}
	return keys
}

func (c *checker2) parameter(p *source.Node, pointer string) (paramKey, bool) {
	if !c.isKind(p, pointer, "a parameter", source.Mapping) || isRef(p) {
		return paramKey{}, false
	}
	name := c.requiredString(p, pointer, "name")
	in := c.requiredString(p, pointer, "in")
	if name == nil || in == nil {
		return paramKey{}, false
	}
	if !slices.Contains(parameterIns, in.Value) {
		c.report(Specification, pointer+"/in", "parameter location %q is not one of %s", in.Value, strings.Join(parameterIns, ", "))
		return paramKey{}, false
	}
	if in.Value == "body" {
		if s := c.required(p, pointer, "schema", source.Mapping); s != nil {
			c.schema(s, pointer+"/schema")
		}
	} else if t := c.requiredString(p, pointer, "type"); t != nil {
		if !slices.Contains(parameterTypes, t.Value) {
			c.report(Specification, pointer+"/type", "parameter type %q is not one of %s", t.Value, strings.Join(parameterTypes, ", "))
		} else if t.Value == "array" {
			c.required(p, pointer, "items", source.Mapping)
		}
	}
	if in.Value == "path" {
		if r := p.Lookup("required"); r == nil || r.Tag != source.TagBool || r.Value != "true" {
			c.report(Specification, pointer, "path parameter %q must have required: true", name.Value)
		}
	}
	return paramKey{name: name.Value, in: in.Value, pointer: pointer}, true
}

// bodyParameters checks that an operation has at most one body, and not
// both a body and form data.
func (c *checker2) bodyParameters(params []paramKey, pointer string) {
	bodies, forms := 0, 0
	for _, p := range params {
		switch p.in {
		case "body":
			bodies++
			if bodies == 2 {
				c.report(Specification, p.pointer, "an operation can have only one body parameter")
			}
		case "formData":
			forms++
		}
	}
	if bodies > 0 && forms > 0 {
		c.report(Specification, pointer+"/parameters", "an operation cannot have both a body parameter and formData parameters")
	}
}

// pathParameters checks that every path parameter appears in the path
// template, which Swagger 2.0 requires ("the name field MUST correspond to
// the associated path segment"). API Gateway's greedy {proxy+} is declared
// as "proxy". The reverse, a {name} without a parameter, is not a 2.0
// requirement and is left alone.
func (c *checker2) pathParameters(path string, params []paramKey) {
	inTemplate := map[string]bool{}
	for _, name := range bracedNames(path) {
		inTemplate[strings.TrimSuffix(name, "+")] = true
	}
	for _, p := range params {
		if p.in == "path" && !inTemplate[p.name] {
			c.report(Specification, p.pointer, "path parameter %q does not appear in the path %s", p.name, path)
		}
	}
}

// schema checks a schema's type keywords, recursively.
func (c *checker2) schema(s *source.Node, pointer string) {
	if s.Kind != source.Mapping || isRef(s) {
		if s.Kind != source.Mapping {
			c.report(Structure, pointer, "a schema must be an object, not %s", source.DescribeNode(s))
		}
		return
	}
	if t := s.Lookup("type"); t != nil {
		if !t.IsString() {
			c.report(ValueType, pointer+"/type", "type must be a string in Swagger 2.0, not %s", source.DescribeNode(t))
		} else if !slices.Contains(schemaTypes, t.Value) {
			c.report(Specification, pointer+"/type", "schema type %q is not one of %s", t.Value, strings.Join(schemaTypes[:7], ", "))
		}
	}
	for _, key := range []string{"items", "additionalProperties"} {
		if v := s.Lookup(key); v != nil && v.Kind == source.Mapping {
			c.schema(v, pointer+"/"+key)
		}
	}
	if props := s.Lookup("properties"); props != nil && props.Kind == source.Mapping {
		for i := 0; i < len(props.Content); i += 2 {
			c.schema(props.Content[i+1], pointer+"/properties/"+source.EscapeToken(props.Content[i].Value))
		}
	}
	if all := s.Lookup("allOf"); all != nil && all.Kind == source.Sequence {
		for i, sub := range all.Content {
			c.schema(sub, fmt.Sprintf("%s/allOf/%d", pointer, i))
		}
	}
}

// fields reports the keys of m that the object may not have. Keys starting
// with "x-" are extensions, allowed everywhere.
func (c *checker2) fields(m *source.Node, pointer, what string, allowed []string) {
	for i := 0; i < len(m.Content); i += 2 {
		key := m.Content[i].Value
		if !strings.HasPrefix(key, "x-") && !slices.Contains(allowed, key) {
			c.report(Specification, pointer+"/"+source.EscapeToken(key), "%q is not a field of %s in Swagger 2.0 (extensions start with \"x-\")", key, what)
		}
	}
}

// required returns m[key] if it is present and of the kind given; it
// reports the field missing or of another kind.
func (c *checker2) required(m *source.Node, pointer, key string, kind source.Kind) *source.Node {
	if m.Lookup(key) == nil {
		c.report(Missing, pointer+"/"+source.EscapeToken(key), "%s is required", key)
		return nil
	}
	return c.optional(m, pointer, key, kind)
}

// optional returns m[key] if it is present and of the kind given, and
// reports it when it is of another kind.
func (c *checker2) optional(m *source.Node, pointer, key string, kind source.Kind) *source.Node {
	v := m.Lookup(key)
	if v == nil || !c.isKind(v, pointer+"/"+source.EscapeToken(key), key, kind) {
		return nil
	}
	return v
}

func (c *checker2) requiredString(m *source.Node, pointer, key string) *source.Node {
	v := c.required(m, pointer, key, source.Scalar)
	if v != nil && !v.IsString() {
		c.report(ValueType, pointer+"/"+source.EscapeToken(key), "%s must be a string, not %s", key, source.DescribeNode(v))
		return nil
	}
	return v
}

func (c *checker2) isKind(v *source.Node, pointer, what string, kind source.Kind) bool {
	if v.Kind == kind {
		return true
	}
	c.report(kindClass(kind), pointer, "%s must be %s, not %s", what, kindName(kind), source.DescribeNode(v))
	return false
}

func (c *checker2) stringList(m *source.Node, pointer, key string) {
	list := c.optional(m, pointer, key, source.Sequence)
	if list == nil {
		return
	}
	for i, item := range list.Content {
		if !item.IsString() {
			c.report(ValueType, fmt.Sprintf("%s/%s/%d", pointer, key, i), "%s entries must be strings, not %s", key, source.DescribeNode(item))
		}
	}
}

func (c *checker2) enumList(m *source.Node, pointer, key string, allowed []string) {
	c.stringList(m, pointer, key)
	list := m.Lookup(key)
	if list == nil || list.Kind != source.Sequence {
		return
	}
	for i, item := range list.Content {
		if item.IsString() && !slices.Contains(allowed, item.Value) {
			c.report(Specification, fmt.Sprintf("%s/%s/%d", pointer, key, i), "%q is not one of %s", item.Value, strings.Join(allowed, ", "))
		}
	}
}

func isRef(m *source.Node) bool { return m.Kind == source.Mapping && m.Lookup("$ref") != nil }

// kindClass is the class of a value found where one of kind k belongs:
// the document's skeleton is objects and lists.
func kindClass(k source.Kind) Class {
	if k == source.Scalar {
		return ValueType
	}
	return Structure
}

func kindName(k source.Kind) string {
	switch k {
	case source.Mapping:
		return "an object"
	case source.Sequence:
		return "a list"
	}
	return "a single value"
}

// isStatusCode reports whether s is an HTTP status code, 100 to 599.
func isStatusCode(s string) bool {
	return len(s) == 3 && '1' <= s[0] && s[0] <= '5' && isDigit(s[1]) && isDigit(s[2])
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

// bracedNames are the non-empty texts between a "{" and the next "}" with
// no brace between them.
func bracedNames(s string) []string {
	var names []string
	open := -1
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{':
			open = i
		case '}':
			if open >= 0 && i > open+1 {
				names = append(names, s[open+1:i])
			}
			open = -1
		}
	}
	return names
}
