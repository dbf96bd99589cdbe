package exporter

import (
	"errors"
	"slices"
	"strings"

	"github.com/apigw-oas/apigw-oas/source"
)

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
			appendEntry(entry, "schema", source.DeepCopy(schema))
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
			appendEntry(out, key, source.DeepCopy(v))
		case key == "schema":
			appendEntry(out, "content", content(consumes, schema))
		case key == "required" && isTrue(v):
			appendEntry(out, key, source.DeepCopy(v))
		case isExtension(key):
			appendEntry(out, key, source.DeepCopy(v))
		}
	})
	if out.Lookup("content") == nil {
		appendEntry(out, "content", content(consumes, nil))
	}
	if name := p.Lookup("name"); name != nil {
		appendEntry(out, "x-originalParamName", source.DeepCopy(name))
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
			appendEntry(out, key, source.DeepCopy(v))
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
		appendEntry(schema, key, source.DeepCopy(v))
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
		return source.DeepCopy(p)
	}
	out := source.NewMapping()
	in := text(p.Lookup("in"))
	var schema *source.Node
	eachEntry(p, func(key string, v *source.Node) {
		switch {
		case key == "name" || key == "in" || key == "description" || key == "allowEmptyValue" || isExtension(key):
			appendEntry(out, key, source.DeepCopy(v))
		case key == "required" && in == "path":
			appendEntry(out, key, newBool(true))
		case key == "required" && isTrue(v):
			appendEntry(out, key, source.DeepCopy(v))
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
