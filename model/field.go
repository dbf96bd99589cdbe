// Package model is the API Gateway view of an API definition: what kind of
// API it is, its binary media types, and for every operation the media
// types it accepts and produces and how its integration converts payloads.
//
// The model is what rules and the simulator look at; they never see YAML
// or JSON. Every leaf remembers where it was written (a source.Span) and
// under which JSON pointer, so a diagnostic can point at it.
package model

import "github.com/apigw-oas/apigw-oas/source"

// Field is one setting as written in a definition.
type Field[T any] struct {
	Value T      `json:"value"`
	Raw   string `json:"raw"` // the text as written (a scalar's value; "" for mappings and sequences)
	// Tag is the type the value was written as: "!!str", "!!int", "!!map",
	// "!!seq", or a custom tag such as CloudFormation's "!Ref".
	Tag     string      `json:"tag"`
	Set     bool        `json:"-"`
	Pointer string      `json:"pointer"`
	Span    source.Span `json:"span"`
	// Parameter is the CloudFormation template parameter whose Default the
	// value is (written !Ref Parameter; Raw is then the Default): what
	// deploys unless the deploy passes another value.
	Parameter string `json:"parameter,omitempty"`
	// Unknown is set when the value is computed at deploy time (an
	// intrinsic function without a default, a Terraform reference, a
	// Serverless or template ${…} variable): Raw and Tag say what is
	// written, Value is the zero value, and no rule or simulation may take
	// it for what deploys.
	Unknown bool `json:"unknown,omitempty"`
}

// IsString reports whether the field was written as a string.
func (f Field[T]) IsString() bool { return f.Tag == source.TagStr }

// Named is a key of a map-valued setting together with its value, such as
// one entry of requestTemplates ("application/json" → VTL text).
type Named struct {
	Name  Field[string] `json:"name"`
	Value Field[string] `json:"value"`
}
