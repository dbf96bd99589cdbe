package serverless

import (
	"strings"

	"github.com/apigw-oas/apigw-oas/importer/internal/read"
	"github.com/apigw-oas/apigw-oas/model"
)

// Unknown values: Serverless variables are resolved when the framework
// deploys, so a setting that holds one is unknown here. It keeps its text,
// tagged variableTag, and is never guessed.

// variableTag tags a setting written as a Serverless variable, as
// the Terraform importer tags references: its Raw is the text as written,
// but that is not the value deployed, so it is not a string to compare.
const variableTag = "!serverless"

// isUnknown reports whether a value is, or contains, a Serverless
// variable (${self:…}, ${opt:…}, ${env:…}, ${file(…)}, ${ssm:…}, …): the
// framework replaces it at deploy time with something this file does not
// say, so the value is unknown.
func isUnknown(v read.Value) bool {
	return v.Node.IsString() && strings.Contains(v.Node.Value, "${")
}

// str reads a string setting that may be a Serverless variable.
func str(v read.Value) model.Field[string] {
	f := v.Str()
	if isUnknown(v) {
		f.Tag, f.Unknown = variableTag, true
	}
	return f
}

// markUnknown makes entries written as Serverless variables unknown.
func markUnknown(entries []model.MediaType) []model.MediaType {
	for i := range entries {
		if entries[i].IsString() && strings.Contains(entries[i].Raw, "${") {
			entries[i].Unknown, entries[i].Tag = true, variableTag
		}
	}
	return entries
}
