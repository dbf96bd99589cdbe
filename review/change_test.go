package review

import (
	"encoding/base64"
	"testing"

	"github.com/apigw-oas/apigw-oas/matrix"
)

func TestClassify(t *testing.T) {
	out := func(status int, form Form) *Outcome { return &Outcome{Status: status, Form: form} }
	cases := []struct {
		name     string
		old, new *Outcome
		want     Change
	}{
		{"bytes become base64", out(200, Intact), out(200, Base64), Regression},
		{"a passing request is rejected", out(200, Base64), out(500, Rejected), Regression},
		{"mangled text becomes base64", out(200, Mangled), out(200, Base64), Fix},
		{"a 500 becomes the bytes", out(500, Rejected), out(200, Intact), Fix},
		{"a 415 becomes a 500", out(415, Rejected), out(500, Rejected), Neutral},
		{"the same form and status, whatever the rule", &Outcome{Status: 200, Form: Intact, Rule: "response-table-13"}, &Outcome{Status: 200, Form: Intact, Rule: "response-table-14"}, None},
		{"an operation only the new side has", nil, out(200, Intact), None},
	}
	for _, c := range cases {
		if got := classify(c.old, c.new); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

func TestFormOf(t *testing.T) {
	png := binaryPayload
	b64 := []byte(base64.StdEncoding.EncodeToString(png))
	cases := []struct {
		name      string
		status    int
		action    matrix.Action
		templated bool
		got, sent []byte
		want      Form
	}{
		{"the bytes as sent", 200, matrix.Unchanged, false, png, png, Intact},
		{"base64 of the bytes", 200, matrix.Base64Encode, false, b64, png, Base64},
		{"read as UTF-8", 200, matrix.AsText, false, []byte("\uFFFDPNG"), png, Mangled},
		{"an error", 500, matrix.Rejected, false, nil, png, Rejected},
		{"base64 into a template", 200, matrix.Base64Encode, true, []byte(`{"scan": "..."}`), png, Base64},
		{"binary read as UTF-8 into a template", 200, matrix.AsText, true, []byte(`{"scan": "..."}`), png, Mangled},
		{"JSON into a template", 200, matrix.AsText, true, []byte(`{"wrapped": {}}`), textPayload, Intact},
	}
	for _, c := range cases {
		if got := formOf(c.status, c.action, c.templated, c.got, c.sent); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}
