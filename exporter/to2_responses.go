package exporter

import "github.com/apigw-oas/apigw-oas/source"

func (c *to2Converter) responses(responses *source.Node) *source.Node {
	if responses.Kind != source.Mapping {
		return source.DeepCopy(responses)
	}
	out := source.NewMapping()
	eachEntry(responses, func(code string, r *source.Node) {
		if isExtension(code) {
			appendEntry(out, code, source.DeepCopy(r))
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
		return source.DeepCopy(r)
	}
	out := describedResponse(r)
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
			appendEntry(out, key, source.DeepCopy(v))
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
			appendEntry(examples, mt, source.DeepCopy(example))
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
		return source.DeepCopy(headers)
	}
	out := source.NewMapping()
	eachEntry(headers, func(name string, h *source.Node) {
		h = localTarget(c.def, h)
		header := source.NewMapping()
		eachEntry(h, func(key string, v *source.Node) {
			switch {
			case key == "description" || isExtension(key):
				appendEntry(header, key, source.DeepCopy(v))
			case key == "schema":
				typeFields(header, v, c.def)
			}
		})
		appendEntry(out, name, header)
	})
	return out
}
