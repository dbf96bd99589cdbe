package exporter

import (
	"slices"

	"github.com/apigw-oas/apigw-oas/source"
)

// The binary semantics of a conversion: which media types an operation
// accepts and produces. Swagger 2.0 lists them in consumes and produces
// (the operation's, else the document's); OpenAPI 3 as the keys of each
// content map. kin-openapi carries a schema across, but an operation
// whose responses have no schema would lose its produces, so the keys are
// set here from what the source document says.

var httpMethods = []string{"get", "put", "post", "delete", "options", "head", "patch", "x-amazon-apigateway-any-method"}

// operations calls f for every operation of a definition, with its path
// and method keys.
func operations(def *source.Node, f func(path, method string, op *source.Node)) {
	paths := def.Lookup("paths")
	if paths == nil || paths.Kind != source.Mapping {
		return
	}
	for i := 0; i < len(paths.Content); i += 2 {
		item := paths.Content[i+1]
		if item.Kind != source.Mapping {
			continue
		}
		for j := 0; j < len(item.Content); j += 2 {
			if method := item.Content[j].Value; slices.Contains(httpMethods, method) && item.Content[j+1].Kind == source.Mapping {
				f(paths.Content[i].Value, method, item.Content[j+1])
			}
		}
	}
}

// operationIn finds the operation at path and method of another tree.
func operationIn(def *source.Node, path, method string) *source.Node {
	item := def.Lookup("paths").Lookup(path)
	if item == nil {
		return nil
	}
	return item.Lookup(method)
}

// stringItems reads a list of strings; nil when absent.
func stringItems(n *source.Node) []string {
	if n == nil || n.Kind != source.Sequence {
		return nil
	}
	var out []string
	for _, item := range n.Content {
		if item.Kind == source.Scalar {
			out = append(out, item.Value)
		}
	}
	return out
}

// contentFrom2 sets the content keys of a converted 3.0 document from the
// Swagger 2.0 source: the request body's from consumes, each response's
// (but 204's and 304's) from produces.
func contentFrom2(out, src *source.Node) {
	rootConsumes, rootProduces := stringItems(src.Lookup("consumes")), stringItems(src.Lookup("produces"))
	operations(out, func(path, method string, op *source.Node) {
		in := operationIn(src, path, method)
		if in == nil {
			return
		}
		consumes, produces := rootConsumes, rootProduces
		if c := in.Lookup("consumes"); c != nil {
			consumes = stringItems(c)
			// An operation's own consumes stands even without a body
			// parameter; OpenAPI 3 says it with a request body.
			if op.Lookup("requestBody") == nil && len(consumes) > 0 {
				op.Set("requestBody", source.NewMapping())
			}
		}
		if p := in.Lookup("produces"); p != nil {
			produces = stringItems(p)
		}
		if body := op.Lookup("requestBody"); body != nil && len(consumes) > 0 {
			setContentKeys(body, consumes)
		}
		responses := op.Lookup("responses")
		if responses == nil || responses.Kind != source.Mapping || len(produces) == 0 {
			return
		}
		for i := 0; i < len(responses.Content); i += 2 {
			if code := responses.Content[i].Value; code != "204" && code != "304" && responses.Content[i+1].Lookup("$ref") == nil {
				setContentKeys(responses.Content[i+1], produces)
			}
		}
	})
}

// setContentKeys makes obj's content map hold exactly the media types
// given, each with the schema of the first entry there was (or none).
func setContentKeys(obj *source.Node, mediaTypes []string) {
	if obj.Kind != source.Mapping {
		return
	}
	content := obj.Lookup("content")
	template := source.NewMapping()
	if content != nil && content.Kind == source.Mapping && len(content.Content) > 0 {
		template = content.Content[1]
	}
	fresh := source.NewMapping()
	for _, mt := range mediaTypes {
		value := template
		if content != nil {
			if existing := content.Lookup(mt); existing != nil {
				value = existing
			}
		}
		fresh.Content = append(fresh.Content, source.NewString(mt), value)
	}
	obj.Set("content", fresh)
}

// mediaTypesFrom3 sets each operation's consumes and produces in a
// converted 2.0 document from the OpenAPI 3 source: every request content
// key, and every response content key of every response (2.0 cannot say
// which response produces which).
func mediaTypesFrom3(out, src *source.Node) {
	operations(out, func(path, method string, op *source.Node) {
		in := operationIn(src, path, method)
		if in == nil {
			return
		}
		consumes := contentKeys(in.Lookup("requestBody"), src)
		var produces []string
		if responses := in.Lookup("responses"); responses != nil && responses.Kind == source.Mapping {
			for i := 1; i < len(responses.Content); i += 2 {
				for _, mt := range contentKeys(responses.Content[i], src) {
					if !slices.Contains(produces, mt) {
						produces = append(produces, mt)
					}
				}
			}
		}
		if len(consumes) > 0 {
			op.Set("consumes", source.NewStringList(consumes))
		}
		if len(produces) > 0 {
			op.Set("produces", source.NewStringList(produces))
		}
		dropEmptySchemas(op.Lookup("responses"))
		dropEmptyBodies(op)
	})
}

// dropEmptySchemas removes the "schema: {}" fillJSONSchemas caused.
func dropEmptySchemas(responses *source.Node) {
	if responses == nil || responses.Kind != source.Mapping {
		return
	}
	for i := 1; i < len(responses.Content); i += 2 {
		r := responses.Content[i]
		if s := r.Lookup("schema"); s != nil && s.Kind == source.Mapping && len(s.Content) == 0 {
			r.Delete("schema")
		}
	}
}

// contentKeys lists the content keys of a request body or response,
// following a local $ref.
func contentKeys(obj, root *source.Node) []string {
	if obj == nil {
		return nil
	}
	if ref := obj.Lookup("$ref"); ref.IsString() && len(ref.Value) > 1 && ref.Value[0] == '#' {
		target, err := root.LookupPointer(ref.Value[1:])
		if err != nil {
			return nil
		}
		obj = target.Value
	}
	content := obj.Lookup("content")
	if content == nil || content.Kind != source.Mapping {
		return nil
	}
	var keys []string
	for i := 0; i < len(content.Content); i += 2 {
		keys = append(keys, content.Content[i].Value)
	}
	return keys
}

// dropEmptyBodies removes the body parameters with an empty schema that
// fillJSONSchemas caused, and the parameters list if nothing is left.
func dropEmptyBodies(op *source.Node) {
	params := op.Lookup("parameters")
	if params == nil || params.Kind != source.Sequence {
		return
	}
	params.Content = slices.DeleteFunc(params.Content, func(p *source.Node) bool {
		s := p.Lookup("schema")
		return p.Lookup("in").IsString() && p.Lookup("in").Value == "body" && s != nil && s.Kind == source.Mapping && len(s.Content) == 0
	})
	if len(params.Content) == 0 {
		op.Delete("parameters")
	}
}
