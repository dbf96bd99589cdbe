package exporter

import (
	"slices"

	"github.com/apigw-oas/apigw-oas/source"
)

// responses converts an operation's responses: each response's content
// keys are the operation's produces (the document's when it has none),
// except for 204 and 304, which have no body.
func (c *to3Converter) responses(responses *source.Node, produces []string) *source.Node {
	if responses.Kind != source.Mapping {
		return source.DeepCopy(responses)
	}
	out := source.NewMapping()
	eachEntry(responses, func(code string, r *source.Node) {
		switch {
		case isExtension(code):
			appendEntry(out, code, source.DeepCopy(r))
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
		return source.DeepCopy(r)
	}
	out := describedResponse(r)
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
			appendEntry(out, key, source.DeepCopy(v))
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
			appendEntry(entry, "schema", source.DeepCopy(schema))
		}
		if example := r.Lookup("examples").Lookup(mt); example != nil {
			appendEntry(entry, "example", source.DeepCopy(example))
		}
		appendEntry(out, mt, entry)
	}
	return out
}

// headersTo3 converts a response's headers: type fields become a schema.
func headersTo3(headers *source.Node) *source.Node {
	if headers.Kind != source.Mapping {
		return source.DeepCopy(headers)
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
				appendEntry(header, key, source.DeepCopy(v))
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
