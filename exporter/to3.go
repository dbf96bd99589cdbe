package exporter

import (
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
	keep := func(e error) { // the first error
		if err == nil {
			err = e
		}
	}
	eachEntry(def, func(key string, value *source.Node) {
		switch key {
		case "swagger":
			appendEntry(out, "openapi", source.NewString("3.0.3"))
		case "info":
			appendEntry(out, key, withVersionText(value))
		case "host", "basePath", "schemes":
			if out.Lookup("servers") == nil {
				servers, e := serversOf(def)
				keep(e)
				if servers != nil {
					appendEntry(out, "servers", servers)
				}
			}
		case "paths":
			paths, e := c.paths(value)
			keep(e)
			appendEntry(out, key, paths)
		case "definitions", "parameters", "responses", "securityDefinitions":
			if components == nil {
				components = source.NewMapping()
				appendEntry(out, "components", components)
			}
			keep(c.component(components, key, value))
		case "security", "tags", "externalDocs":
			appendEntry(out, key, source.DeepCopy(value))
		default:
			if isExtension(key) {
				appendEntry(out, key, source.DeepCopy(value))
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
		return source.DeepCopy(paths), nil
	}
	out := source.NewMapping()
	var err error
	eachEntry(paths, func(path string, item *source.Node) {
		if isExtension(path) {
			appendEntry(out, path, source.DeepCopy(item))
			return
		}
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
		return source.DeepCopy(item), nil
	}
	out := source.NewMapping()
	shared := item.Lookup("parameters")
	var err error
	eachEntry(item, func(key string, v *source.Node) {
		switch {
		case key == "$ref":
			appendEntry(out, key, source.DeepCopy(v))
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
			appendEntry(out, key, source.DeepCopy(v))
		}
	})
	return out, err
}

// operation converts an operation. Its body or formData parameters
// (including the path item's it does not override) become its request
// body, written where its parameters were; its consumes and produces
// become the content keys of the request body and responses.
func (c *to3Converter) operation(op, shared *source.Node) (*source.Node, error) {
	if op.Kind != source.Mapping {
		return source.DeepCopy(op), nil
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
			appendEntry(out, key, source.DeepCopy(v))
		default:
			if isExtension(key) {
				appendEntry(out, key, source.DeepCopy(v))
			}
		}
	})
	addBody()
	return out, nil
}
