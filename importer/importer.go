// Package importer finds the API Gateway APIs in a file and builds their
// model. It recognises the file's format by its content (its name, for
// Terraform) and hands it to that format's reader: OpenAPI 2.0 and 3.x,
// CloudFormation and SAM templates, serverless.yml, Terraform, and API
// Gateway's control-plane JSON.
package importer

import (
	"io"
	"path/filepath"
	"strings"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/importer/internal/apigateway"
	"github.com/apigw-oas/apigw-oas/importer/internal/cloudformation"
	"github.com/apigw-oas/apigw-oas/importer/internal/openapi"
	"github.com/apigw-oas/apigw-oas/importer/internal/read"
	"github.com/apigw-oas/apigw-oas/importer/internal/serverless"
	"github.com/apigw-oas/apigw-oas/importer/internal/terraform"
	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

// Options tune an import.
type Options struct {
	// MaxBytes is the largest file read (source.DefaultMaxBytes when 0).
	MaxBytes int64
	// Cache, when set, keeps the Terraform files parsed for one import
	// for the next imports of the same run (NewCache): a module's files are
	// read with each of its files. Imports may share it concurrently.
	Cache *Cache
}

// Cache remembers parsed files across the imports of one run; nil
// remembers nothing.
type Cache struct{ terraform *terraform.Cache }

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{terraform: terraform.NewCache()} }

func (o Options) terraformCache() *terraform.Cache {
	if o.Cache == nil {
		return nil
	}
	return o.Cache.terraform
}

func (o Options) maxBytes() int64 {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return source.DefaultMaxBytes
}

// Result is what one file holds.
type Result struct {
	File string
	// Doc is the parsed file; nil when it could not be parsed.
	Doc *source.Document
	// Format is the OpenAPI version of a standalone OpenAPI file; "" for
	// any other file.
	Format model.Format
	// Container is the kind of file that declares APIs around, or instead
	// of, OpenAPI (a CloudFormation template, a serverless.yml, …); "" for
	// any other file.
	Container model.Container
	APIs      []*model.API
	// Diagnostics are problems reading the file: syntax errors, refused or
	// broken $refs, an unsupported version. They are all errors.
	Diagnostics []diag.Diagnostic
	// Unapplied are settings the file writes for APIs that it does not
	// hold, so the deployment tool drops them (see model.Unapplied).
	Unapplied []model.Unapplied
	// ModuleCalls are the folders of the local Terraform modules a .tf
	// file's module calls, whose files its import read with the caller's
	// arguments (absolute, links resolved).
	ModuleCalls []string
	// ModuleInputs is the folder (absolute, links resolved) of a Terraform
	// module read without its caller, whose APIs are its input variables
	// (var.rest_api_id), "" otherwise. Linted with a file whose
	// ModuleCalls hold the folder, the caller's reading is the one to keep.
	ModuleInputs string
	refs         *read.Refs
	others       map[string]bool // see Owns
}

// Owns reports whether a finding in the named file is this file's to
// report. A Terraform file is read with the other .tf files of its module
// (folder), whose settings may complete its APIs; what those files declare
// is theirs to report, so linting the folder reports each finding once and
// linting one file reports its own.
func (r *Result) Owns(file string) bool { return !r.others[file] }

// Location is the file's absolute path, against which relative $refs are
// resolved; "" for standard input.
func (r *Result) Location() string {
	if r.refs == nil || r.refs.Folder == "" {
		return ""
	}
	return read.ResolvePath(r.File)
}

// Referenced returns the root of another file, given by absolute path, if
// a $ref in this file may name it (see read.Refs); nil otherwise. It lets later
// readers, such as OpenAPI validation, follow $refs under the importer's
// rules. It must not be called concurrently for one Result.
func (r *Result) Referenced(path string) *source.Node {
	if r.refs == nil {
		return nil
	}
	return r.refs.File(path)
}

// IsDefinition reports whether the file is an API definition apigw-oas
// reads: a standalone OpenAPI file or a container.
func (r *Result) IsDefinition() bool { return r.Format != "" || r.Container != "" }

// RequireDefinition reports a file that was read but holds no API
// definition, for commands given files by name; a directory walk skips such
// files quietly instead.
func (r *Result) RequireDefinition() {
	if r.Doc != nil && !r.IsDefinition() && len(r.Diagnostics) == 0 {
		r.Diagnostics = append(r.Diagnostics, diag.Diagnostic{
			Rule: diag.RuleSyntax, Severity: diag.Error, Span: source.Span{File: r.File},
			Message: notADefinition(r.Doc),
		})
	}
}

func notADefinition(doc *source.Document) string {
	if doc.Syntax == source.HCL {
		return "not an API definition: the file declares no aws_api_gateway_rest_api or aws_apigatewayv2_api resource"
	}
	return "not an API definition: the document has no \"openapi\" or \"swagger\" field at its root, and is not a CloudFormation or SAM template, a serverless.yml or API Gateway's control-plane JSON"
}

