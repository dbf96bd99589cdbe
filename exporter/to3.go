package exporter

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/apigw-oas/apigw-oas/source"
)

// to3 converts a Swagger 2.0 definition to OpenAPI 3.0.3, key by key in
// source order: a key both versions have keeps its place, and a section
// that moves (host → servers, definitions → components, a body parameter
// → requestBody) is written where its 2.0 counterpart was.
func to3(def *source.Node) (*source.Node, []string, error) {
	if err := hasInfo(def); err != nil {
		return nil, nil, err
	}
	c := &to3Converter{
		def:      def,
		consumes: stringItems(def.Lookup("consumes")),
		produces: stringItems(def.Lookup("produces")),
	}
	out := source.NewMapping()
	var components *source.Node
	var err error
	eachEntry(def, func(key string, value *source.Node) {
		switch key {
		case "swagger":
			appendEntry(out, "openapi", source.NewString("3.0.3"))
		case "info":
			appendEntry(out, key, withVersionText(value))
		case "host", "basePath", "schemes":
			if out.Lookup("servers") == nil && err == nil {
				var servers *source.Node
				if servers, err = serversOf(def); servers != nil {
					appendEntry(out, "servers", servers)
				}
			}
		case "paths":
			var paths *source.Node
			if paths, err = c.paths(value); err == nil {
				appendEntry(out, key, paths)
			}
		case "definitions", "parameters", "responses", "securityDefinitions":
			if components == nil {
				components = source.NewMapping()
				appendEntry(out, "components", components)
			}
			if e := c.component(components, key, value); e != nil {
				err = e
			}
		case "security", "tags", "externalDocs":
			appendEntry(out, key, deepCopy(value))
		default:
			if isExtension(key) {
				appendEntry(out, key, deepCopy(value))
			}
		}
	})
	if err != nil {
		return nil, nil, fmt.Errorf("converting to OpenAPI 3.0: %v", err)
	}
	return out, nil, nil
}

type to3Converter struct {
	def                *source.Node
	consumes, produces []string // the document's
}

// serversOf writes host, basePath and schemes as servers: one URL per
// scheme (https when none is listed), or the base path alone when there is
// no host.
func serversOf(def *source.Node) (*source.Node, error) {
	host, basePath := text(def.Lookup("host")), text(def.Lookup("basePath"))
	if host == "" {
		if basePath == "" {
			return nil, nil
		}
		return newSequence(mappingOf("url", source.NewString(basePath))), nil
	}
	if strings.Contains(host, "/") {
		return nil, fmt.Errorf("invalid host %q: Swagger 2.0's host is the host alone, without scheme or path", host)
	}
	if !strings.HasPrefix(basePath, "/") {
		basePath = "/" + basePath
	}
	schemes := stringItems(def.Lookup("schemes"))
	if len(schemes) == 0 {
		schemes = []string{"https"}
	}
	servers := newSequence()
	for _, scheme := range schemes {
		servers.Content = append(servers.Content, mappingOf("url", source.NewString(scheme+"://"+host+basePath)))
	}
	return servers, nil
}

// component converts one of the 2.0 sections that OpenAPI 3 keeps in
// components.
func (c *to3Converter) component(components *source.Node, key string, section *source.Node) error {
	var err error
	eachEntry(section, func(name string, v *source.Node) {
		switch key {
		case "definitions":
			appendEntry(section3(components, "schemas"), name, schemaTo3(v))
		case "responses":
			appendEntry(section3(components, "responses"), name, c.response(v, c.produces, false))
		case "securityDefinitions":
			scheme, e := securitySchemeTo3(v)
			if e != nil {
				err = e
			}
			appendEntry(section3(components, "securitySchemes"), name, scheme)
		case "parameters":
			switch text(v.Lookup("in")) {
			case "body":
				appendEntry(section3(components, "requestBodies"), name, c.requestBody(v, c.consumes))
			case "formData":
				appendEntry(section3(components, "schemas"), name, formProperty(v, true))
			default:
				appendEntry(section3(components, "parameters"), name, parameterTo3(v))
			}
		}
	})
	return err
}

