package validate

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apigw-oas/apigw-oas/internal/goroutine"
	"github.com/apigw-oas/apigw-oas/source"
)

// plainlyValid reports whether an OpenAPI 3.0 definition is built only of
// shapes that kin-openapi is known to accept, checked in one walk over our
// tree. Building kin-openapi's document and validating it costs several
// times the parse of a large definition; most definitions are valid, and
// for them that work finds nothing. The walk accepts a narrow subset of
// OpenAPI 3.0: every field it does not know, every value of a type it
// does not expect, and every construct whose rules it does not mirror
// (OAuth flows, callbacks, links, discriminators, encoding headers,
// remote $refs, OpenAPI 3.1) make it answer false, and kin-openapi then
// validates the document as before. So a false answer
// costs nothing but time, and a true one must never hide a problem
// kin-openapi would report: TestPlainlyValidIsSound checks that on the
// fixtures, the corpus, the bench files and mutations of them.
//
// Schemas with a default or a pattern are the one place kin-openapi's own
// code is asked: the value must validate against its schema (and the
// pattern compile), which only kin-openapi can answer exactly. Such
// schemas are small, so this costs little.
func plainlyValid(def *source.Node, enc encoder) bool {
	p := plain{enc: enc, operationIDs: map[string]bool{}, named: map[string]map[string]*source.Node{}}
	if def.Kind != source.Mapping {
		return false
	}
	p.components = def.Lookup("components")
	if p.components != nil && p.components.Kind != source.Mapping {
		return false
	}
	for i := 0; p.components != nil && i < len(p.components.Content); i += 2 {
		section := map[string]*source.Node{}
		for j := 0; j+1 < len(p.components.Content[i+1].Content); j += 2 {
			section[p.components.Content[i+1].Content[j].Value] = p.components.Content[i+1].Content[j+1]
		}
		p.named[p.components.Content[i].Value] = section
	}
	return p.root(def)
}

// plain is one walk of plainlyValid.
type plain struct {
	enc        encoder
	components *source.Node
	// named indexes the components by section and name: a large
	// definition has thousands of $refs to hundreds of components.
	named        map[string]map[string]*source.Node
	operationIDs map[string]bool
}

// fields calls check for each key of an OpenAPI object but its
// extensions, and reports whether n is a mapping and check accepted every
// key.
func fields(n *source.Node, check func(key string, value *source.Node) bool) bool {
	return eachKey(n, true, check)
}

// entries is fields for a map of names (properties, content, headers,
// variables, a components section), in which "x-" begins a name like any
// other.
func entries(n *source.Node, check func(key string, value *source.Node) bool) bool {
	return eachKey(n, false, check)
}

func eachKey(n *source.Node, skipExtensions bool, check func(key string, value *source.Node) bool) bool {
	if n == nil || n.Kind != source.Mapping {
		return false
	}
	for i := 0; i < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != source.Scalar { // kin-openapi is given every key as a string
			return false
		}
		if skipExtensions && strings.HasPrefix(k.Value, "x-") {
			continue
		}
		if !check(k.Value, v) {
			return false
		}
	}
	return true
}

func isStr(n *source.Node) bool      { return n.IsString() }
func isNonEmpty(n *source.Node) bool { return n.IsString() && n.Value != "" }
func isBool(n *source.Node) bool     { return n.Kind == source.Scalar && n.Tag == source.TagBool }

// isTrue is a boolean that is true: YAML also spells it True and TRUE.
func isTrue(n *source.Node) bool { return isBool(n) && strings.EqualFold(n.Value, "true") }

