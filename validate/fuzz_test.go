package validate

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/apigw-oas/apigw-oas/source"
)

// FuzzValidate: any document that parses is validated without a panic,
// and every problem's pointer is well formed.
func FuzzValidate(f *testing.F) {
	seeds, _ := filepath.Glob("../fixtures/*.*")
	more, _ := filepath.Glob("../lint/rules/testdata/openapi-invalid/*.yaml")
	for _, path := range append(seeds, more...) {
		if data, err := os.ReadFile(path); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := source.Parse("fuzz.yaml", data)
		if err != nil || doc.Root == nil || doc.Root.Kind != source.Mapping {
			return
		}
		for _, p := range append(OpenAPI3(doc.Root, "", nil), Swagger2(doc.Root)...) {
			if _, err := source.SplitPointer(p.Pointer); err != nil {
				t.Fatalf("bad pointer %q: %v", p.Pointer, err)
			}
			if p.Message == "" {
				t.Fatalf("empty message at %q", p.Pointer)
			}
		}
	})
}
