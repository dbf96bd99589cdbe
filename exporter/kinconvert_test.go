package exporter

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/getkin/kin-openapi/openapi2"
	"github.com/getkin/kin-openapi/openapi2conv"
	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

// kinConvert is how Convert worked before it had a converter of its own: it
// is the reference the equivalence test compares with. kinConvert converts an OpenAPI definition (format is a model.Format
// constant) to OpenAPI 3.0 or Swagger 2.0. kin-openapi converts the
// structure; the binary settings are ours: every consumes/produces media
// type becomes a content key and back, and every x-amazon-apigateway-*
// extension is carried over intact. Keys keep the order they were written
// in where the two versions share them. A conversion to 2.0 also returns
// what 2.0 cannot express (losses); the caller decides whether to write
// the result anyway.
func kinConvert(def *source.Node, format model.Format, to string) (out *source.Node, losses []string, err error) {
	defer func() {
		// kin-openapi's converter dereferences what it expects to find
		// (a document without info); that is bad input, not a crash.
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("kin-openapi cannot convert this document (%v); check it with apigw-oas lint", r)
		}
	}()
	return convertWith(def, format, to, kinTo3, kinTo2)
}

func kinTo3(def *source.Node) (*source.Node, []string, error) {
	if err := hasInfo(def); err != nil {
		return nil, nil, err
	}
	var doc2 openapi2.T
	if err := json.Unmarshal(JSON(withTextVersions(def)), &doc2); err != nil {
		return nil, nil, fmt.Errorf("reading the Swagger 2.0 document: %v", err)
	}
	doc3, err := openapi2conv.ToV3(&doc2)
	if err != nil {
		return nil, nil, fmt.Errorf("converting to OpenAPI 3.0: %v", err)
	}
	out, err := reparse(doc3)
	if err != nil {
		return nil, nil, err
	}
	kinContentFrom2(out, def)
	kinOrderLike(out, def)
	return out, nil, nil
}

func kinTo2(def *source.Node) (*source.Node, []string, error) {
	if err := hasInfo(def); err != nil {
		return nil, nil, err
	}
	losses := lossesTo2(def)
	var doc3 openapi3.T
	if err := json.Unmarshal(JSON(withTextVersions(def)), &doc3); err != nil {
		return nil, nil, fmt.Errorf("reading the OpenAPI 3 document: %v", err)
	}
	if doc3.Components == nil {
		doc3.Components = &openapi3.Components{} // FromV3 expects one
	}
	fillJSONSchemas(&doc3)
	doc2, err := openapi2conv.FromV3(&doc3)
	if err != nil {
		return nil, losses, fmt.Errorf("converting to Swagger 2.0: %v", err)
	}
	out, err := reparse(doc2)
	if err != nil {
		return nil, losses, err
	}
	kinMediaTypesFrom3(out, def)
	kinOrderLike(out, def)
	return out, losses, nil
}

// reparse marshals kin-openapi's document and reads it back as our tree,
// which also gives the output its own copy of every value: kin-openapi's
// converter shares maps (extensions among them) with its input.
func reparse(v any) (*source.Node, error) {
	data, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("writing the converted document: %v", err)
	}
	doc, err := source.Parse("converted.json", data)
	if err != nil {
		return nil, errors.New("reading the converted document back: " + err.Error())
	}
	return doc.Root, nil
}

// withTextVersions returns def with "swagger: 2.0" and an info.version
// written as a number (both common in YAML) as strings, which is what the
// specification says they are and what kin-openapi requires.
func withTextVersions(def *source.Node) *source.Node {
	root := *def
	root.Content = slices.Clone(def.Content)
	for i := 0; i < len(root.Content); i += 2 {
		switch root.Content[i].Value {
		case "swagger", "openapi":
			root.Content[i+1] = kinAsText(root.Content[i+1])
		case "info":
			if info := root.Content[i+1]; info.Kind == source.Mapping {
				copied := *info
				copied.Content = slices.Clone(info.Content)
				for j := 0; j < len(copied.Content); j += 2 {
					if copied.Content[j].Value == "version" {
						copied.Content[j+1] = kinAsText(copied.Content[j+1])
					}
				}
				root.Content[i+1] = &copied
			}
		}
	}
	return &root
}

// fillJSONSchemas gives every request body media type, and every
// application/json response, without a schema an empty one: kin-openapi's
// FromV3 dereferences it. The empty schemas it then writes are removed
// again (dropEmptySchemas).
func fillJSONSchemas(doc *openapi3.T) {
	if doc.Paths == nil {
		return
	}
	for _, item := range doc.Paths.Map() {
		for _, op := range item.Operations() {
			if op.RequestBody != nil && op.RequestBody.Value != nil {
				for _, mt := range op.RequestBody.Value.Content {
					if mt != nil && mt.Schema == nil {
						mt.Schema = &openapi3.SchemaRef{Value: &openapi3.Schema{}}
					}
				}
			}
			if op.Responses == nil {
				continue
			}
			for _, r := range op.Responses.Map() {
				if r.Value == nil {
					continue
				}
				if mt := r.Value.Content["application/json"]; mt != nil && mt.Schema == nil {
					mt.Schema = &openapi3.SchemaRef{Value: &openapi3.Schema{}}
				}
			}
		}
	}
}

