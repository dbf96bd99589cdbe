package exporter

import (
	"slices"

	"github.com/apigw-oas/apigw-oas/source"
)

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
			appendEntry(out, key, source.DeepCopy(v))
		case key == "content":
			appendEntry(out, "schema", schemaTo2(schema))
		case isExtension(key) && key != "x-originalParamName":
			appendEntry(out, key, source.DeepCopy(v))
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
				appendEntry(p, key, source.DeepCopy(v))
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
		return source.DeepCopy(p)
	}
	if text(p.Lookup("in")) == "cookie" {
		return nil
	}
	out := source.NewMapping()
	eachEntry(p, func(key string, v *source.Node) {
		switch {
		case key == "name" || key == "in" || key == "description" || key == "allowEmptyValue" || isExtension(key):
			appendEntry(out, key, source.DeepCopy(v))
		case key == "required" && isTrue(v):
			appendEntry(out, key, source.DeepCopy(v))
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
