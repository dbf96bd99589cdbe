package openapi

import (
	"strconv"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/importer/internal/read"
	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

// openAPIVersions maps the major.minor of an "openapi" field to a format.
var openAPIVersions = map[string]model.Format{
	"3.0": model.FormatOpenAPI30, "3.1": model.FormatOpenAPI31, "3.2": model.FormatOpenAPI32,
}

// Detect recognises an OpenAPI definition at root (a file's root or
// a body inline in a container) by its "openapi" or "swagger" field,
// whatever type it was written as: "swagger: 2.0" is a YAML float. A
// definition with both is read as OpenAPI 3, which is what its "openapi"
// field claims. version is absent when root is not OpenAPI; format is ""
// when the version is one apigw-oas does not read.
func Detect(root read.Value) (format model.Format, version read.Value) {
	if root.Node.Kind != source.Mapping {
		return "", read.Value{}
	}
	if v := root.Get("openapi"); v.Exists() {
		return openAPIVersions[majorMinor(v.Str().Raw)], v
	}
	if v := root.Get("swagger"); v.Exists() {
		if raw := v.Str().Raw; raw == "2.0" || raw == "2" {
			return model.FormatOpenAPI2, v
		}
		return "", v
	}
	return "", read.Value{}
}

// UnsupportedVersion reports an OpenAPI version apigw-oas does not read.
func UnsupportedVersion(version read.Value) diag.Diagnostic {
	return diag.Diagnostic{
		Rule: diag.RuleSyntax, Severity: diag.Error, Span: version.Span(), Pointer: version.Ptr,
		Message: "unsupported OpenAPI version " + strconv.Quote(version.Str().Raw) + "; apigw-oas reads swagger 2.0 and openapi 3.0, 3.1 and 3.2",
	}
}

// majorMinor returns "3.1" for "3.1", "3.1.0" or "3.1.1-rc1".
func majorMinor(version string) string {
	dots := 0
	for i, c := range version {
		if c == '.' {
			if dots++; dots == 2 {
				return version[:i]
			}
		}
	}
	return version
}
