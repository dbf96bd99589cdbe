package importer

import (
	"strconv"
	"strings"

	"github.com/apigw-oas/apigw-oas/source"
)

const (
	formatUnknown     = ""
	formatUnsupported = "unsupported"
	formatOpenAPI2    = "openapi-2.0"
)

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
		raw := v.str().Raw
		if major, minor, ok := strings.Cut(raw, "."); ok && major == "3" {
			minor, _, _ = strings.Cut(minor, ".")
			if _, err := strconv.Atoi(minor); err == nil {
				return "openapi-3." + minor, v
			}
		}
		return formatUnsupported, v
	}
	if v := root.get("swagger"); v.exists() {
		if raw := v.str().Raw; raw == "2.0" || raw == "2" {
			return formatOpenAPI2, v
		}
		return formatUnsupported, v
	}
	return formatUnknown, value{}
}

func quote(s string) string { return strconv.Quote(s) }