// section3 is the components section named, added when missing.
func section3(components *source.Node, name string) *source.Node {
	if s := components.Lookup(name); s != nil {
		return s
	}
	s := source.NewMapping()
	appendEntry(components, name, s)
	return s
}

func (c *to3Converter) paths(paths *source.Node) (*source.Node, error) {
	if paths.Kind != source.Mapping {
		return deepCopy(paths), nil
	}
	out := source.NewMapping()
	var err error
	eachEntry(paths, func(path string, item *source.Node) {
		converted, e := c.pathItem(item)
		if e != nil && err == nil {
			err = fmt.Errorf("%s: %v", path, e)
		}
		appendEntry(out, path, converted)
	})
	return out, err
}

func (c *to3Converter) pathItem(item *source.Node) (*source.Node, error) {
	if item.Kind != source.Mapping {
		return deepCopy(item), nil
	}
	out := source.NewMapping()
	shared := item.Lookup("parameters")
	var err error
	eachEntry(item, func(key string, v *source.Node) {
		switch {
		case key == "$ref":
			appendEntry(out, key, deepCopy(v))
		case key == "parameters":
			if params := c.parameters(v); len(params.Content) > 0 {
				appendEntry(out, key, params)
			}
		case slices.Contains(httpMethods, key):
			op, e := c.operation(v, shared)
			if e != nil && err == nil {
				err = fmt.Errorf("%s: %v", key, e)
			}
			appendEntry(out, key, op)
		case isExtension(key):
			appendEntry(out, key, deepCopy(v))
		}
	})
	return out, err
}

// parameters converts the parameters that stay parameters: all but body
// and formData ones (and $refs to those).
func (c *to3Converter) parameters(list *source.Node) *source.Node {
	out := newSequence()
	if list.Kind != source.Sequence {
		return out
	}
	for _, p := range list.Content {
		if in := c.location(p); in != "body" && in != "formData" {
			out.Content = append(out.Content, parameterTo3(p))
		}
	}
	return out
}

// location is where a parameter is sent, following a $ref to the
// document's parameters.
func (c *to3Converter) location(p *source.Node) string {
	if target := localTarget(c.def, p); target != nil {
		return text(target.Lookup("in"))
	}
	return ""
}

// operation converts an operation. Its body or formData parameters
// (including the path item's it does not override) become its request
// body, written where its parameters were; its consumes and produces
// become the content keys of the request body and responses.
func (c *to3Converter) operation(op, shared *source.Node) (*source.Node, error) {
	if op.Kind != source.Mapping {
		return deepCopy(op), nil
	}
	consumes := c.consumes
	if own := stringItems(op.Lookup("consumes")); len(own) > 0 {
		consumes = own
	}
	produces := c.produces
	if own := op.Lookup("produces"); own != nil {
		produces = stringItems(own)
	}
	body, err := c.operationBody(op, shared, consumes)
	if err != nil {
		return nil, err
	}
	out := source.NewMapping()
	addBody := func() {
		if body != nil {
			appendEntry(out, "requestBody", body)
			body = nil
		}
	}
	eachEntry(op, func(key string, v *source.Node) {
		switch key {
		case "parameters":
			if params := c.parameters(v); len(params.Content) > 0 {
				appendEntry(out, key, params)
			}
			addBody()
		case "responses":
			addBody()
			appendEntry(out, key, c.responses(v, produces))
		case "tags", "summary", "description", "externalDocs", "operationId", "deprecated", "security":
			appendEntry(out, key, deepCopy(v))
		default:
			if isExtension(key) {
				appendEntry(out, key, deepCopy(v))
			}
		}
	})
	addBody()
	return out, nil
}

