package exporter

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi2"
	"github.com/getkin/kin-openapi/openapi2conv"
	"github.com/getkin/kin-openapi/openapi3"

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
// constant) to OpenAPI 3.0 or Swagger 2.0. kin-openapi converts the
// structure; the binary settings are ours: every consumes/produces media
// type becomes a content key and back, and every x-amazon-apigateway-*
// extension is carried over intact. Keys keep the order they were written
// in where the two versions share them. A conversion to 2.0 also returns
// what 2.0 cannot express (losses); the caller decides whether to write
// the result anyway.
func Convert(def *source.Node, format model.Format, to string) (out *source.Node, losses []string, err error) {
	defer func() {
		// kin-openapi's converter dereferences what it expects to find
		// (a document without info); that is bad input, not a crash.
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("kin-openapi cannot convert this document (%v); check it with apigw-oas lint", r)
		}
	}()
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

func to3(def *source.Node) (*source.Node, []string, error) {
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
	contentFrom2(out, def)
	orderLike(out, def)
	return out, nil, nil
}

func to2(def *source.Node) (*source.Node, []string, error) {
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
	mediaTypesFrom3(out, def)
	orderLike(out, def)
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
			root.Content[i+1] = asText(root.Content[i+1])
		case "info":
			if info := root.Content[i+1]; info.Kind == source.Mapping {
				copied := *info
				copied.Content = slices.Clone(info.Content)
				for j := 0; j < len(copied.Content); j += 2 {
					if copied.Content[j].Value == "version" {
						copied.Content[j+1] = asText(copied.Content[j+1])
					}
				}
				root.Content[i+1] = &copied
			}
		}
	}
	return &root
}

func asText(n *source.Node) *source.Node {
	if n.Kind != source.Scalar || (n.Tag != source.TagInt && n.Tag != source.TagFloat) {
		return n
	}
	copied := *n
	copied.Tag = source.TagStr
	return &copied
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

// hasInfo refuses a definition without the info object kin-openapi's
// converter dereferences.
func hasInfo(def *source.Node) error {
	if info := def.Lookup("info"); info == nil || info.Kind != source.Mapping {
		return errors.New("the definition has no info object, which OpenAPI requires; apigw-oas lint lists what else it lacks")
	}
	return nil
}
