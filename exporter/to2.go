package exporter

import (
	"net/url"
	"slices"
	"strings"

	"github.com/apigw-oas/apigw-oas/source"
)

// to2 converts an OpenAPI 3 definition to Swagger 2.0, key by key in
// source order, and lists what 2.0 cannot express (losses): those parts
// are left out.
func to2(def *source.Node) (*source.Node, []string, error) {
	if err := hasInfo(def); err != nil {
		return nil, nil, err
	}
	c := &to2Converter{def: def}
	out := source.NewMapping()
	eachEntry(def, func(key string, value *source.Node) {
		switch key {
		case "openapi":
			appendEntry(out, "swagger", source.NewString("2.0"))
		case "info":
			appendEntry(out, key, withVersionText(value))
		case "servers":
			c.servers(out, value)
		case "paths":
			appendEntry(out, key, c.paths(value))
		case "components":
			c.components(out, value)
		case "security", "tags", "externalDocs":
			appendEntry(out, key, deepCopy(value))
		default:
			if isExtension(key) {
				appendEntry(out, key, deepCopy(value))
			}
		}
	})
	return out, lossesTo2(def), nil
}

type to2Converter struct{ def *source.Node }

// servers writes host and basePath from the first server (its variables
// replaced by their defaults), the schemes of all of them (https first),
// and the first server's x-amazon-apigateway-* extensions (its endpoint
// configuration), which 2.0 has at the top level.
func (c *to2Converter) servers(out, servers *source.Node) {
	if servers.Kind != source.Sequence {
		return
	}
	var host, basePath string
	https, http := false, false
	for i, s := range servers.Content {
		u, err := url.Parse(serverURL(s))
		if err != nil {
			continue
		}
		https = https || u.Scheme == "https"
		http = http || u.Scheme == "http"
		if i == 0 {
			host, basePath = u.Host, u.Path
		}
	}
	if host != "" {
		appendEntry(out, "host", source.NewString(host))
	}
	if basePath != "" {
		appendEntry(out, "basePath", source.NewString(basePath))
	}
	var schemes []string
	if https {
		schemes = append(schemes, "https")
	}
	if http {
		schemes = append(schemes, "http")
	}
	if len(schemes) > 0 {
		appendEntry(out, "schemes", source.NewStringList(schemes))
	}
	if len(servers.Content) > 0 {
		eachEntry(servers.Content[0], func(key string, v *source.Node) {
			if strings.HasPrefix(key, "x-amazon-apigateway-") && c.def.Lookup(key) == nil {
				appendEntry(out, key, deepCopy(v))
			}
		})
	}
}

// serverURL is a server's URL with each {variable} replaced by its
// default.
func serverURL(server *source.Node) string {
	u := text(server.Lookup("url"))
	eachEntry(server.Lookup("variables"), func(name string, v *source.Node) {
		if d := v.Lookup("default"); d != nil {
			u = strings.ReplaceAll(u, "{"+name+"}", text(d))
		}
	})
	return u
}

// components writes the sections of components 2.0 has, each where
// components was: schemas as definitions, parameters and request bodies
// as parameters, responses, security schemes as securityDefinitions.
func (c *to2Converter) components(out, components *source.Node) {
	section := func(name string) *source.Node {
		if s := out.Lookup(name); s != nil {
			return s
		}
		s := source.NewMapping()
		appendEntry(out, name, s)
		return s
	}
	eachEntry(components, func(key string, v *source.Node) {
		eachEntry(v, func(name string, item *source.Node) {
			switch key {
			case "schemas":
				appendEntry(section("definitions"), name, schemaTo2(item))
			case "parameters":
				if p := c.parameter(item); p != nil {
					appendEntry(section("parameters"), name, p)
				}
			case "requestBodies":
				bodyName := name
				if original := text(item.Lookup("x-originalParamName")); original != "" {
					bodyName = original
				}
				params, _ := c.requestBody(item, bodyName)
				for _, p := range params {
					if text(p.Lookup("in")) == "formData" {
						name = text(p.Lookup("name"))
					}
					appendEntry(section("parameters"), name, p)
				}
			case "responses":
				appendEntry(section("responses"), name, c.response(item))
			case "securitySchemes":
				if s := securitySchemeTo2(item); s != nil {
					appendEntry(section("securityDefinitions"), name, s)
				}
			}
		})
	})
}

func (c *to2Converter) paths(paths *source.Node) *source.Node {
	if paths.Kind != source.Mapping {
		return deepCopy(paths)
	}
	out := source.NewMapping()
	eachEntry(paths, func(path string, item *source.Node) {
		appendEntry(out, path, c.pathItem(item))
	})
	return out
}