// operationBody is the request body of an operation: from its body
// parameter, or its formData parameters; an empty one with the content
// keys of its consumes when it has neither but lists consumes of its own
// (OpenAPI 3 says which media types an operation accepts only there).
func (c *to3Converter) operationBody(op, shared *source.Node, consumes []string) (*source.Node, error) {
	params := bodyParameters(op.Lookup("parameters"), shared)
	var body *source.Node
	var form []*source.Node
	for _, p := range params {
		target := localTarget(c.def, p)
		if target == nil {
			continue
		}
		switch text(target.Lookup("in")) {
		case "body":
			if body != nil {
				return nil, errors.New("an operation has one body parameter at most")
			}
			body = c.requestBody(c.sharedBodyInline(p, op, target), consumes)
		case "formData":
			form = append(form, p)
		}
	}
	switch {
	case body != nil && len(form) > 0:
		return nil, errors.New("body and formData parameters cannot both be sent")
	case body != nil:
		return body, nil
	case len(form) > 0:
		return c.formBody(form, consumes), nil
	case len(stringItems(op.Lookup("consumes"))) > 0:
		return mappingOf("content", content(consumes, nil)), nil
	}
	return nil, nil
}

// sharedBodyInline is the body parameter to convert: a $ref to a shared
// one stays a $ref unless the operation's own consumes differ from the
// document's, which the shared request body's content keys are; then the
// shared parameter is written out, with the operation's media types.
func (c *to3Converter) sharedBodyInline(p, op, target *source.Node) *source.Node {
	own := stringItems(op.Lookup("consumes"))
	if p.Lookup("$ref") != nil && len(own) > 0 && !slices.Equal(own, c.consumes) {
		return target
	}
	return p
}

// bodyParameters lists an operation's parameters followed by the path
// item's it does not override (same $ref, or same in and name).
func bodyParameters(own, shared *source.Node) []*source.Node {
	var params []*source.Node
	identity := func(p *source.Node) string {
		if ref := p.Lookup("$ref"); ref != nil {
			return text(ref)
		}
		return text(p.Lookup("in")) + " " + text(p.Lookup("name"))
	}
	var overridden []string
	if own != nil && own.Kind == source.Sequence {
		params = append(params, own.Content...)
		for _, p := range own.Content {
			overridden = append(overridden, identity(p))
		}
	}
	if shared != nil && shared.Kind == source.Sequence {
		for _, p := range shared.Content {
			if !slices.Contains(overridden, identity(p)) {
				params = append(params, p)
			}
		}
	}
	return params
}

// content is a content map with one entry per media type (*/* when there
// are none), each with its own copy of the schema when there is one.
func content(mediaTypes []string, schema *source.Node) *source.Node {
	if len(mediaTypes) == 0 {
		mediaTypes = []string{"*/*"}
	}
	out := source.NewMapping()
	for _, mt := range mediaTypes {
		entry := source.NewMapping()
		if schema != nil {
			appendEntry(entry, "schema", deepCopy(schema))
		}
		appendEntry(out, mt, entry)
	}
	return out
}

// requestBody converts a body parameter (or a $ref to one). The
// parameter's name is kept in x-originalParamName, which a conversion
// back to 2.0 names the parameter with.
func (c *to3Converter) requestBody(p *source.Node, consumes []string) *source.Node {
	if ref := p.Lookup("$ref"); ref != nil {
		return refNode(strings.Replace(text(ref), "#/parameters/", "#/components/requestBodies/", 1))
	}
	out := source.NewMapping()
	var schema *source.Node
	if s := p.Lookup("schema"); s != nil {
		schema = schemaTo3(s)
	}
	eachEntry(p, func(key string, v *source.Node) {
		switch {
		case key == "description":
			appendEntry(out, key, deepCopy(v))
		case key == "schema":
			appendEntry(out, "content", content(consumes, schema))
		case key == "required" && isTrue(v):
			appendEntry(out, key, deepCopy(v))
		case isExtension(key):
			appendEntry(out, key, deepCopy(v))
		}
	})
	if out.Lookup("content") == nil {
		appendEntry(out, "content", content(consumes, nil))
	}
	if name := p.Lookup("name"); name != nil {
		appendEntry(out, "x-originalParamName", deepCopy(name))
	}
	return out
}

