package importer

import (
	"fmt"
	"path/filepath"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

// container imports one file that declares APIs around, or instead of, an
// OpenAPI definition: a CloudFormation or SAM template, a serverless.yml, a
// Terraform module file, API Gateway's control-plane JSON. Each format's
// importer reads the file's own settings and hands inline or referenced
// OpenAPI bodies to the OpenAPI importer.
type container struct {
	doc  *source.Document
	refs *refs
	res  *Result
}

// root is the file's root value.
func (c *container) root() value { return value{doc: c.doc, node: c.doc.Root} }

// problem reports input the format does not allow (a Resources section
// that is not a map, events that are not a list) as a syntax error: the
// file cannot be read as what it claims to be.
func (c *container) problem(at value, format string, args ...any) {
	c.res.Diagnostics = append(c.res.Diagnostics, diag.Diagnostic{
		Rule: diag.RuleSyntax, Severity: diag.Error, Span: at.keySpan(), Pointer: at.ptr,
		Message: fmt.Sprintf(format, args...),
	})
}

// add records an API of the file.
func (c *container) add(api *model.API) { c.res.APIs = append(c.res.APIs, api) }

// body imports an OpenAPI definition written inline (a CloudFormation
// Body, a SAM DefinitionBody, a Terraform jsonencode body). It returns nil,
// having reported why, when the value is not an OpenAPI definition.
func (c *container) body(v value) *model.API {
	if v.node.Kind != source.Mapping {
		c.problem(v, "the API definition is %s, not an OpenAPI document", describeNode(v.node))
		return nil
	}
	format, version := detectIn(v)
	switch format {
	case formatUnknown:
		c.problem(v, "the API definition has no \"openapi\" or \"swagger\" field")
		return nil
	case formatUnsupported:
		c.problem(version, "unsupported OpenAPI version %q; apigw-oas reads swagger 2.0 and openapi 3.0, 3.1 and 3.2", version.str().Raw)
		return nil
	}
	c.refs.main = v.doc
	api := importOpenAPI(v, format, version, c.refs)
	evaluateEntries(v.doc, api.BinaryMediaTypes.Entries)
	return api
}

// evaluateEntries reads the extension's entries that a template wrote as
// intrinsic functions: a Fn::Join of literals becomes its string, anything
// else is unknown.
func evaluateEntries(doc *source.Document, entries []model.MediaType) {
	for i := range entries {
		e := &entries[i]
		if e.IsString() {
			continue
		}
		at, err := doc.Root.LookupPointer(e.Pointer)
		if err != nil {
			e.Unknown = true
			continue
		}
		*e = propertyEntry(value{doc: doc, key: at.Key, node: at.Value, ptr: e.Pointer}, e.Origin, false)
	}
}

// file imports an OpenAPI definition from a file a setting names
// (DefinitionUri, Terraform's file()), under the rules $refs follow: a
// relative path to a regular file in the document's folder or below,
// never a URL. It returns nil, having reported why, when it cannot.
func (c *container) file(at value, name string) *model.API {
	path, why := c.refs.allowed(at, name)
	var doc *source.Document
	if why == "" {
		doc, why = c.refs.load(path, filepath.Join(filepath.Dir(c.doc.File), filepath.FromSlash(name)))
	}
	if why != "" {
		c.problem(at, "%q cannot be read: %s", name, why)
		return nil
	}
	return c.body(value{doc: doc, node: doc.Root})
}

func describeNode(n *source.Node) string {
	switch n.Kind {
	case source.Mapping:
		return "a mapping"
	case source.Sequence:
		return "a list"
	}
	if n.Tag == source.TagStr {
		return fmt.Sprintf("the string %q", n.Value)
	}
	return "the value " + n.Value
}