func (c *to2Converter) pathItem(item *source.Node) *source.Node {
	if item.Kind != source.Mapping {
		return deepCopy(item)
	}
	out := source.NewMapping()
	eachEntry(item, func(key string, v *source.Node) {
		switch {
		case key == "$ref":
			appendEntry(out, key, deepCopy(v))
		case key == "parameters":
			if params := c.parameters(v); len(params) > 0 {
				appendEntry(out, key, newSequence(params...))
			}
		case slices.Contains(httpMethods, key):
			appendEntry(out, key, c.operation(v))
		case isExtension(key):
			appendEntry(out, key, deepCopy(v))
		}
	})
	return out
}

// parameters converts a parameter list, leaving out cookie parameters.
func (c *to2Converter) parameters(list *source.Node) []*source.Node {
	if list == nil || list.Kind != source.Sequence {
		return nil
	}
	var out []*source.Node
	for _, p := range list.Content {
		if converted := c.parameter(p); converted != nil {
			out = append(out, converted)
		}
	}
	return out
}

// operation converts an operation: its request body becomes a body
// parameter (or formData parameters) after its other parameters, the
// body's content keys its consumes, and the content keys of all its
// responses its produces (2.0 cannot say which response produces which).
func (c *to2Converter) operation(op *source.Node) *source.Node {
	if op.Kind != source.Mapping {
		return deepCopy(op)
	}
	params := c.parameters(op.Lookup("parameters"))
	var consumes []string
	if body := op.Lookup("requestBody"); body != nil {
		var bodyParams []*source.Node
		bodyParams, consumes = c.requestBody(body, bodyName(op, body))
		params = append(params, bodyParams...)
	}
	var produces []string
	eachEntry(op.Lookup("responses"), func(_ string, r *source.Node) {
		for _, mt := range contentKeys(r, c.def) {
			if !slices.Contains(produces, mt) {
				produces = append(produces, mt)
			}
		}
	})
	out := source.NewMapping()
	addParams := func() {
		if len(params) > 0 {
			appendEntry(out, "parameters", newSequence(params...))
			params = nil
		}
	}
	eachEntry(op, func(key string, v *source.Node) {
		switch key {
		case "parameters":
			addParams()
		case "requestBody":
			addParams()
			if len(consumes) > 0 {
				appendEntry(out, "consumes", source.NewStringList(consumes))
			}
		case "responses":
			if len(produces) > 0 {
				appendEntry(out, "produces", source.NewStringList(produces))
			}
			appendEntry(out, key, c.responses(v))
		case "tags", "summary", "description", "externalDocs", "operationId", "deprecated", "security":
			appendEntry(out, key, deepCopy(v))
		default:
			if isExtension(key) {
				appendEntry(out, key, deepCopy(v))
			}
		}
	})
	addParams()
	return out
}

// bodyName names the body parameter of an operation: as the request body
// says (x-originalParamName, which a conversion from 2.0 writes), else as
// the operation says (x-codegen-request-body-name, what other converters
// write), else "body", or "requestBody" when a parameter is named body.
func bodyName(op, body *source.Node) string {
	if name := text(body.Lookup("x-originalParamName")); name != "" {
		return name
	}
	if name := text(op.Lookup("x-codegen-request-body-name")); name != "" {
		return name
	}
	if params := op.Lookup("parameters"); params != nil && params.Kind == source.Sequence {
		for _, p := range params.Content {
			if text(p.Lookup("name")) == "body" {
				return "requestBody"
			}
		}
	}
	return "body"
}

// requestBody converts a request body to the parameters 2.0 sends it as,
// and lists its media types: a form (urlencoded or multipart) becomes one
// formData parameter per property; anything else one body parameter with
// the first schema given (none when no media type has one).
func (c *to2Converter) requestBody(body *source.Node, name string) (params []*source.Node, mediaTypes []string) {
	mediaTypes = contentKeys(body, c.def)
	if ref := body.Lookup("$ref"); ref != nil {
		return []*source.Node{refNode(refTo2(text(ref)))}, mediaTypes
	}
	content := body.Lookup("content")
	for _, mt := range mediaTypes {
		if mt == "application/x-www-form-urlencoded" || mt == "multipart/form-data" {
			return c.formParameters(content.Lookup(mt).Lookup("schema")), mediaTypes
		}
	}
	for _, mt := range mediaTypes {
		if schema := content.Lookup(mt).Lookup("schema"); schema != nil {
			return []*source.Node{bodyParameter(body, name, schema)}, mediaTypes
		}
	}
	return nil, mediaTypes
}

