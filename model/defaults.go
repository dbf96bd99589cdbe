package model

import "github.com/apigw-oas/apigw-oas/source"

// Defaulted is a setting read from a CloudFormation template parameter's
// Default: what deploys unless the deploy passes another value.
type Defaulted struct {
	Parameter string
	Value     string // the Default, as written
	Span      source.Span
	// Binary is set for a binary media type, which decides what happens to
	// bodies of every operation.
	Binary bool
	// Operation is set for a setting that decides how the operation's
	// payloads are converted (integration type, contentHandling,
	// passthroughBehavior); nil for the others.
	Operation *Operation
}

// Defaulted returns every setting of the API read from a parameter's
// Default: binary media types, and each operation's integration settings
// and integration responses.
func (a *API) Defaulted() []Defaulted {
	var out []Defaulted
	add := func(f Field[string], binary bool, op *Operation) {
		if f.Parameter != "" {
			out = append(out, Defaulted{Parameter: f.Parameter, Value: f.Raw, Span: f.Span, Binary: binary, Operation: op})
		}
	}
	for _, e := range a.BinaryMediaTypes.Entries {
		add(e.Field, true, nil)
	}
	for _, op := range a.Operations {
		in := op.Integration
		if in == nil {
			continue
		}
		for _, f := range []Field[string]{text(in.Type), text(in.PassthroughBehavior), text(in.ContentHandling), text(in.ResponseTransferMode)} {
			add(f, false, op)
		}
		for _, f := range []Field[string]{in.URI, in.HTTPMethod} {
			add(f, false, nil)
		}
		for _, t := range append(in.RequestTemplates, in.RequestParameters...) {
			add(t.Value, false, nil)
		}
		for _, r := range in.Responses {
			add(text(r.ContentHandling), false, op)
			for _, f := range []Field[string]{r.Pattern, r.StatusCode} {
				add(f, false, nil)
			}
			for _, t := range r.ResponseTemplates {
				add(t.Value, false, nil)
			}
		}
	}
	return out
}

// text is a field with its parsed value dropped.
func text[T any](f Field[T]) Field[string] {
	return Field[string]{Value: f.Raw, Raw: f.Raw, Tag: f.Tag, Set: f.Set, Pointer: f.Pointer, Span: f.Span, Parameter: f.Parameter}
}
