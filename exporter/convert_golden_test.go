package exporter

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
			compareGolden(t, filepath.Join("testdata", c.golden), got)
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

func compareGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if os.Getenv("APIGW_OAS_UPDATE") != "" {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs from the output (APIGW_OAS_UPDATE=1 rewrites it):\n%s", path, lineDiff(string(want), string(got)))
	}
}

// lineDiff shows the first lines where two texts differ.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range max(len(w), len(g)) {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return fmt.Sprintf("line %d:\n- %s\n+ %s", i+1, a, b)
		}
	}
	return ""
}
