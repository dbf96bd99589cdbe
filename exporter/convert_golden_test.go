package exporter

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/apigw-oas/apigw-oas/internal/golden"
)

// TestConvertGoldens converts each feature definition of testdata to the
// other version; the output must equal its golden file beside it
// (APIGW_OAS_UPDATE=1 rewrites them), and converting it back must keep the
// binary semantics.
func TestConvertGoldens(t *testing.T) {
	for _, c := range []struct{ in, to, golden string }{
		{"features.swagger.yaml", ToOpenAPI3, "features.swagger.oas3.yaml"},
		{"features.openapi.yaml", ToOpenAPI2, "features.openapi.oas2.yaml"},
	} {
		t.Run(c.in, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", c.in))
			if err != nil {
				t.Fatal(err)
			}
			api := reimport(t, c.in, data)
			out, losses, err := Convert(api.Definition, api.Format, c.to)
			if err != nil || len(losses) > 0 {
				t.Fatalf("%v %v", err, losses)
			}
			got, err := YAML(out)
			if err != nil {
				t.Fatal(err)
			}
			golden.Compare(t, filepath.Join("testdata", c.golden), got)
			converted := reimport(t, c.golden, got)
			if d := Differences(api, converted); len(d) > 0 {
				t.Errorf("the binary semantics changed: %v", d)
			}
			back := ToOpenAPI3
			if c.to == ToOpenAPI3 {
				back = ToOpenAPI2
			}
			end, _, err := Convert(converted.Definition, converted.Format, back)
			if err != nil {
				t.Fatal(err)
			}
			if d := Differences(api, reimport(t, "end.json", JSON(end))); len(d) > 0 {
				t.Errorf("the round trip changed the binary semantics: %v", d)
			}
		})
	}
}