// formBody converts formData parameters to a request body whose schema
// is an object with one property per parameter.
func (c *to3Converter) formBody(params []*source.Node, consumes []string) *source.Node {
	properties := source.NewMapping()
	var required []string
	for _, p := range params {
		if ref := p.Lookup("$ref"); ref != nil {
			target := localTarget(c.def, p)
			name := text(target.Lookup("name"))
			appendEntry(properties, name, refNode(strings.Replace(text(ref), "#/parameters/", "#/components/schemas/", 1)))
			if isTrue(target.Lookup("required")) {
				required = append(required, name)
			}
			continue
		}
		appendEntry(properties, text(p.Lookup("name")), formProperty(p, false))
		if isTrue(p.Lookup("required")) {
			required = append(required, text(p.Lookup("name")))
		}
	}
	schema := mappingOf("type", source.NewString("object"), "properties", properties)
	if len(required) > 0 {
		slices.Sort(required)
		appendEntry(schema, "required", source.NewStringList(required))
	}
	return mappingOf("content", content(consumes, schema))
}

// formProperty is the schema of a formData parameter; a shared one (in the
// document's parameters, which become components.schemas) records its
// parameter name in x-formData-name.
func formProperty(p *source.Node, shared bool) *source.Node {
	out := source.NewMapping()
	eachEntry(p, func(key string, v *source.Node) {
		switch {
		case key == "description" || key == "allowEmptyValue" || isExtension(key):
			appendEntry(out, key, deepCopy(v))
		case parameterSchemaKeys[key]:
			appendSchemaKey(out, key, v, text(p.Lookup("type")) == "file")
		}
	})
	if shared {
		appendEntry(out, "x-formData-name", source.NewString(text(p.Lookup("name"))))
		if isTrue(p.Lookup("required")) {
			appendEntry(out, "required", source.NewStringList([]string{text(p.Lookup("name"))}))
		}
	}
	return out
}

// parameterSchemaKeys are the fields of a 2.0 parameter, header or items
// object that OpenAPI 3 writes in its schema.
var parameterSchemaKeys = map[string]bool{
	"type": true, "format": true, "items": true, "default": true, "maximum": true, "exclusiveMaximum": true,
	"minimum": true, "exclusiveMinimum": true, "maxLength": true, "minLength": true, "pattern": true,
	"maxItems": true, "minItems": true, "uniqueItems": true, "enum": true, "multipleOf": true,
}

// appendSchemaKey writes one of parameterSchemaKeys into a schema.
func appendSchemaKey(schema *source.Node, key string, v *source.Node, file bool) {
	switch {
	case key == "type" && file:
		appendEntry(schema, "type", source.NewString("string"))
		appendEntry(schema, "format", source.NewString("binary"))
	case key == "format" && file:
	case key == "items":
		appendEntry(schema, key, itemsTo3(v))
	default:
		appendEntry(schema, key, deepCopy(v))
	}
}

// itemsTo3 converts a 2.0 items object (a parameter's or header's) to a
// schema: collectionFormat, the one field a schema does not have, goes.
func itemsTo3(items *source.Node) *source.Node {
	out := schemaTo3(items)
	if out.Kind == source.Mapping {
		out.Delete("collectionFormat")
	}
	return out
}