func bodyParameter(body *source.Node, name string, schema *source.Node) *source.Node {
	out := mappingOf("name", source.NewString(name), "in", source.NewString("body"))
	eachEntry(body, func(key string, v *source.Node) {
		switch {
		case key == "description" || (key == "required" && isTrue(v)):
			appendEntry(out, key, deepCopy(v))
		case key == "content":
			appendEntry(out, "schema", schemaTo2(schema))
		case isExtension(key) && key != "x-originalParamName":
			appendEntry(out, key, deepCopy(v))
		}
	})
	return out
}

// formParameters converts the properties of a form's schema to formData
// parameters; a binary string is a file.
func (c *to2Converter) formParameters(schema *source.Node) []*source.Node {
	schema = localTarget(c.def, schema)
	required := stringItems(schema.Lookup("required"))
	var params []*source.Node
	eachEntry(schema.Lookup("properties"), func(name string, property *source.Node) {
		property = localTarget(c.def, property)
		p := mappingOf("name", source.NewString(name), "in", source.NewString("formData"))
		if slices.Contains(required, name) {
			appendEntry(p, "required", newBool(true))
		}
		eachEntry(property, func(key string, v *source.Node) {
			if key == "description" || key == "allowEmptyValue" || (isExtension(key) && key != "x-formData-name") {
				appendEntry(p, key, deepCopy(v))
			}
		})
		typeFields(p, property, c.def)
		if text(p.Lookup("format")) == "binary" {
			p.Set("type", source.NewString("file"))
			p.Delete("format")
		}
		params = append(params, p)
	})
	return params
}

// typeFields writes the fields of a 2.0 parameter or header that describe
// its value from an OpenAPI 3 schema (a $ref to one is followed: 2.0
// cannot refer to a schema there).
func typeFields(out, schema, root *source.Node) {
	schema = localTarget(root, schema)
	if schema == nil {
		return
	}
	eachEntry(schemaTo2(schema), func(key string, v *source.Node) {
		if parameterSchemaKeys[key] {
			appendEntry(out, key, v)
		}
	})
}

// parameter converts a parameter (nil for a cookie parameter, which 2.0
// does not have): its schema's fields become its own, a query array's
// style and explode its collectionFormat.
func (c *to2Converter) parameter(p *source.Node) *source.Node {
	if ref := p.Lookup("$ref"); ref != nil {
		return refNode(refTo2(text(ref)))
	}
	if p.Kind != source.Mapping {
		return deepCopy(p)
	}
	if text(p.Lookup("in")) == "cookie" {
		return nil
	}
	out := source.NewMapping()
	eachEntry(p, func(key string, v *source.Node) {
		switch {
		case key == "name" || key == "in" || key == "description" || key == "allowEmptyValue" || isExtension(key):
			appendEntry(out, key, deepCopy(v))
		case key == "required" && isTrue(v):
			appendEntry(out, key, deepCopy(v))
		case key == "schema":
			typeFields(out, v, c.def)
		}
	})
	if text(out.Lookup("in")) == "query" && text(out.Lookup("type")) == "array" {
		if format := collectionFormat(p); format != "" {
			appendEntry(out, "collectionFormat", source.NewString(format))
		}
	}
	return out
}

// collectionFormat is how a query array is sent, from its style and
// explode (form and explode when not given, OpenAPI 3's defaults).
func collectionFormat(p *source.Node) string {
	style := text(p.Lookup("style"))
	if style == "" {
		style = "form"
	}
	explode := style == "form"
	if e := p.Lookup("explode"); e != nil {
		explode = isTrue(e)
	}
	switch {
	case style == "form" && explode:
		return "multi"
	case style == "form":
		return "csv"
	case style == "spaceDelimited" && !explode:
		return "ssv"
	case style == "pipeDelimited" && !explode:
		return "pipes"
	}
	return ""
}

func (c *to2Converter) responses(responses *source.Node) *source.Node {
	if responses.Kind != source.Mapping {
		return deepCopy(responses)
	}
	out := source.NewMapping()
	eachEntry(responses, func(code string, r *source.Node) {
		if isExtension(code) {
			appendEntry(out, code, deepCopy(r))
		} else {
			appendEntry(out, code, c.response(r))
		}
	})
	return out
}

