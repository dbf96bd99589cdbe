package exporter

import (
	"errors"
	"testing"

	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

// A version conversion of a split definition stops at the first $ref to
// another file; a $ref that is data (an example) does not count.
func TestConvertRefusesSplitDefinitions(t *testing.T) {
	const head = "openapi: 3.0.1\ninfo: {title: t, version: '1'}\n"
	split, err := source.Parse("api.yaml", []byte(head+"paths:\n  /a:\n    x-note: {$ref: other.yaml}\n  /b:\n    $ref: 'paths.yaml#/b'\n"))
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = Convert(split.Root, model.FormatOpenAPI30, ToOpenAPI2)
	var se *SplitError
	if !errors.As(err, &se) || se.Ref != "paths.yaml#/b" || se.Pos.String() != "7:11" {
		t.Errorf("err = %v, want a SplitError for paths.yaml#/b at 7:11", err)
	}
	data, err := source.Parse("api.yaml", []byte(head+"paths: {}\ncomponents:\n  schemas:\n    A: {type: object, example: {$ref: other.yaml}}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := Convert(data.Root, model.FormatOpenAPI30, ToOpenAPI2); err != nil {
		t.Errorf("a $ref in an example stopped the conversion: %v", err)
	}
}
