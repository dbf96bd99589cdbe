package exporter

import (
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/apigw-oas/apigw-oas/source"
)

// lossesTo2 lists what an OpenAPI 3 definition says that Swagger 2.0
// cannot: each loss names where it is.
func lossesTo2(def *source.Node) []string {
	var losses []string
	add := func(format string, args ...any) { losses = append(losses, fmt.Sprintf(format, args...)) }
	if def.Lookup("components").Lookup("x-amazon-apigateway-integrations") != nil {
		add("integrations shared through components.x-amazon-apigateway-integrations (an HTTP API feature)")
	}
	if def.Lookup("webhooks") != nil {
		add("webhooks (OpenAPI 3.1)")
	}
	if paths := serverPaths(def.Lookup("servers")); len(paths) > 1 {
		add("servers with different base paths (%v); 2.0 has one basePath", paths)
	}
	walkDefinition(def, "", func(pointer, key string, v *source.Node) {
		switch {
		case key == "type" && v.Kind == source.Sequence:
			add("a type list at %s (OpenAPI 3.1)", pointer)
		case key == "oneOf" || key == "anyOf" || key == "not":
			add("%s at %s", key, pointer)
		case key == "callbacks":
			add("callbacks at %s", pointer)
		case key == "links":
			add("links at %s", pointer)
		case key == "in" && v.Kind == source.Scalar && v.Value == "cookie":
			add("a cookie parameter at %s", pointer)
		case key == "trace" && strings.HasPrefix(pointer, "/paths/") && strings.Count(pointer, "/") == 3:
			add("a trace operation at %s", pointer)
		case key == "type" && v.Kind == source.Scalar && v.Value == "openIdConnect":
			add("an openIdConnect security scheme at %s", pointer)
		case key == "flows" && v.Kind == source.Mapping && v.Len() > 1:
			add("OAuth2 flows besides the first at %s (2.0 has one flow per scheme)", pointer)
		}
	})
	operations(def, func(path, method string, op *source.Node) {
		if n := len(contentSchemas(op.Lookup("requestBody"))); n > 1 {
			add("request bodies of %s %s with %d different schemas; 2.0 has one body schema", method, path, n)
		}
	})
	return losses
}

// serverPaths lists the distinct base paths of a servers list.
func serverPaths(servers *source.Node) []string {
	var paths []string
	if servers == nil || servers.Kind != source.Sequence {
		return nil
	}
	for _, s := range servers.Content {
		if s.Lookup("url") == nil {
			continue
		}
		u, err := url.Parse(serverURL(s))
		p := "/"
		if err == nil && u.Path != "" {
			p = u.Path
		}
		if !slices.Contains(paths, p) {
			paths = append(paths, p)
		}
	}
	return paths
}

// contentSchemas lists the distinct schemas (as written) of a request
// body's content.
func contentSchemas(body *source.Node) []string {
	content := body.Lookup("content")
	if content == nil || content.Kind != source.Mapping {
		return nil
	}
	var schemas []string
	for i := 1; i < len(content.Content); i += 2 {
		s := string(JSON(orEmpty(content.Content[i].Lookup("schema"))))
		if !slices.Contains(schemas, s) {
			schemas = append(schemas, s)
		}
	}
	return schemas
}

func orEmpty(n *source.Node) *source.Node {
	if n == nil {
		return source.NewMapping()
	}
	return n
}

// walkDefinition calls f for every mapping entry of the document, with the
// entry's pointer, except in values that are data rather than OpenAPI
// objects.
func walkDefinition(n *source.Node, pointer string, f func(pointer, key string, v *source.Node)) {
	switch n.Kind {
	case source.Mapping:
		for i := 0; i < len(n.Content); i += 2 {
			key := n.Content[i].Value
			if holdsData(key, pointer) {
				continue
			}
			p := pointer + "/" + source.EscapeToken(key)
			f(p, key, n.Content[i+1])
			walkDefinition(n.Content[i+1], p, f)
		}
	case source.Sequence:
		for i, item := range n.Content {
			walkDefinition(item, fmt.Sprintf("%s/%d", pointer, i), f)
		}
	}
}

// holdsData reports whether key, in the mapping at pointer, holds data:
// examples, enums, schema defaults (a responses map's "default" is a
// response) and extensions.
func holdsData(key, pointer string) bool {
	switch {
	case key == "example" || key == "examples" || key == "enum" || strings.HasPrefix(key, "x-"):
		return true
	case key == "default":
		return !strings.HasSuffix(pointer, "/responses")
	}
	return false
}
