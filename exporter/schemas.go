package exporter

import (
	"github.com/apigw-oas/apigw-oas/source"
)

// Schema objects differ little between the versions: a copy with the few
// differences rewritten, recursively through the keywords that hold
// schemas. Everything else (examples, defaults, enums, extensions) is
// copied as written.

// schemaTo3 converts a Swagger 2.0 schema: type file becomes a binary
// string, x-nullable nullable, a discriminator property name an object.
func schemaTo3(n *source.Node) *source.Node {
	if n.Kind != source.Mapping {
		return source.DeepCopy(n)
	}
	out := source.NewMapping()
	file := text(n.Lookup("type")) == "file"
	eachEntry(n, func(key string, v *source.Node) {
		switch {
		case key == "$ref" && v.IsString():
			appendEntry(out, key, source.NewString(refTo3(v.Value)))
		case key == "type" && file:
			appendEntry(out, "type", source.NewString("string"))
			appendEntry(out, "format", source.NewString("binary"))
		case key == "format" && file:
		case key == "x-nullable" && v.Tag == source.TagBool:
			appendEntry(out, "nullable", source.DeepCopy(v))
		case key == "discriminator" && v.IsString():
			appendEntry(out, key, mappingOf("propertyName", source.DeepCopy(v)))
		default:
			appendEntry(out, key, subschemas(key, v, schemaTo3))
		}
	})
	return out
}

// subschemas converts the value of a schema keyword with convert where
// the keyword holds schemas, and copies it otherwise.
func subschemas(key string, v *source.Node, convert func(*source.Node) *source.Node) *source.Node {
	switch key {
	case "items", "additionalProperties", "not":
		if v.Kind == source.Mapping {
			return convert(v)
		}
	case "properties":
		if v.Kind == source.Mapping {
			out := source.NewMapping()
			eachEntry(v, func(name string, s *source.Node) { appendEntry(out, name, convert(s)) })
			return out
		}
	case "allOf", "oneOf", "anyOf":
		if v.Kind == source.Sequence {
			out := newSequence()
			for _, s := range v.Content {
				out.Content = append(out.Content, convert(s))
			}
			return out
		}
	}
	return source.DeepCopy(v)
}

// only3 are the keywords of OpenAPI 3 schemas Swagger 2.0 has no place
// for (oneOf, anyOf and not are listed as losses; the rest are 3.1's).
var only3 = map[string]bool{
	"oneOf": true, "anyOf": true, "not": true, "nullable": true,
	"const": true, "examples": true, "prefixItems": true, "contains": true, "minContains": true, "maxContains": true,
	"patternProperties": true, "dependentRequired": true, "dependentSchemas": true, "propertyNames": true,
	"unevaluatedItems": true, "unevaluatedProperties": true, "if": true, "then": true, "else": true,
	"$id": true, "$schema": true, "$anchor": true, "$defs": true, "$comment": true, "$dynamicRef": true, "$dynamicAnchor": true,
	"contentEncoding": true, "contentMediaType": true, "contentSchema": true,
}

// schemaTo2 converts an OpenAPI 3 schema: nullable becomes x-nullable, a
// discriminator object its property name, a 3.1 type list its one type
// besides "null" (x-nullable when "null" is listed), a 3.1 numeric
// exclusive bound the 2.0 bound and flag.
func schemaTo2(n *source.Node) *source.Node {
	if n.Kind != source.Mapping {
		return source.DeepCopy(n)
	}
	out := source.NewMapping()
	eachEntry(n, func(key string, v *source.Node) {
		switch {
		case key == "$ref" && v.IsString():
			appendEntry(out, key, source.NewString(refTo2(v.Value)))
		case key == "nullable":
			if isTrue(v) {
				appendEntry(out, "x-nullable", newBool(true))
			}
		case key == "type" && v.Kind == source.Sequence:
			typeListTo2(out, v)
		case key == "discriminator" && v.Kind == source.Mapping:
			if name := v.Lookup("propertyName"); name != nil {
				appendEntry(out, key, source.DeepCopy(name))
			}
		case (key == "exclusiveMinimum" || key == "exclusiveMaximum") && (v.Tag == source.TagInt || v.Tag == source.TagFloat):
			bound := map[string]string{"exclusiveMinimum": "minimum", "exclusiveMaximum": "maximum"}[key]
			if n.Lookup(bound) == nil {
				appendEntry(out, bound, source.DeepCopy(v))
			}
			appendEntry(out, key, newBool(true))
		case only3[key]:
		default:
			appendEntry(out, key, subschemas(key, v, schemaTo2))
		}
	})
	return out
}

// typeListTo2 writes a 3.1 type list as 2.0 can: its one type besides
// "null", and x-nullable when "null" is listed; nothing when it lists
// several types.
func typeListTo2(out, list *source.Node) {
	var types []string
	null := false
	for _, t := range list.Content {
		if text(t) == "null" {
			null = true
		} else {
			types = append(types, text(t))
		}
	}
	if len(types) == 1 {
		appendEntry(out, "type", source.NewString(types[0]))
	}
	if null {
		appendEntry(out, "x-nullable", newBool(true))
	}
}