// parameterTo3 converts a parameter that is not a body or formData one:
// its type fields become its schema, a query array's collectionFormat its
// style and explode.
func parameterTo3(p *source.Node) *source.Node {
	if ref := p.Lookup("$ref"); ref != nil {
		return refNode(refTo3(text(ref)))
	}
	if p.Kind != source.Mapping {
		return deepCopy(p)
	}
	out := source.NewMapping()
	in := text(p.Lookup("in"))
	var schema *source.Node
	eachEntry(p, func(key string, v *source.Node) {
		switch {
		case key == "name" || key == "in" || key == "description" || key == "allowEmptyValue" || isExtension(key):
			appendEntry(out, key, deepCopy(v))
		case key == "required" && in == "path":
			appendEntry(out, key, newBool(true))
		case key == "required" && isTrue(v):
			appendEntry(out, key, deepCopy(v))
		case key == "schema":
			schema = schemaTo3(v)
			appendEntry(out, key, schema)
		case parameterSchemaKeys[key]:
			if schema == nil {
				schema = source.NewMapping()
				appendEntry(out, "schema", schema)
			}
			appendSchemaKey(schema, key, v, false)
		}
	})
	if schema == nil {
		appendEntry(out, "schema", source.NewMapping()) // OpenAPI 3 requires one
	}
	if in == "path" && out.Lookup("required") == nil {
		appendEntry(out, "required", newBool(true)) // OpenAPI 3 requires it
	}
	if in == "query" && text(p.Lookup("type")) == "array" {
		if style, explode := queryStyle(text(p.Lookup("collectionFormat"))); style != "" {
			appendEntry(out, "style", source.NewString(style))
			appendEntry(out, "explode", newBool(explode))
		}
	}
	return out
}

// queryStyle is the style and explode of a query array sent as
// collectionFormat says (csv when absent); tsv has none.
func queryStyle(collectionFormat string) (style string, explode bool) {
	switch collectionFormat {
	case "", "csv":
		return "form", false
	case "ssv":
		return "spaceDelimited", false
	case "pipes":
		return "pipeDelimited", false
	case "multi":
		return "form", true
	}
	return "", false
}

// responses converts an operation's responses: each response's content
// keys are the operation's produces (the document's when it has none),
// except for 204 and 304, which have no body.
func (c *to3Converter) responses(responses *source.Node, produces []string) *source.Node {
	if responses.Kind != source.Mapping {
		return deepCopy(responses)
	}
	out := source.NewMapping()
	eachEntry(responses, func(code string, r *source.Node) {
		switch {
		case isExtension(code):
			appendEntry(out, code, deepCopy(r))
		default:
			appendEntry(out, code, c.response(r, produces, code != "204" && code != "304"))
		}
	})
	return out
}

