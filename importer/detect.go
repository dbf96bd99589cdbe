package importer

import (
	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

const (
	formatUnknown     = ""
	formatUnsupported = "unsupported"
)

// openAPIVersions maps the major.minor of an "openapi" field to a format.
var openAPIVersions = map[string]string{
	"3.0": model.FormatOpenAPI30, "3.1": model.FormatOpenAPI31, "3.2": model.FormatOpenAPI32,
}

// detect recognises an OpenAPI document by its root "openapi" or "swagger"
// field, whatever type it was written as: "swagger: 2.0" is a YAML float.
// A document with both is read as OpenAPI 3, which is what its "openapi"
// field claims.
func detect(doc *source.Document) (format string, version value) {
	root := value{doc: doc, node: doc.Root}
	if doc.Root.Kind != source.Mapping {
		return formatUnknown, value{}
	}
	if v := root.get("openapi"); v.exists() {
		if format, ok := openAPIVersions[majorMinor(v.str().Raw)]; ok {
			return format, v
		}
		return formatUnsupported, v
	}
	if v := root.get("swagger"); v.exists() {
		if raw := v.str().Raw; raw == "2.0" || raw == "2" {
			return model.FormatOpenAPI2, v
		}
		return formatUnsupported, v
	}
	return formatUnknown, value{}
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