// isCount is a non-negative JSON integer (kin-openapi reads counts into
// uint64).
func isCount(n *source.Node) bool {
	if n.Kind != source.Scalar || n.Tag != source.TagInt || n.Value == "" || len(n.Value) > 18 {
		return false
	}
	for _, c := range []byte(n.Value) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// isNumber is a number written as JSON writes it.
func isNumber(n *source.Node) bool {
	if n.Kind != source.Scalar || (n.Tag != source.TagInt && n.Tag != source.TagFloat) {
		return false
	}
	b := source.AppendJSONScalar(nil, n)
	return string(b) == n.Value
}

func listOf(n *source.Node, item func(*source.Node) bool) bool {
	if n.Kind != source.Sequence {
		return false
	}
	for _, v := range n.Content {
		if !item(v) {
			return false
		}
	}
	return true
}

func mapOf(n *source.Node, value func(*source.Node) bool) bool {
	return entries(n, func(_ string, v *source.Node) bool { return value(v) })
}

func (p *plain) root(def *source.Node) bool {
	// The paths are most of a definition and are checked on another core.
	pathsOK := false
	var pathsChecked goroutine.Group
	if n := def.Lookup("paths"); n != nil {
		pathsChecked.Go(func() { pathsOK = p.paths(n) })
	}
	has := map[string]bool{}
	ok := fields(def, func(k string, v *source.Node) bool {
		has[k] = true
		switch k {
		case "openapi":
			return v.IsString() && strings.HasPrefix(v.Value, "3.0.")
		case "info":
			return info(v)
		case "servers":
			return listOf(v, server)
		case "tags":
			return tags(v)
		case "externalDocs":
			return externalDocs(v)
		case "paths":
			return true // above
		case "components":
			return p.componentsValid(v)
		case "security":
			return p.security(v)
		}
		return false
	})
	pathsChecked.Wait()
	return pathsOK && ok && has["openapi"] && has["info"]
}

func info(n *source.Node) bool {
	has := map[string]bool{}
	return fields(n, func(k string, v *source.Node) bool {
		has[k] = true
		switch k {
		case "title", "version":
			return isNonEmpty(v)
		case "description", "termsOfService":
			return isStr(v)
		case "contact":
			return fields(v, func(k string, v *source.Node) bool {
				return (k == "name" || k == "url" || k == "email") && isStr(v)
			})
		case "license":
			named := false
			return fields(v, func(k string, v *source.Node) bool {
				named = named || k == "name" && isNonEmpty(v)
				return (k == "name" || k == "url") && isStr(v)
			}) && named
		}
		return false
	}) && has["title"] && has["version"]
}

// server accepts a server whose URL's variables are the ones it declares.
func server(n *source.Node) bool {
	var url, variables *source.Node
	ok := fields(n, func(k string, v *source.Node) bool {
		switch k {
		case "url":
			url = v
			return isNonEmpty(v)
		case "description":
			return isStr(v)
		case "variables":
			variables = v
			return mapOf(v, serverVariable)
		}
		return false
	})
	if !ok || url == nil {
		return false
	}
	_, used, ok := template(url.Value)
	if !ok || variables == nil {
		return ok && len(used) == 0
	}
	declared := 0
	return entries(variables, func(name string, _ *source.Node) bool {
		declared++
		return used[name]
	}) && declared == len(used)
}

func serverVariable(n *source.Node) bool {
	has := false
	return fields(n, func(k string, v *source.Node) bool {
		switch k {
		case "default":
			has = true
			return isNonEmpty(v)
		case "description":
			return isStr(v)
		case "enum":
			return listOf(v, isStr)
		}
		return false
	}) && has
}

func tags(n *source.Node) bool {
	seen := map[string]bool{}
	return listOf(n, func(t *source.Node) bool {
		name := ""
		ok := fields(t, func(k string, v *source.Node) bool {
			switch k {
			case "name":
				name = v.Value
				return isNonEmpty(v)
			case "description":
				return isStr(v)
			case "externalDocs":
				return externalDocs(v)
			}
			return false
		})
		if !ok || name == "" || seen[name] {
			return false
		}
		seen[name] = true
		return true
	})
}

func externalDocs(n *source.Node) bool {
	has := false
	return fields(n, func(k string, v *source.Node) bool {
		switch k {
		case "url":
			has = true
			_, err := url.Parse(v.Value)
			return isNonEmpty(v) && err == nil
		case "description":
			return isStr(v)
		}
		return false
	}) && has
}

// paths accepts path items without $ref, paths whose variables are plain
// names, no two paths that differ only in variable names, and operations
// whose path parameters match their path's variables.
func (p *plain) paths(n *source.Node) bool {
	normalised := map[string]bool{}
	return fields(n, func(path string, item *source.Node) bool {
		kinPath := strings.ReplaceAll(path, "+}", "}")
		shape, vars, ok := pathShape(kinPath)
		if !ok || normalised[shape] {
			return false
		}
		normalised[shape] = true
		return p.pathItem(item, vars)
	})
}

// pathShape returns the path with its variables' names left out and
// those names, or false when the path is not one plainlyValid knows.
func pathShape(path string) (string, map[string]bool, bool) {
	if !strings.HasPrefix(path, "/") {
		return "", nil, false
	}
	return template(path)
}

// template returns a URL template with its variables' names left out and
// those names, or false unless each variable is a plain name in braces.
func template(s string) (string, map[string]bool, bool) {
	vars := map[string]bool{}
	var shape strings.Builder
	for {
		open := strings.IndexByte(s, '{')
		if open < 0 {
			if strings.IndexByte(s, '}') >= 0 {
				return "", nil, false
			}
			shape.WriteString(s)
			return shape.String(), vars, true
		}
		end := strings.IndexByte(s[open:], '}')
		if end < 0 {
			return "", nil, false
		}
		name := s[open+1 : open+end]
		if strings.IndexByte(s[:open], '}') >= 0 || !isIdentifier(name) {
			return "", nil, false
		}
		vars[name] = true
		shape.WriteString(s[:open+1])
		shape.WriteByte('}')
		s = s[open+end+1:]
	}
}

// isIdentifier is kin-openapi's rule for component names, and a safe
// subset for path variable names.
func isIdentifier(s string) bool {
	return openapi3.ValidateIdentifier(s) == nil
}

var operationKeys = map[string]bool{
	"get": true, "put": true, "post": true, "delete": true,
	"options": true, "head": true, "patch": true, "trace": true,
}

func (p *plain) pathItem(n *source.Node, vars map[string]bool) bool {
	common := map[string]bool{}
	var ops []*source.Node
	ok := fields(n, func(k string, v *source.Node) bool {
		switch {
		case k == "summary" || k == "description":
			return isStr(v)
		case k == "servers":
			return listOf(v, server)
		case k == "parameters":
			return p.parameters(v, common)
		case operationKeys[k]:
			ops = append(ops, v)
			return true
		}
		return false
	})
	if !ok {
		return false
	}
	for _, op := range ops {
		declared := map[string]bool{}
		if !p.operation(op, declared) {
			return false
		}
		for name := range common {
			declared[name] = true
		}
		if len(declared) != len(vars) {
			return false
		}
		for name := range declared {
			if !vars[name] {
				return false
			}
		}
	}
	return true
}

func (p *plain) operation(n *source.Node, pathParams map[string]bool) bool {
	hasResponses := false
	return fields(n, func(k string, v *source.Node) bool {
		switch k {
		case "summary", "description":
			return isStr(v)
		case "operationId":
			if !isStr(v) || (v.Value != "" && p.operationIDs[v.Value]) {
				return false
			}
			p.operationIDs[v.Value] = true
			return true
		case "tags":
			return listOf(v, isStr)
		case "deprecated":
			return isBool(v)
		case "externalDocs":
			return externalDocs(v)
		case "servers":
			return listOf(v, server)
		case "parameters":
			return p.parameters(v, pathParams)
		case "requestBody":
			return p.ref(v, "requestBodies", p.requestBody)
		case "responses":
			hasResponses = true
			return p.responses(v)
		case "security":
			return p.security(v)
		}
		return false
	}) && hasResponses
}

// ref accepts n if it is a $ref alone to a component of the section given
// that valid accepts, or if valid accepts n itself.
func (p *plain) ref(n *source.Node, section string, valid func(*source.Node) bool) bool {
	target, isRef, ok := p.target(n, section)
	if !isRef {
		return valid(n)
	}
	return ok && target != nil
}

// target returns the component a {$ref} mapping names. isRef is false when
// n is no $ref; ok is false when it is one plainlyValid does not know:
// with siblings, or not naming a component of the section given directly.
func (p *plain) target(n *source.Node, section string) (target *source.Node, isRef, ok bool) {
	if n.Kind != source.Mapping {
		return nil, false, false
	}
	ref := n.Lookup("$ref")
	if ref == nil {
		return nil, false, false
	}
	if n.Len() != 1 || !ref.IsString() || p.components == nil {
		return nil, true, false
	}
	name, found := strings.CutPrefix(ref.Value, "#/components/"+section+"/")
	if !found || name == "" || strings.ContainsAny(name, "/~%") {
		return nil, true, false
	}
	return p.named[section][name], true, true
}

// parameters accepts a list of parameters, no two with the same name and
// location, and adds the names of path parameters to pathParams.
func (p *plain) parameters(n *source.Node, pathParams map[string]bool) bool {
	seen := map[string]bool{}
	return listOf(n, func(item *source.Node) bool {
		param := item
		target, isRef, ok := p.target(item, "parameters")
		if isRef {
			if !ok || target == nil {
				return false
			}
			param = target // validated with the components
		} else if !p.parameter(item) {
			return false
		}
		name, in := param.Lookup("name"), param.Lookup("in")
		if !name.IsString() || !in.IsString() || seen[in.Value+":"+name.Value] {
			return false
		}
		seen[in.Value+":"+name.Value] = true
		if in.Value == "path" {
			pathParams[name.Value] = true
		}
		return true
	})
}

// parameter accepts a parameter with a schema, in its location's default
// style.
func (p *plain) parameter(n *source.Node) bool {
	var name, in, required, schema, example, examples, style, explode *source.Node
	ok := fields(n, func(k string, v *source.Node) bool {
		switch k {
		case "name":
			name = v
			return isNonEmpty(v)
		case "in":
			in = v
			return isStr(v)
		case "description":
			return isStr(v)
		case "required":
			required = v
			return isBool(v)
		case "deprecated", "allowEmptyValue", "allowReserved":
			return isBool(v)
		case "style":
			style = v
			return isNonEmpty(v)
		case "explode":
			explode = v
			return isBool(v)
		case "schema":
			schema = v
			return p.schemaRef(v)
		case "example":
			example = v
			return true
		case "examples":
			examples = v
			return p.examples(v)
		}
		return false
	})
	if !ok || name == nil || in == nil || schema == nil || (example != nil && examples != nil) {
		return false
	}
	if in.Value == "path" && (required == nil || !isTrue(required)) {
		return false
	}
	return supportedStyle(in.Value, style, explode)
}

// supportedStyle reports whether kin-openapi supports a parameter's
// serialisation.
func supportedStyle(in string, style, explode *source.Node) bool {
	s := ""
	if style != nil {
		s = style.Value
	}
	switch in {
	case "path":
		return s == "" || s == "simple" || s == "label" || s == "matrix"
	case "header":
		return s == "" || s == "simple"
	case "cookie":
		return s == "" || s == "form"
	case "query":
		switch s {
		case "", "form", "spaceDelimited", "pipeDelimited":
			return true
		case "deepObject":
			return explode == nil || isTrue(explode)
		}
	}
	return false
}

// examples accepts a map of Example objects or $refs to them.
func (p *plain) examples(n *source.Node) bool {
	return mapOf(n, func(v *source.Node) bool { return p.ref(v, "examples", example) })
}

// example accepts an Example object; one with neither value nor
// externalValue too, as OpenAPI3 does not report it.
func example(n *source.Node) bool {
	value, external := false, false
	return fields(n, func(k string, v *source.Node) bool {
		switch k {
		case "summary", "description":
			return isStr(v)
		case "value":
			value = v.Tag != source.TagNull
			return true
		case "externalValue":
			external = v.Value != ""
			return isStr(v)
		}
		return false
	}) && !(value && external)
}

func (p *plain) requestBody(n *source.Node) bool {
	has := false
	return fields(n, func(k string, v *source.Node) bool {
		switch k {
		case "description":
			return isStr(v)
		case "required":
			return isBool(v)
		case "content":
			has = true
			return p.content(v)
		}
		return false
	}) && has
}

// content accepts media types keyed by distinct single media ranges.
func (p *plain) content(n *source.Node) bool {
	seen := map[string]bool{}
	return entries(n, func(k string, v *source.Node) bool {
		key := strings.ToLower(strings.TrimSpace(k))
		if key == "" || strings.IndexByte(k, ',') >= 0 || seen[key] {
			return false
		}
		seen[key] = true
		return p.mediaType(v)
	})
}

func (p *plain) mediaType(n *source.Node) bool {
	example, examples := false, false
	return fields(n, func(k string, v *source.Node) bool {
		switch k {
		case "schema":
			return p.schemaRef(v)
		case "example":
			example = true
			return true
		case "examples":
			examples = true
			return p.examples(v)
		case "encoding":
			return mapOf(v, encoding)
		}
		return false
	}) && !(example && examples)
}

// encoding accepts an Encoding object without headers whose style kin-openapi
// supports.
func encoding(n *source.Node) bool {
	style, explodes := "form", true
	ok := fields(n, func(k string, v *source.Node) bool {
		switch k {
		case "contentType":
			return v.IsString() && isMediaType(v.Value)
		case "style":
			style = v.Value
			return isNonEmpty(v)
		case "explode":
			explodes = isTrue(v)
			return isBool(v)
		case "allowReserved":
			return isBool(v)
		}
		return false
	})
	switch style {
	case "form", "spaceDelimited", "pipeDelimited":
	case "deepObject":
		ok = ok && explodes
	default:
		return false
	}
	return ok
}

// isMediaType accepts a type/subtype of letters, digits and ".+-".
func isMediaType(s string) bool {
	typ, sub, ok := strings.Cut(s, "/")
	return ok && isMediaToken(typ) && isMediaToken(sub)
}

func isMediaToken(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.ContainsRune(".+-", c)) {
			return false
		}
	}
	return true
}

