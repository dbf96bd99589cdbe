package importer

import (
	"strconv"
	"strings"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

// openAPIVersions maps the major.minor of an "openapi" field to a format.
var openAPIVersions = map[string]model.Format{
	"3.0": model.FormatOpenAPI30, "3.1": model.FormatOpenAPI31, "3.2": model.FormatOpenAPI32,
}

// detectOpenAPI recognises an OpenAPI definition at root (a file's root or
// a body inline in a container) by its "openapi" or "swagger" field,
// whatever type it was written as: "swagger: 2.0" is a YAML float. A
// definition with both is read as OpenAPI 3, which is what its "openapi"
// field claims. version is absent when root is not OpenAPI; format is ""
// when the version is one apigw-oas does not read.
func detectOpenAPI(root value) (format model.Format, version value) {
	if root.node.Kind != source.Mapping {
		return "", value{}
	}
	if v := root.get("openapi"); v.exists() {
		return openAPIVersions[majorMinor(v.str().Raw)], v
	}
	if v := root.get("swagger"); v.exists() {
		if raw := v.str().Raw; raw == "2.0" || raw == "2" {
			return model.FormatOpenAPI2, v
		}
		return "", v
	}
	return "", value{}
}

// unsupportedVersion reports an OpenAPI version apigw-oas does not read.
func unsupportedVersion(version value) diag.Diagnostic {
	return diag.Diagnostic{
		Rule: diag.RuleSyntax, Severity: diag.Error, Span: version.span(), Pointer: version.ptr,
		Message: "unsupported OpenAPI version " + strconv.Quote(version.str().Raw) + "; apigw-oas reads swagger 2.0 and openapi 3.0, 3.1 and 3.2",
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

// detectContainer recognises the files that declare APIs around or instead
// of an OpenAPI definition, by content: a CloudFormation template has
// Resources (SAM's also the Serverless transform or AWS::Serverless::
// types), a serverless.yml a service with functions or a provider, and
// API Gateway's control-plane JSON its own field names.
func detectContainer(doc *source.Document) model.Container {
	root := value{doc: doc, node: doc.Root}
	if doc.Root.Kind != source.Mapping {
		return ""
	}
	switch {
	case root.get("Resources").exists() || root.get("AWSTemplateFormatVersion").exists():
		if isSAM(root) {
			return model.ContainerSAM
		}
		return model.ContainerCloudFormation
	case root.get("service").exists() && (root.get("functions").exists() || root.get("provider").exists()):
		return model.ContainerServerless
	case root.get("binaryMediaTypes").exists() || root.get("resourceMethods").exists() ||
		(root.get("items").exists() && root.get("items").node.Kind == source.Sequence && hasResourceItems(root.get("items"))):
		return model.ContainerAPIGateway
	}
	return ""
}

// isSAM reports whether a template uses the Serverless transform, or SAM
// resource types without declaring it (SAM's own test inputs do).
func isSAM(root value) bool {
	t := root.get("Transform")
	for _, v := range append(t.items(), t) {
		if v.node != nil && v.node.IsString() && strings.HasPrefix(v.node.Value, "AWS::Serverless") {
			return true
		}
	}
	for _, r := range root.get("Resources").entries() {
		if typ := r.get("Type").node; typ.IsString() && strings.HasPrefix(typ.Value, "AWS::Serverless::") {
			return true
		}
	}
	return false
}

// hasResourceItems reports whether a list looks like get-resources output:
// items with a "path".
func hasResourceItems(items value) bool {
	for _, it := range items.items() {
		if it.get("path").exists() && (it.get("resourceMethods").exists() || it.get("id").exists()) {
			return true
		}
	}
	return false
}
