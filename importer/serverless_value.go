package importer

import (
	"strings"

	"github.com/apigw-oas/apigw-oas/importer/internal/read"
	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

// tagServerless tags a setting written as a Serverless variable, as
// tagTerraform does Terraform's references: its Raw is the text as written,
// but that is not the value deployed, so it is not a string to compare.
const tagServerless = "!serverless"

// isVariable reports whether a value is, or contains, a Serverless
// variable (${self:…}, ${opt:…}, ${env:…}, ${file(…)}, ${ssm:…}, …): the
// framework replaces it at deploy time with something this file does not
// say, so the value is unknown.
func isVariable(v read.Value) bool {
	return v.Node.IsString() && strings.Contains(v.Node.Value, "${")
}

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
	case isAbsent(v) || isVariable(v):
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

// slsStr reads a string setting that may be a Serverless variable.
func slsStr(v read.Value) model.Field[string] {
	f := v.Str()
	if isVariable(v) {
		f.Tag = tagServerless
	}
	return f
}

// markVariables makes entries written as Serverless variables unknown.
func markVariables(entries []model.MediaType) []model.MediaType {
	for i := range entries {
		if entries[i].IsString() && strings.Contains(entries[i].Raw, "${") {
			entries[i].Unknown, entries[i].Tag = true, tagServerless
		}
	}
	return entries
}