// response converts a response. With every produced media type as a
// content key (allMediaTypes), each has the schema and its own example;
// otherwise only a response with a schema or examples has content: the
// produced media types (application/json when none) and those examples
// name.
func (c *to3Converter) response(r *source.Node, produces []string, allMediaTypes bool) *source.Node {
	if ref := r.Lookup("$ref"); ref != nil {
		return refNode(refTo3(text(ref)))
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
	mediaTypes := responseMediaTypes(r, produces, allMediaTypes)
	eachEntry(r, func(key string, v *source.Node) {
		switch {
		case key == "schema" || (key == "examples" && r.Lookup("schema") == nil):
			if len(mediaTypes) > 0 {
				appendEntry(out, "content", responseContent(r, mediaTypes))
			}
		case key == "headers":
			appendEntry(out, key, headersTo3(v))
		case isExtension(key):
			appendEntry(out, key, deepCopy(v))
		}
	})
	if out.Lookup("content") == nil && len(mediaTypes) > 0 {
		appendEntry(out, "content", responseContent(r, mediaTypes))
	}
	return out
}

func responseMediaTypes(r *source.Node, produces []string, allMediaTypes bool) []string {
	if allMediaTypes && len(produces) > 0 {
		return produces
	}
	var mediaTypes []string
	if r.Lookup("schema") != nil {
		mediaTypes = produces
		if len(mediaTypes) == 0 {
			mediaTypes = []string{"application/json"}
		}
	}
	eachEntry(r.Lookup("examples"), func(mt string, _ *source.Node) {
		if !slices.Contains(mediaTypes, mt) {
			mediaTypes = append(slices.Clip(mediaTypes), mt)
		}
	})
	return mediaTypes
}

func responseContent(r *source.Node, mediaTypes []string) *source.Node {
	out := source.NewMapping()
	schema := r.Lookup("schema")
	if schema != nil {
		schema = schemaTo3(schema)
	}
	for _, mt := range mediaTypes {
		entry := source.NewMapping()
		if schema != nil {
			appendEntry(entry, "schema", deepCopy(schema))
		}
		if example := r.Lookup("examples").Lookup(mt); example != nil {
			appendEntry(entry, "example", deepCopy(example))
		}
		appendEntry(out, mt, entry)
	}
	return out
}

// headersTo3 converts a response's headers: type fields become a schema.
func headersTo3(headers *source.Node) *source.Node {
	if headers.Kind != source.Mapping {
		return deepCopy(headers)
	}
	out := source.NewMapping()
	eachEntry(headers, func(name string, h *source.Node) {
		if ref := h.Lookup("$ref"); ref != nil {
			appendEntry(out, name, refNode(refTo3(text(ref))))
			return
		}
		header := source.NewMapping()
		var schema *source.Node
		eachEntry(h, func(key string, v *source.Node) {
			switch {
			case key == "description" || isExtension(key):
				appendEntry(header, key, deepCopy(v))
			case parameterSchemaKeys[key]:
				if schema == nil {
					schema = source.NewMapping()
					appendEntry(header, "schema", schema)
				}
				appendSchemaKey(schema, key, v, false)
			}
		})
		if schema == nil {
			appendEntry(header, "schema", source.NewMapping())
		}
		appendEntry(out, name, header)
	})
	return out
}

// securitySchemeTo3 converts a security definition: basic becomes http
// basic, an oauth2 flow a flows object (implicit, password,
// clientCredentials for application, authorizationCode for accessCode).
func securitySchemeTo3(s *source.Node) (*source.Node, error) {
	if s.Kind != source.Mapping {
		return deepCopy(s), nil
	}
	out := source.NewMapping()
	var err error
	eachEntry(s, func(key string, v *source.Node) {
		switch {
		case key == "type":
			switch text(v) {
			case "basic":
				appendEntry(out, key, source.NewString("http"))
				appendEntry(out, "scheme", source.NewString("basic"))
			case "apiKey", "oauth2":
				appendEntry(out, key, deepCopy(v))
			}
		case key == "description" || isExtension(key):
			appendEntry(out, key, deepCopy(v))
		case (key == "name" || key == "in") && text(s.Lookup("type")) == "apiKey":
			appendEntry(out, key, deepCopy(v))
		case key == "flow" && text(s.Lookup("type")) == "oauth2":
			var flows *source.Node
			if flows, err = oauthFlowsTo3(s); err == nil {
				appendEntry(out, "flows", flows)
			}
		}
	})
	return out, err
}

var flowNames3 = map[string]string{
	"implicit": "implicit", "password": "password", "application": "clientCredentials", "accessCode": "authorizationCode",
}

func oauthFlowsTo3(s *source.Node) (*source.Node, error) {
	name, ok := flowNames3[text(s.Lookup("flow"))]
	if !ok {
		return nil, fmt.Errorf("unsupported OAuth2 flow %q", text(s.Lookup("flow")))
	}
	flow := source.NewMapping()
	for _, key := range []string{"authorizationUrl", "tokenUrl"} {
		if v := s.Lookup(key); text(v) != "" {
			appendEntry(flow, key, deepCopy(v))
		}
	}
	scopes := s.Lookup("scopes")
	if scopes == nil {
		scopes = source.NewMapping()
	}
	appendEntry(flow, "scopes", deepCopy(scopes))
	return mappingOf(name, flow), nil
}
