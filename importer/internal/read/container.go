package read

import (
	"fmt"
	"path/filepath"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

// Container is one file that declares APIs around, or instead of, an
// OpenAPI definition: a CloudFormation or SAM template, a serverless.yml, a
// Terraform module file, API Gateway's control-plane JSON. Each format's
// importer reads the file's own settings into it and hands inline or
// referenced OpenAPI bodies to Body.
type Container struct {
	Doc         *source.Document
	Refs        *Refs
	Diagnostics *[]diag.Diagnostic
	APIs        []*model.API
	// Others are files read with this one whose findings those files
	// report themselves: the other .tf files of a Terraform module and the
	// bodies of the APIs they declare. Linting a folder then reports each
	// finding once, from the file where it is written.
	Others map[string]bool
	// Unapplied are settings of the file that reach none of its APIs (SAM's
	// Globals.Api in a template without a REST API it applies to); a file
	// may hold them and no API at all.
	Unapplied []model.Unapplied
	// ReadBody imports an OpenAPI definition the container holds. The
	// facade gives it the OpenAPI importer, so that no format's importer
	// depends on another's.
	ReadBody func(c *Container, v Value) *model.API
}

// Root is the file's root value.
func (c *Container) Root() Value { return Value{Doc: c.Doc, Node: c.Doc.Root} }

// Problem reports input the format does not allow (a Resources section
// that is not a map, events that are not a list) as a syntax error: the
// file cannot be read as what it claims to be.
func (c *Container) Problem(at Value, format string, args ...any) {
	c.Report(diag.Diagnostic{
		Rule: diag.RuleSyntax, Severity: diag.Error, Span: at.KeySpan(), Pointer: at.Ptr,
		Message: fmt.Sprintf(format, args...),
	})
}

// Report adds a diagnostic about the file.
func (c *Container) Report(d diag.Diagnostic) { *c.Diagnostics = append(*c.Diagnostics, d) }

// Add records an API of the file.
func (c *Container) Add(api *model.API) { c.APIs = append(c.APIs, api) }

// Body imports an OpenAPI definition written inline (a CloudFormation
// Body, a SAM DefinitionBody, a Terraform jsonencode body). It returns nil,
// having reported why, when the value is not an OpenAPI definition.
func (c *Container) Body(v Value) *model.API { return c.ReadBody(c, v) }

// File imports an OpenAPI definition from a file a setting names
// (DefinitionUri, Terraform's file()), under the rules $refs follow: a
// relative path to a regular file in the document's folder or below,
// never a URL. It returns nil, having reported why, when it cannot.
func (c *Container) File(at Value, name string) *model.API {
	path, why := c.Refs.allowed(at, name)
	var doc *source.Document
	if why == "" {
		doc, why = c.Refs.load(path, filepath.Join(filepath.Dir(c.Doc.File), filepath.FromSlash(name)))
	}
	if why != "" {
		c.Problem(at, "%q cannot be read: %s", name, why)
		return nil
	}
	return c.Body(Value{Doc: doc, Node: doc.Root})
}