// kinContentFrom2 sets the content keys of a converted 3.0 document from the
// Swagger 2.0 source: the request body's from consumes, each response's
// (but 204's and 304's) from produces.
func kinContentFrom2(out, src *source.Node) {
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
			kinSetContentKeys(body, consumes)
		}
		responses := op.Lookup("responses")
		if responses == nil || responses.Kind != source.Mapping || len(produces) == 0 {
			return
		}
		for i := 0; i < len(responses.Content); i += 2 {
			if code := responses.Content[i].Value; code != "204" && code != "304" && responses.Content[i+1].Lookup("$ref") == nil {
				kinSetContentKeys(responses.Content[i+1], produces)
			}
		}
	})
}

// kinSetContentKeys makes obj's content map hold exactly the media types
// given, each with the schema of the first entry there was (or none).
func kinSetContentKeys(obj *source.Node, mediaTypes []string) {
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

// kinMediaTypesFrom3 sets each operation's consumes and produces in a
// converted 2.0 document from the OpenAPI 3 source: every request content
// key, and every response content key of every response (2.0 cannot say
// which response produces which).
func kinMediaTypesFrom3(out, src *source.Node) {
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

// kin-openapi writes keys sorted; a converted document should read like
// its source. kinOrderLike orders every mapping of out like the mapping at
// the same place in src: keys both have in src's order, and a key only out
// has where its counterpart in the other version was (openapi where swagger
// was, requestBody where parameters were); other new keys keep their place
// after those. Sections that move between versions (definitions ↔
// components/schemas, …) are ordered like their kinCounterparts.

// kinCounterparts maps a key of one version to the key of the other it
// replaces.
var kinCounterparts = map[string]string{
	"openapi": "swagger", "swagger": "openapi",
	"servers": "host", "host": "servers", "basePath": "servers", "schemes": "servers",
	"components": "definitions", "definitions": "components",
	"requestBody": "parameters", "content": "schema", "schema": "content",
	"consumes": "requestBody", "produces": "responses",
}

// kinMovedSections pairs a section of OpenAPI 3 with its Swagger 2.0 place.
var kinMovedSections = [][2]string{
	{"/components/schemas", "/definitions"},
	{"/components/parameters", "/parameters"},
	{"/components/responses", "/responses"},
	{"/components/securitySchemes", "/securityDefinitions"},
}

func kinOrderLike(out, src *source.Node) {
	kinOrderNode(out, src)
	for _, pair := range kinMovedSections {
		a, errA := out.LookupPointer(pair[0])
		b, errB := src.LookupPointer(pair[1])
		if errA != nil || errB != nil {
			a, errA = out.LookupPointer(pair[1])
			b, errB = src.LookupPointer(pair[0])
		}
		if errA == nil && errB == nil {
			kinOrderNode(a.Value, b.Value)
		}
	}
}

func kinOrderNode(out, src *source.Node) {
	if out == nil || src == nil || out.Kind != src.Kind {
		return
	}
	switch out.Kind {
	case source.Sequence:
		for i := range min(len(out.Content), len(src.Content)) {
			kinOrderNode(out.Content[i], src.Content[i])
		}
	case source.Mapping:
		kinOrderKeys(out, src)
		for i := 0; i < len(out.Content); i += 2 {
			kinOrderNode(out.Content[i+1], src.Lookup(out.Content[i].Value))
		}
	}
}

// kinOrderKeys sorts out's entries by the position of each key (or its
// counterpart) in src; keys with neither keep their relative order, last.
func kinOrderKeys(out, src *source.Node) {
	position := map[string]int{}
	for i := 0; i < len(src.Content); i += 2 {
		position[src.Content[i].Value] = i / 2
	}
	rank := func(key string) float64 {
		if p, ok := position[key]; ok {
			return float64(p)
		}
		if p, ok := position[kinCounterparts[key]]; ok {
			return float64(p) + 0.5
		}
		return float64(len(position) + 1)
	}
	type entry struct{ key, value *source.Node }
	entries := make([]entry, 0, len(out.Content)/2)
	for i := 0; i < len(out.Content); i += 2 {
		entries = append(entries, entry{out.Content[i], out.Content[i+1]})
	}
	slices.SortStableFunc(entries, func(a, b entry) int {
		ra, rb := rank(a.key.Value), rank(b.key.Value)
		switch {
		case ra < rb:
			return -1
		case ra > rb:
			return 1
		}
		return 0
	})
	for i, e := range entries {
		out.Content[2*i], out.Content[2*i+1] = e.key, e.value
	}
}

func kinAsText(n *source.Node) *source.Node {
	if n.Kind != source.Scalar || (n.Tag != source.TagInt && n.Tag != source.TagFloat) {
		return n
	}
	copied := *n
	copied.Tag = source.TagStr
	return &copied
}
