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
			appendEntry(out, key, source.DeepCopy(value))
		default:
			if isExtension(key) {
				appendEntry(out, key, source.DeepCopy(value))
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
				appendEntry(out, key, source.DeepCopy(v))
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
		return source.DeepCopy(paths)
	}
	out := source.NewMapping()
	eachEntry(paths, func(path string, item *source.Node) {
		if isExtension(path) {
			appendEntry(out, path, source.DeepCopy(item))
		} else {
			appendEntry(out, path, c.pathItem(item))
		}
	})
	return out
}

func (c *to2Converter) pathItem(item *source.Node) *source.Node {
	if item.Kind != source.Mapping {
		return source.DeepCopy(item)
	}
	out := source.NewMapping()
	eachEntry(item, func(key string, v *source.Node) {
		switch {
		case key == "$ref":
			appendEntry(out, key, source.DeepCopy(v))
		case key == "parameters":
			if params := c.parameters(v); len(params) > 0 {
				appendEntry(out, key, newSequence(params...))
			}
		case slices.Contains(httpMethods, key):
			appendEntry(out, key, c.operation(v))
		case isExtension(key):
			appendEntry(out, key, source.DeepCopy(v))
		}
	})
	return out
}

// operation converts an operation: its request body becomes a body
// parameter (or formData parameters) after its other parameters, the
// body's content keys its consumes, and the content keys of all its
// responses its produces (2.0 cannot say which response produces which).
func (c *to2Converter) operation(op *source.Node) *source.Node {
	if op.Kind != source.Mapping {
		return source.DeepCopy(op)
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
			appendEntry(out, key, source.DeepCopy(v))
		default:
			if isExtension(key) {
				appendEntry(out, key, source.DeepCopy(v))
			}
		}
	})
	addParams()
	return out
}
