package exporter

import (
	"os"
	"testing"
)

// BenchmarkConvert converts Stripe's API (../shared/bench) to 2.0 and
// that back to 3.0, with our converter and with kin-openapi's.
func BenchmarkConvert(b *testing.B) {
	data, err := os.ReadFile("../../shared/bench/stripe.json")
	if err != nil {
		b.Skip("../shared/bench is not there")
	}
	api := reimport(b, "stripe.json", data)
	mid, _, _ := Convert(api.Definition, api.Format, ToOpenAPI2)
	midAPI := reimport(b, "mid.json", JSON(mid))
	for _, c := range []struct {
		name    string
		convert func() error
	}{
		{"to2", func() error { _, _, err := Convert(api.Definition, api.Format, ToOpenAPI2); return err }},
		{"to2-kin", func() error { _, _, err := kinConvert(api.Definition, api.Format, ToOpenAPI2); return err }},
		{"to3", func() error { _, _, err := Convert(midAPI.Definition, midAPI.Format, ToOpenAPI3); return err }},
		{"to3-kin", func() error { _, _, err := kinConvert(midAPI.Definition, midAPI.Format, ToOpenAPI3); return err }},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := c.convert(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