func (p *plain) responses(n *source.Node) bool {
	count := 0
	return fields(n, func(_ string, v *source.Node) bool {
		count++
		return p.ref(v, "responses", p.response)
	}) && count > 0
}

func (p *plain) response(n *source.Node) bool {
	described := false
	return fields(n, func(k string, v *source.Node) bool {
		switch k {
		case "description":
			described = true
			return isStr(v)
		case "headers":
			return mapOf(v, func(h *source.Node) bool { return p.ref(h, "headers", p.header) })
		case "content":
			return p.content(v)
		}
		return false
	}) && described
}

// header accepts a header with a schema, in the default style.
func (p *plain) header(n *source.Node) bool {
	schema, example, examples := false, false, false
	return fields(n, func(k string, v *source.Node) bool {
		switch k {
		case "description":
			return isStr(v)
		case "required", "deprecated", "explode":
			return isBool(v)
		case "schema":
			schema = true
			return p.schemaRef(v)
		case "example":
			example = true
			return true
		case "examples":
			examples = true
			return p.examples(v)
		}
		return false
	}) && schema && !(example && examples)
}

// componentsValid accepts components whose names kin-openapi accepts, in
// the sections plainlyValid knows.
func (p *plain) componentsValid(n *source.Node) bool {
	return fields(n, func(section string, v *source.Node) bool {
		var valid func(*source.Node) bool
		switch section {
		case "schemas":
			valid = p.schemaRef
		case "parameters":
			valid = func(n *source.Node) bool { return p.ref(n, "parameters", p.parameter) }
		case "requestBodies":
			valid = func(n *source.Node) bool { return p.ref(n, "requestBodies", p.requestBody) }
		case "responses":
			valid = func(n *source.Node) bool { return p.ref(n, "responses", p.response) }
		case "headers":
			valid = func(n *source.Node) bool { return p.ref(n, "headers", p.header) }
		case "examples":
			valid = func(n *source.Node) bool { return p.ref(n, "examples", example) }
		case "securitySchemes":
			valid = securityScheme
		default:
			return false
		}
		return entries(v, func(name string, c *source.Node) bool { return isIdentifier(name) && valid(c) })
	})
}