// File reads and imports one file.
func File(path string, opts Options) *Result {
	data, err := source.ReadFile(path, opts.maxBytes())
	if err != nil {
		return &Result{File: path, Diagnostics: diag.FromSource(err)}
	}
	return Bytes(path, data, filepath.Dir(path), opts)
}

// FileIf imports a file when keep accepts its first headBytes bytes
// (source.ReadFileIf): nil when it does not, or when the path is not a
// regular file.
func FileIf(path string, opts Options, headBytes int, keep func(head []byte) bool) *Result {
	data, kept, err := source.ReadFileIf(path, opts.maxBytes(), headBytes, keep)
	switch {
	case !kept:
		return nil
	case err != nil:
		return &Result{File: path, Diagnostics: diag.FromSource(err)}
	}
	return Bytes(path, data, filepath.Dir(path), opts)
}

// Reader imports a document read from r (standard input). It cannot refer
// to other files.
func Reader(name string, r io.Reader, opts Options) *Result {
	data, err := source.ReadAll(name, r, opts.maxBytes())
	if err != nil {
		return &Result{File: name, Diagnostics: diag.FromSource(err)}
	}
	return Bytes(name, data, "", opts)
}

// Bytes imports a document whose $ref files must lie within folder ("" to
// forbid file $refs).
func Bytes(name string, data []byte, folder string, opts Options) *Result {
	if strings.EqualFold(filepath.Ext(name), ".tf") || terraform.IsJSON(name) {
		return importTerraform(name, data, folder, opts)
	}
	res := &Result{File: name}
	doc, err := source.Parse(name, data)
	res.Diagnostics = diag.FromSource(err)
	if doc == nil || doc.Root == nil || err != nil {
		if d, ok := templated(name, data); ok {
			res.Diagnostics = []diag.Diagnostic{d}
			return res
		}
	}
	if doc == nil || doc.Root == nil {
		return res
	}
	// A document with duplicate keys is still imported (its last keys win)
	// so users see everything wrong with it at once.
	return importDocument(res, doc, folder, opts)
}

// Parsed imports a YAML or JSON document that source.Parse returned
// without error and that has not changed since: what Bytes does after
// parsing, for a caller that parsed the bytes already.
func Parsed(doc *source.Document, folder string, opts Options) *Result {
	return importDocument(&Result{File: doc.File}, doc, folder, opts)
}

func importDocument(res *Result, doc *source.Document, folder string, opts Options) *Result {
	res.Doc = doc
	r := read.NewRefs(folder, opts.maxBytes(), &res.Diagnostics)
	res.refs = r
	root := read.Value{Doc: doc, Node: doc.Root}
	format, version := openapi.Detect(root)
	kind := detectContainer(doc)
	if format != "" || kind != "" {
		// a definition whose placeholders parsed as text is not one yet
		if d, ok := templatedScalar(doc); ok {
			res.Diagnostics = append(res.Diagnostics, d)
			return res
		}
	}
	switch {
	case !version.Exists():
		if kind != "" {
			res.Container = kind
			c := res.container()
			containerImporters[kind](c)
			res.APIs, res.Unapplied = c.APIs, c.Unapplied
			diag.Sort(res.Diagnostics)
		}
		return res
	case format == "":
		res.Diagnostics = append(res.Diagnostics, openapi.UnsupportedVersion(version))
		return res
	}
	res.Format = format
	res.APIs = []*model.API{openapi.Import(root, format, version, r, false)}
	diag.Sort(res.Diagnostics)
	return res
}

// container is where a container's importer puts what it reads.
func (r *Result) container() *read.Container {
	return &read.Container{Doc: r.Doc, Refs: r.refs, Diagnostics: &r.Diagnostics, ReadBody: openapi.Body}
}

// importTerraform reads a Terraform file. Only resources declared in this
// file become APIs, so linting a module folder reports each API once; the
// folder's other .tf files are read only to resolve local.x and var.x.
func importTerraform(name string, data []byte, folder string, opts Options) *Result {
	res := &Result{File: name}
	doc, body, diags := terraform.Parse(name, data, opts.terraformCache())
	if len(diags) > 0 {
		res.Diagnostics = diags
		return res
	}
	res.Doc = doc
	res.refs = read.NewRefs(folder, opts.maxBytes(), &res.Diagnostics)
	c := res.container()
	tf := terraform.Import(c, body, folder, opts.maxBytes(), opts.terraformCache())
	if tf.Definition {
		res.Container = model.ContainerTerraform
	}
	res.ModuleCalls, res.ModuleInputs = tf.Calls, tf.Inputs
	res.APIs, res.others = c.APIs, c.Others
	diag.Sort(res.Diagnostics)
	return res
}

// containerImporters read the formats detectContainer recognises.
var containerImporters = map[model.Container]func(c *read.Container){
	model.ContainerCloudFormation: cloudformation.Import,
	model.ContainerSAM:            cloudformation.Import, // SAM templates are CloudFormation templates
	model.ContainerServerless:     serverless.Import,
	model.ContainerAPIGateway:     apigateway.Import,
}
