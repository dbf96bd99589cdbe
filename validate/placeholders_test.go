package validate

import (
	"testing"

	"github.com/apigw-oas/apigw-oas/source"
)

// TestReplacePlaceholders: each ${…}, nested ones too, becomes plain text,
// and braces that are not a placeholder's stay.
func TestReplacePlaceholders(t *testing.T) {
	for in, want := range map[string]string{
		"https://${domain}/{basePath}":         "https://placeholder/{basePath}",
		"${self:custom.${opt:stage}}-images":   "placeholder-images",
		"arn:${AWS::Partition}:s3:::${Bucket}": "arn:placeholder:s3:::placeholder",
		"no placeholder {here}":                "no placeholder {here}",
		"unclosed ${oops":                      "unclosed placeholder",
	} {
		if got := replacePlaceholders(in); got != want {
			t.Errorf("replacePlaceholders(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestWithoutPlaceholders: a field whose value is a placeholder is left
// out, a list entry that is one keeps its index as {}, and the input tree
// is not changed.
func TestWithoutPlaceholders(t *testing.T) {
	def := parse(t, "a.yaml", "a: ${x}\nb: ['${y}', keep]\nc: 'https://${h}/v1'\nd: same\ne: '${a}-${b}'\n")
	got := withoutPlaceholders(def)
	if got.Lookup("a") != nil {
		t.Errorf("a placeholder field is kept: %v", got.Lookup("a"))
	}
	if b := got.Lookup("b"); b.Content[0].Kind != source.Mapping || b.Content[1].Value != "keep" {
		t.Errorf("list: got %v", b.Content)
	}
	if c := got.Lookup("c").Value; c != "https://placeholder/v1" {
		t.Errorf("c = %q", c)
	}
	if e := got.Lookup("e"); e == nil || e.Value != "placeholder-placeholder" {
		t.Errorf("two placeholders are one string, not a placeholder: e = %v", e)
	}
	if got.Lookup("d") != def.Lookup("d") {
		t.Error("an unchanged value is copied")
	}
	if def.Lookup("a") == nil || def.Lookup("c").Value != "https://${h}/v1" {
		t.Error("the input tree was changed")
	}
}

// TestWithoutIntrinsicsKeepsSubTemplates: a Fn::Sub, in each of its forms,
// becomes its template; any other intrinsic a placeholder.
func TestWithoutIntrinsicsKeepsSubTemplates(t *testing.T) {
	def := parse(t, "a.yaml", `short: !Sub 'https://${Domain}/{basePath}'
list: !Sub ['https://${D}/x', {D: example.com}]
long: {Fn::Sub: 'arn:${AWS::Region}'}
ref: !Ref Name
`)
	got := WithoutIntrinsics(def)
	for key, want := range map[string]string{
		"short": "https://${Domain}/{basePath}", "list": "https://${D}/x",
		"long": "arn:${AWS::Region}", "ref": "${intrinsic}",
	} {
		if v := got.Lookup(key); !v.IsString() || v.Value != want {
			t.Errorf("%s = %v, want the string %q", key, v, want)
		}
	}
}
