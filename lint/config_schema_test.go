package lint

import (
	"strings"
	"testing"

	"github.com/apigw-oas/apigw-oas/source"
)

// What the schema rejects is reported at the value that breaks it, so a
// configuration the decoder accepts but the schema does not (the two have
// drifted) fails with a position.
func TestCheckSchema(t *testing.T) {
	for src, want := range map[string]string{
		"fail-on: error\n": "",
		"rules:\n  media-type-duplicate: {severity: loud}\n": "2:36: error: the configuration does not match its schema (docs/config.schema.json): value must be one of 'error', 'warning', 'info', 'off'",
		"colour: red\n": "1:1: error: the configuration does not match its schema (docs/config.schema.json): additional properties 'colour' not allowed",
		"ignore:\n  - {rule: config, reason: '', files: x}\n": "2:28: error: the configuration does not match its schema (docs/config.schema.json): minLength: got 0, want 1",
	} {
		doc, err := source.Parse("c.yaml", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		var got strings.Builder
		for _, d := range checkSchema(doc) {
			got.WriteString(d.String())
		}
		if want == "" && got.Len() > 0 || !strings.Contains(got.String(), want) {
			t.Errorf("%q: %q, want %q", src, got.String(), want)
		}
	}
}
