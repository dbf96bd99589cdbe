package exporter

import (
	"slices"

	"github.com/apigw-oas/apigw-oas/source"
)

// kin-openapi writes keys sorted; a converted document should read like
// its source. orderLike orders every mapping of out like the mapping at
// the same place in src: keys both have in src's order, and a key only out
// has where its counterpart in the other version was (openapi where swagger
// was, requestBody where parameters were); other new keys keep their place
// after those. Sections that move between versions (definitions ↔
// components/schemas, …) are ordered like their counterparts.

// counterparts maps a key of one version to the key of the other it
// replaces.
var counterparts = map[string]string{
	"openapi": "swagger", "swagger": "openapi",
	"servers": "host", "host": "servers", "basePath": "servers", "schemes": "servers",
	"components": "definitions", "definitions": "components",
	"requestBody": "parameters", "content": "schema", "schema": "content",
	"consumes": "requestBody", "produces": "responses",
}

// movedSections pairs a section of OpenAPI 3 with its Swagger 2.0 place.
var movedSections = [][2]string{
	{"/components/schemas", "/definitions"},
	{"/components/parameters", "/parameters"},
	{"/components/responses", "/responses"},
	{"/components/securitySchemes", "/securityDefinitions"},
}

func orderLike(out, src *source.Node) {
	orderNode(out, src)
	for _, pair := range movedSections {
		a, errA := out.LookupPointer(pair[0])
		b, errB := src.LookupPointer(pair[1])
		if errA != nil || errB != nil {
			a, errA = out.LookupPointer(pair[1])
			b, errB = src.LookupPointer(pair[0])
		}
		if errA == nil && errB == nil {
			orderNode(a.Value, b.Value)
		}
	}
}

func orderNode(out, src *source.Node) {
	if out == nil || src == nil || out.Kind != src.Kind {
		return
	}
	switch out.Kind {
	case source.Sequence:
		for i := range min(len(out.Content), len(src.Content)) {
			orderNode(out.Content[i], src.Content[i])
		}
	case source.Mapping:
		orderKeys(out, src)
		for i := 0; i < len(out.Content); i += 2 {
			orderNode(out.Content[i+1], src.Lookup(out.Content[i].Value))
		}
	}
}

// orderKeys sorts out's entries by the position of each key (or its
// counterpart) in src; keys with neither keep their relative order, last.
func orderKeys(out, src *source.Node) {
	position := map[string]int{}
	for i := 0; i < len(src.Content); i += 2 {
		position[src.Content[i].Value] = i / 2
	}
	rank := func(key string) float64 {
		if p, ok := position[key]; ok {
			return float64(p)
		}
		if p, ok := position[counterparts[key]]; ok {
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
