package rules

import (
	"fmt"
	"os"
	"testing"

	"github.com/apigw-oas/apigw-oas/exporter"
	"github.com/apigw-oas/apigw-oas/importer"
	"github.com/apigw-oas/apigw-oas/lint"
	"github.com/apigw-oas/apigw-oas/source"
)

// BenchmarkRuleScaling imports, and runs each rule on, a generated
// definition of 1, 4 and 16 times a unit size: OpenAPI 3.0 fixtures'
// paths, copied under new names, ten times for the unit. With the bytes set, a rule whose
// cost is linear in the definition shows the same MB/s at every size;
// scripts/bench.sh prints each rule's time at 16× over 16 times its time
// at 1×, which stays near 1 for a linear rule.
func BenchmarkRuleScaling(b *testing.B) {
	sizes := []int{1, 4, 16}
	valid := []string{"oas30-cors-wildcard.json", "oas30-image-service.yaml"}
	// One invalid path makes openapi-invalid hand the whole definition to
	// kin-openapi, its slow path.
	invalid := append(valid, "oas30-terraform-template.yaml")
	for _, r := range append([]*lint.Rule{nil}, All...) {
		for _, times := range sizes {
			fixtures := valid
			name := "import"
			if r != nil {
				name = r.ID
			}
			if r == OpenAPIInvalid {
				fixtures = invalid
			}
			data := scaledDefinition(b, fixtures, 10*times)
			res := importer.Bytes("scaled.json", data, "", importer.Options{})
			if len(res.APIs) != 1 {
				b.Fatalf("the generated definition imports as %d APIs: %v", len(res.APIs), res.Diagnostics)
			}
			b.Run(fmt.Sprintf("%s/x%d", name, times), func(b *testing.B) {
				b.SetBytes(int64(len(data)))
				for b.Loop() {
					if r == nil {
						importer.Bytes("scaled.json", data, "", importer.Options{})
					} else {
						lint.File(res, []*lint.Rule{r}, lint.Defaults{})
					}
				}
			})
		}
	}
}

// scaledDefinition writes an OpenAPI 3.0 definition holding copies times
// the paths of the fixtures named, and their components.
func scaledDefinition(b *testing.B, names []string, copies int) []byte {
	var fixtures []*source.Node
	for _, name := range names {
		data, err := os.ReadFile("../../fixtures/" + name)
		if err != nil {
			b.Fatal(err)
		}
		doc, err := source.Parse(name, data)
		if err != nil {
			b.Fatal(err)
		}
		fixtures = append(fixtures, doc.Root)
	}
	root := source.NewMapping()
	paths, components := source.NewMapping(), source.NewMapping()
	for i := 0; i < len(fixtures[0].Content); i += 2 {
		if key := fixtures[0].Content[i].Value; key != "paths" && key != "components" {
			root.Content = append(root.Content, fixtures[0].Content[i], fixtures[0].Content[i+1])
		}
	}
	root.Content = append(root.Content, source.NewString("paths"), paths, source.NewString("components"), components)
	for c := range copies {
		for f, fixture := range fixtures {
			from := fixture.Lookup("paths")
			for i := 0; i < len(from.Content); i += 2 {
				key := fmt.Sprintf("/copy%d-%d%s", c, f, from.Content[i].Value)
				paths.Content = append(paths.Content, source.NewString(key), from.Content[i+1])
			}
		}
	}
	for _, fixture := range fixtures {
		from := fixture.Lookup("components")
		for i := 0; from != nil && i < len(from.Content); i += 2 {
			section := components.Lookup(from.Content[i].Value)
			if section == nil {
				section = source.NewMapping()
				components.Content = append(components.Content, from.Content[i], section)
			}
			for j := 0; j < len(from.Content[i+1].Content); j += 2 {
				if section.Lookup(from.Content[i+1].Content[j].Value) == nil {
					section.Content = append(section.Content, from.Content[i+1].Content[j:j+2]...)
				}
			}
		}
	}
	return exporter.JSON(root)
}
