package exporter

import (
	"errors"
	"fmt"
	"strings"

	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

// Targets of a conversion.
const (
	ToOpenAPI2 = "oas2"
	ToOpenAPI3 = "oas3"
)

// LossError lists what a conversion would lose: 3.x features Swagger 2.0
// cannot express.
type LossError struct{ Losses []string }

func (e *LossError) Error() string {
	return "Swagger 2.0 cannot express " + strings.Join(e.Losses, "; ") + " (--lossy converts anyway and lists each loss)"
}

// Convert converts an OpenAPI definition (format is a model.Format
// constant) to OpenAPI 3.0 or Swagger 2.0, working on the tree: every
// consumes/produces media type becomes a content key and back, every
// x-amazon-apigateway-* extension is carried over intact, and keys keep
// the order they were written in where the two versions share them
// (docs/convert.md lists what changes). A conversion to 2.0 also returns
// what 2.0 cannot express (losses); the caller decides whether to write
// the result anyway.
func Convert(def *source.Node, format model.Format, to string) (out *source.Node, losses []string, err error) {
	return convertWith(def, format, to, to3, to2)
}

// converter is one direction of a conversion; convertWith chooses it.
type converter func(def *source.Node) (*source.Node, []string, error)

// convertWith checks what Convert is asked for and runs the direction it
// needs (the tests run kin-openapi's converter through it as reference).
func convertWith(def *source.Node, format model.Format, to string, to3, to2 converter) (*source.Node, []string, error) {
	crossing := (to == ToOpenAPI3 && format == model.FormatOpenAPI2) ||
		(to == ToOpenAPI2 && (format == model.FormatOpenAPI30 || format == model.FormatOpenAPI31))
	if split := FileRef(def); crossing && split != nil {
		return nil, nil, split
	}
	switch {
	case to == ToOpenAPI3 && format == model.FormatOpenAPI2:
		return to3(def)
	case to == ToOpenAPI2 && (format == model.FormatOpenAPI30 || format == model.FormatOpenAPI31):
		return to2(def)
	case to == ToOpenAPI3 && strings.HasPrefix(string(format), "openapi-3"), to == ToOpenAPI2 && format == model.FormatOpenAPI2:
		return def, nil, nil // already there
	case to != ToOpenAPI2 && to != ToOpenAPI3:
		return nil, nil, fmt.Errorf("unknown target %q: want oas2 or oas3", to)
	}
	return nil, nil, fmt.Errorf("cannot convert %s to %s", format, to)
}

// hasInfo refuses a definition without the info object OpenAPI requires
// (both versions write one, and the converted document would be invalid).
func hasInfo(def *source.Node) error {
	if info := def.Lookup("info"); info == nil || info.Kind != source.Mapping {
		return errors.New("the definition has no info object, which OpenAPI requires; apigw-oas lint lists what else it lacks")
	}
	return nil
}