// response converts a response: its schema is the application/json one,
// else the first given (a binary string becomes 2.0's file), and each
// media type's example is kept in examples.
func (c *to2Converter) response(r *source.Node) *source.Node {
	if ref := r.Lookup("$ref"); ref != nil {
		return refNode(refTo2(text(ref)))
	}
	if r.Kind != source.Mapping {
		return deepCopy(r)
	}
	out := source.NewMapping()
	description := r.Lookup("description")
	if description == nil {
		description = source.NewString("")
	}
	appendEntry(out, "description", deepCopy(description))
	eachEntry(r, func(key string, v *source.Node) {
		switch {
		case key == "content":
			if schema := responseSchema(v); schema != nil {
				appendEntry(out, "schema", schema)
			}
			if examples := responseExamples(v); examples != nil {
				appendEntry(out, "examples", examples)
			}
		case key == "headers":
			appendEntry(out, key, c.headers(v))
		case isExtension(key):
			appendEntry(out, key, deepCopy(v))
		}
	})
	return out
}

func responseSchema(content *source.Node) *source.Node {
	schema := content.Lookup("application/json").Lookup("schema")
	eachEntry(content, func(_ string, mt *source.Node) {
		if schema == nil {
			schema = mt.Lookup("schema")
		}
	})
	if schema == nil {
		return nil
	}
	out := schemaTo2(schema)
	if text(out.Lookup("type")) == "string" && text(out.Lookup("format")) == "binary" {
		out.Set("type", source.NewString("file"))
		out.Delete("format")
	}
	return out
}

func responseExamples(content *source.Node) *source.Node {
	examples := source.NewMapping()
	eachEntry(content, func(mt string, v *source.Node) {
		if example := v.Lookup("example"); example != nil {
			appendEntry(examples, mt, deepCopy(example))
		}
	})
	if len(examples.Content) == 0 {
		return nil
	}
	return examples
}

// headers converts a response's headers; a $ref to a shared header is
// written out (2.0 has no shared headers).
func (c *to2Converter) headers(headers *source.Node) *source.Node {
	if headers.Kind != source.Mapping {
		return deepCopy(headers)
	}
	out := source.NewMapping()
	eachEntry(headers, func(name string, h *source.Node) {
		h = localTarget(c.def, h)
		header := source.NewMapping()
		eachEntry(h, func(key string, v *source.Node) {
			switch {
			case key == "description" || isExtension(key):
				appendEntry(header, key, deepCopy(v))
			case key == "schema":
				typeFields(header, v, c.def)
			}
		})
		appendEntry(out, name, header)
	})
	return out
}

// securitySchemeTo2 converts a security scheme: http basic becomes basic,
// another http scheme (bearer) an Authorization header apiKey, an oauth2
// flows object its first flow. openIdConnect has no 2.0 form (nil; it is
// listed as a loss).
func securitySchemeTo2(s *source.Node) *source.Node {
	if s.Kind != source.Mapping {
		return deepCopy(s)
	}
	typ := text(s.Lookup("type"))
	if typ == "openIdConnect" {
		return nil
	}
	out := source.NewMapping()
	eachEntry(s, func(key string, v *source.Node) {
		switch {
		case key == "type" && typ == "http" && strings.EqualFold(text(s.Lookup("scheme")), "basic"):
			appendEntry(out, key, source.NewString("basic"))
		case key == "type" && typ == "http":
			appendEntry(out, key, source.NewString("apiKey"))
			appendEntry(out, "in", source.NewString("header"))
			appendEntry(out, "name", source.NewString("Authorization"))
		case key == "type" || key == "description" || isExtension(key):
			appendEntry(out, key, deepCopy(v))
		case (key == "name" || key == "in") && typ == "apiKey":
			appendEntry(out, key, deepCopy(v))
		case key == "flows" && typ == "oauth2":
			oauthFlowTo2(out, v)
		}
	})
	return out
}

// oauthFlowTo2 writes the first flow of an OpenAPI 3 flows object the way
// 2.0 has it.
func oauthFlowTo2(out, flows *source.Node) {
	for _, f := range []struct{ name3, name2 string }{
		{"implicit", "implicit"}, {"authorizationCode", "accessCode"}, {"password", "password"}, {"clientCredentials", "application"},
	} {
		flow := flows.Lookup(f.name3)
		if flow == nil {
			continue
		}
		appendEntry(out, "flow", source.NewString(f.name2))
		for _, key := range []string{"authorizationUrl", "tokenUrl"} {
			if v := flow.Lookup(key); v != nil {
				appendEntry(out, key, deepCopy(v))
			}
		}
		scopes := flow.Lookup("scopes")
		if scopes == nil {
			scopes = source.NewMapping()
		}
		appendEntry(out, "scopes", deepCopy(scopes))
		return
	}
}
