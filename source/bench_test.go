package source

import (
	"os"
	"testing"
)

// BenchmarkParse reads the large public descriptions of ../shared/bench:
// the cost of Parse on JSON and YAML of several megabytes.
func BenchmarkParse(b *testing.B) {
	for _, name := range []string{"api.github.com.apigw.json", "api.github.com.yaml"} {
		b.Run(name, func(b *testing.B) {
			data, err := os.ReadFile("../../shared/bench/" + name)
			if err != nil {
				b.Skipf("benchmark input not available: %v", err)
			}
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Parse(name, data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
