package importer

import (
	"fmt"
	"path/filepath"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

// container is one file that declares APIs around, or instead of, an
// OpenAPI definition: a CloudFormation or SAM template, a serverless.yml, a
// Terraform module file, API Gateway's control-plane JSON. Each format's
// importer reads the file's own settings into it and hands inline or
// referenced OpenAPI bodies to body.
type container struct {
	doc   *source.Document
	refs  *refs
	diags *[]diag.Diagnostic
	apis  []*model.API
	// readBody imports an OpenAPI definition the container holds. The
	// facade gives it the OpenAPI importer, so that no format's importer
	// depends on another's.
	readBody func(c *container, v value) *model.API
}

// root is the file's root value.
func (c *container) root() value { return value{doc: c.doc, node: c.doc.Root} }

// problem reports input the format does not allow (a Resources section
// that is not a map, events that are not a list) as a syntax error: the
// file cannot be read as what it claims to be.
func (c *container) problem(at value, format string, args ...any) {
	c.report(diag.Diagnostic{
		Rule: diag.RuleSyntax, Severity: diag.Error, Span: at.keySpan(), Pointer: at.ptr,
		Message: fmt.Sprintf(format, args...),
	})
}

// report adds a diagnostic about the file.
func (c *container) report(d diag.Diagnostic) { *c.diags = append(*c.diags, d) }

// add records an API of the file.
func (c *container) add(api *model.API) { c.apis = append(c.apis, api) }

// body imports an OpenAPI definition written inline (a CloudFormation
// Body, a SAM DefinitionBody, a Terraform jsonencode body). It returns nil,
// having reported why, when the value is not an OpenAPI definition.
func (c *container) body(v value) *model.API { return c.readBody(c, v) }

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