// security accepts security requirements that name declared schemes.
func (p *plain) security(n *source.Node) bool {
	return listOf(n, func(req *source.Node) bool {
		if req.Kind != source.Mapping {
			return false
		}
		for i := 0; i < len(req.Content); i += 2 {
			name, scopes := req.Content[i], req.Content[i+1]
			if name.Kind != source.Scalar || p.named["securitySchemes"][name.Value] == nil || !listOf(scopes, isStr) {
				return false
			}
		}
		return true
	})
}

// securityScheme accepts API key, HTTP and OpenID Connect schemes written
// in place.
func securityScheme(n *source.Node) bool {
	var typ, in, name, scheme, bearerFormat, openID *source.Node
	ok := fields(n, func(k string, v *source.Node) bool {
		switch k {
		case "type":
			typ = v
		case "in":
			in = v
		case "name":
			name = v
		case "scheme":
			scheme = v
		case "bearerFormat":
			bearerFormat = v
		case "openIdConnectUrl":
			openID = v
		case "description":
		default:
			return false
		}
		return isStr(v)
	})
	if !ok || typ == nil {
		return false
	}
	switch typ.Value {
	case "apiKey":
		return in != nil && (in.Value == "query" || in.Value == "header" || in.Value == "cookie") &&
			name != nil && name.Value != "" && scheme == nil && bearerFormat == nil && openID == nil
	case "http":
		return in == nil && name == nil && openID == nil && scheme != nil && isToken(scheme.Value) &&
			(bearerFormat == nil || strings.EqualFold(scheme.Value, "bearer"))
	case "openIdConnect":
		return in == nil && name == nil && scheme == nil && bearerFormat == nil && openID != nil && openID.Value != ""
	}
	return false
}

