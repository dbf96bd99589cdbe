package patchops

import (
	"fmt"
	"testing"

	"github.com/apigw-oas/apigw-oas/source"
)

// BenchmarkApply applies n operations of each kind that grows a list or a
// mapping: binary media types added to the RestApi, then half of them
// removed, and request templates added to one integration. The time per
// operation must not grow with n (it grew linearly, 22 s for 100k, when
// each operation searched the list).
func BenchmarkApply(b *testing.B) {
	for _, n := range []int{16_000, 64_000} {
		b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) {
			targets := manyOperations(n)
			for b.Loop() {
				b.StopTimer()
				doc, err := source.Parse("base.yaml", []byte(base))
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				if err := Apply(doc.Root, targets); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(3*n), "ns/op-applied")
		})
	}
}

func manyOperations(n int) []Target {
	rest := Target{Kind: RestAPITarget}
	in := Target{Kind: IntegrationTarget, Path: "/images/{id}", Method: "GET"}
	for i := range n {
		rest.Operations = append(rest.Operations, Operation{Op: "add", Path: fmt.Sprintf("/binaryMediaTypes/application~1x-%d", i)})
		in.Operations = append(in.Operations, Operation{Op: "add", Path: fmt.Sprintf("/requestTemplates/application~1x-%d", i), Value: value("$input.body")})
	}
	for i := 0; i < n; i += 2 {
		rest.Operations = append(rest.Operations, Operation{Op: "remove", Path: fmt.Sprintf("/binaryMediaTypes/application~1x-%d", i)})
	}
	return []Target{rest, in}
}
