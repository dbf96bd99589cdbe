package exporter

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

// TestConvertSurvivesWrongShapes replaces each value of the feature
// definitions in turn by a value of another shape (a string, a list, an
// empty mapping, null) and converts: bad input may convert badly or be
// refused, but never panics.
func TestConvertSurvivesWrongShapes(t *testing.T) {
	for _, c := range []struct {
		file   string
		format model.Format
		to     string
	}{
		{"features.swagger.yaml", model.FormatOpenAPI2, ToOpenAPI3},
		{"features.openapi.yaml", model.FormatOpenAPI30, ToOpenAPI2},
	} {
		data, err := os.ReadFile(filepath.Join("testdata", c.file))
		if err != nil {
			t.Fatal(err)
		}
		def := parse(t, c.file, string(data))
		replacements := []*source.Node{
			source.NewString("x"), newSequence(source.NewString("x")), source.NewMapping(),
			{Kind: source.Scalar, Tag: source.TagNull, Value: "null"},
		}
		var visit func(n *source.Node)
		visit = func(n *source.Node) {
			for i, child := range n.Content {
				if n.Kind == source.Mapping && i%2 == 0 {
					continue // keys
				}
				for _, r := range replacements {
					n.Content[i] = r
					convertWithoutPanic(t, def, c.format, c.to)
				}
				n.Content[i] = child
				visit(child)
			}
		}
		visit(def)
	}
}

func convertWithoutPanic(t *testing.T, def *source.Node, format model.Format, to string) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("Convert panicked (%v) on:\n%s", r, JSON(def))
		}
	}()
	Convert(def, format, to)
}