// isToken accepts the common HTTP authentication scheme names.
func isToken(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

func (p *plain) schemaRef(n *source.Node) bool {
	return p.ref(n, "schemas", p.schema)
}

// types30 are the types of an OpenAPI 3.0 schema.
var types30 = map[string]bool{
	"string": true, "number": true, "integer": true, "boolean": true, "array": true, "object": true,
}

// schema accepts an OpenAPI 3.0 schema of the common keywords.
func (p *plain) schema(n *source.Node) bool {
	var typ string
	items, readOnly, writeOnly, askKin := false, false, false, false
	ok := fields(n, func(k string, v *source.Node) bool {
		switch k {
		case "type":
			typ = v.Value
			return v.IsString() && types30[v.Value]
		case "title", "description", "format":
			return isStr(v)
		case "nullable", "deprecated", "uniqueItems", "exclusiveMinimum", "exclusiveMaximum":
			return isBool(v)
		case "readOnly":
			readOnly = isTrue(v)
			return isBool(v)
		case "writeOnly":
			writeOnly = isTrue(v)
			return isBool(v)
		case "minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties":
			return isCount(v)
		case "minimum", "maximum", "multipleOf":
			return isNumber(v)
		case "enum":
			return v.Kind == source.Sequence
		case "example":
			return true
		case "required":
			return uniqueStrings(v)
		case "items":
			items = true
			return p.schemaRef(v)
		case "not":
			return p.schemaRef(v)
		case "allOf", "anyOf", "oneOf":
			return listOf(v, p.schemaRef)
		case "properties":
			return mapOf(v, p.schemaRef)
		case "additionalProperties":
			return isBool(v) || p.schemaRef(v)
		case "externalDocs":
			return externalDocs(v)
		case "default", "pattern":
			askKin = true
			return true
		}
		return false
	})
	if !ok || (typ == "array" && !items) || (readOnly && writeOnly) {
		return false
	}
	return !askKin || p.kinAccepts(n)
}

func uniqueStrings(n *source.Node) bool {
	seen := map[string]bool{}
	return listOf(n, func(v *source.Node) bool {
		if !v.IsString() || seen[v.Value] {
			return false
		}
		seen[v.Value] = true
		return true
	})
}

// kinAccepts asks kin-openapi whether a schema without $refs is valid:
// whether its default matches it and its pattern compiles.
func (p *plain) kinAccepts(n *source.Node) (ok bool) {
	defer func() {
		if recover() != nil { // see OpenAPI3
			ok = false
		}
	}()
	if hasRef(n) {
		return false
	}
	var s openapi3.Schema
	if err := json.Unmarshal(p.enc.json(nil, n, "", ""), &s); err != nil {
		return false
	}
	ctx := openapi3.WithValidationOptions(context.Background(), openapi3.DisableExamplesValidation())
	return s.Validate(ctx) == nil
}

func hasRef(n *source.Node) bool {
	if n.Kind == source.Mapping && n.Lookup("$ref") != nil {
		return true
	}
	for _, c := range n.Content {
		if hasRef(c) {
			return true
		}
	}
	return false
}
