package serverless

import (
	"strings"

	"github.com/apigw-oas/apigw-oas/importer/internal/read"
	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

// isAbsent reports whether a setting is missing or null, which the
// framework treats alike.
func isAbsent(v read.Value) bool {
	return v.Node == nil || (v.Node.Kind == source.Scalar && v.Node.Tag == source.TagNull)
}

// isTruthy reports whether JavaScript would treat a setting as true, as
// the framework's `if (http.cors)` does. Variables are not: what they hold
// is unknown, and assuming a setting that may be off could report a method
// that is never deployed.
func isTruthy(v read.Value) bool {
	switch {
	case isAbsent(v) || isUnknown(v):
		return false
	case v.Node.Kind != source.Scalar:
		return true
	}
	switch v.Node.Tag {
	case source.TagBool:
		return strings.EqualFold(v.Node.Value, "true")
	case source.TagInt, source.TagFloat:
		return strings.Trim(v.Node.Value, "+-0._") != ""
	}
	return v.Node.Value != ""
}

// deployed is a setting the framework writes without it being written in
// serverless.yml: a default, or part of a generated method. It is Set (it
// exists in what is deployed); Raw is the value the framework writes to
// CloudFormation, and it is placed at the setting that makes the framework
// write it (or the event, for a default).
func deployed[T any](at read.Value, raw string, parsed T) model.Field[T] {
	return read.WithValue(read.Synthesized(at, raw), parsed)
}
