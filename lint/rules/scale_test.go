package rules

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigw-oas/apigw-oas/exporter"
	"github.com/apigw-oas/apigw-oas/importer"
	"github.com/apigw-oas/apigw-oas/lint"
	"github.com/apigw-oas/apigw-oas/source"
)

// BenchmarkRuleScaling imports, and runs each rule on, a generated
// definition of 1, 4 and 16 times a unit size. A rule's unit is one of its
// own bad examples (testdata/<rule-id>/bad_*, OpenAPI 2.0 or 3.x), the one
// it finds most in, with its paths copied under new names twenty times: the
// rule reports findings at every size, so the path that builds a finding,
// its message and its fix is measured, not only the path that finds
// nothing. With the bytes set, a linear rule shows the same MB/s at every
// size; scripts/bench.sh prints each rule's CPU time (cpu-ns/op, which a
// busy machine disturbs less than ns/op) at 16× over 16 times its CPU time
// at 1×, which stays near 1 for a linear rule, and the findings/op metric
// shows the findings growing with the definition.
func BenchmarkRuleScaling(b *testing.B) {
	const copies = 20
	for _, r := range append([]*lint.Rule{nil}, All...) {
		name, unit := "import", "../../fixtures/oas30-image-service.yaml"
		if r != nil {
			name, unit = r.ID, busiestExample(b, r, copies)
		}
		for _, times := range []int{1, 4, 16} {
			data := scaledDefinition(b, unit, copies*times)
			res := importer.Bytes("scaled.json", data, "", importer.Options{})
			if len(res.APIs) != 1 {
				b.Fatalf("%s: the generated definition imports as %d APIs: %v", unit, len(res.APIs), res.Diagnostics)
			}
			b.Run(fmt.Sprintf("%s/x%d", name, times), func(b *testing.B) {
				b.SetBytes(int64(len(data)))
				findings := 0
				start := cpuTime()
				for b.Loop() {
					if r == nil {
						importer.Bytes("scaled.json", data, "", importer.Options{})
					} else {
						findings = len(lint.File(res, []*lint.Rule{r}, lint.Defaults{}))
					}
				}
				b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
				b.ReportMetric(float64(findings), "findings/op")
			})
		}
	}
}

// busiestExample is the bad example of r, among those that are one
// OpenAPI definition, in whose scaled copy r finds the most; the image
// service fixture, in which most rules find nothing, when r has none
// (sam-globals-api-unused's are SAM templates).
func busiestExample(b *testing.B, r *lint.Rule, copies int) string {
	best, most := "../../fixtures/oas30-image-service.yaml", -1
	examples, _ := filepath.Glob(filepath.Join("testdata", r.ID, "bad_*"))
	for _, path := range examples {
		if !isOpenAPIFile(path) {
			continue
		}
		res := importer.Bytes("scaled.json", scaledDefinition(b, path, copies), "", importer.Options{})
		if len(res.APIs) != 1 {
			continue
		}
		if n := len(lint.File(res, []*lint.Rule{r}, lint.Defaults{})); n > most {
			best, most = path, n
		}
	}
	return best
}

// isOpenAPIFile reports whether path is an OpenAPI 2.0 or 3.x definition
// with paths.
func isOpenAPIFile(path string) bool {
	data, err := os.ReadFile(path)
	if err != nil {
		return false
	}
	doc, err := source.Parse(path, data)
	if err != nil || doc.Root == nil {
		return false
	}
	_, version := doc.Root.Get("openapi")
	if version == nil {
		_, version = doc.Root.Get("swagger")
	}
	_, paths := doc.Root.Get("paths")
	return version != nil && paths != nil && paths.Kind == source.Mapping &&
		(strings.HasPrefix(version.Value, "3.") || version.Value == "2.0")
}

// scaledDefinition writes the OpenAPI definition at path as JSON with its
// paths copied the given number of times under new names; everything else
// (binary media types, components) is kept once.
func scaledDefinition(b *testing.B, path string, copies int) []byte {
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	doc, err := source.Parse(path, data)
	if err != nil {
		b.Fatal(err)
	}
	root, paths := source.NewMapping(), source.NewMapping()
	for i := 0; i < len(doc.Root.Content); i += 2 {
		if doc.Root.Content[i].Value != "paths" {
			root.Content = append(root.Content, doc.Root.Content[i], doc.Root.Content[i+1])
		}
	}
	root.Content = append(root.Content, source.NewString("paths"), paths)
	from := doc.Root.Lookup("paths")
	for c := range copies {
		for i := 0; i < len(from.Content); i += 2 {
			key := fmt.Sprintf("/copy%d%s", c, from.Content[i].Value)
			paths.Content = append(paths.Content, source.NewString(key), from.Content[i+1])
		}
	}
	return exporter.JSON(root)
}
