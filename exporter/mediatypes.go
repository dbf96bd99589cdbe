package exporter

import (
	"slices"

	"github.com/apigw-oas/apigw-oas/source"
)

// The binary semantics of a conversion: which media types an operation
// accepts and produces. Swagger 2.0 lists them in consumes and produces
// (the operation's, else the document's); OpenAPI 3 as the keys of each
// content map. These read them.

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

// contentKeys lists the content keys of a request body or response,
// following a local $ref.
func contentKeys(obj, root *source.Node) []string {
	var keys []string
	eachEntry(localTarget(root, obj).Lookup("content"), func(mt string, _ *source.Node) {
		keys = append(keys, mt)
	})
	return keys
}
