package terraform

import (
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/apigw-oas/apigw-oas/importer/internal/read"
	"github.com/apigw-oas/apigw-oas/source"
)

// maxSiblingFiles bounds how many other .tf files of a folder are read.
const maxSiblingFiles = 500

// module is the Terraform module a file belongs to: Terraform merges every
// .tf file of a folder, so local.x, var.x and resources may be declared in
// a file beside the one being imported. Those files are read lazily, only
// to look such names up, and never reported on: linting the folder reports
// each of them in its own turn. Files that do not parse are skipped.
type module struct {
	folder   string // "" when the file has no folder (standard input)
	maxBytes int64
	main     *file
	siblings []*file
	loaded   bool
}

func newModule(folder string, maxBytes int64) *module {
	return &module{folder: folder, maxBytes: maxBytes}
}

// add records the file being imported and builds its tree.
func (m *module) add(doc *source.Document, body *hclsyntax.Body) *file {
	m.main = readFile(doc, body)
	return m.main
}

// all returns the imported file, then the folder's other .tf files.
func (m *module) all() []*file {
	m.find(func(*file) bool { return false })
	return append([]*file{m.main}, m.siblings...)
}

// find calls fn for the imported file, then for the folder's other .tf
// files (read on first need), until fn returns true.
func (m *module) find(fn func(f *file) bool) bool {
	if fn(m.main) {
		return true
	}
	if !m.loaded {
		m.loaded = true
		m.siblings = m.readSiblings()
	}
	for _, f := range m.siblings {
		if fn(f) {
			return true
		}
	}
	return false
}

// readSiblings reads the folder's other .tf files, named as the user
// would (beside the imported file's name), in name order.
func (m *module) readSiblings() []*file {
	if m.folder == "" {
		return nil
	}
	entries, err := os.ReadDir(m.folder)
	if err != nil {
		return nil
	}
	self := read.ResolvePath(m.main.doc.File)
	var names []string
	for _, e := range entries {
		// Only regular files: a link may lead out of the folder, a FIFO
		// would block.
		if e.Type().IsRegular() && strings.EqualFold(filepath.Ext(e.Name()), ".tf") {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	var out []*file
	for _, name := range names[:min(len(names), maxSiblingFiles)] {
		path := filepath.Join(m.folder, name)
		if read.ResolvePath(path) == self {
			continue
		}
		if f := m.readSibling(path, filepath.Join(filepath.Dir(m.main.doc.File), name)); f != nil {
			out = append(out, f)
		}
	}
	return out
}

func (m *module) readSibling(path, name string) *file {
	data, err := source.ReadFile(path, m.maxBytes)
	if err != nil {
		return nil
	}
	doc, err := source.NewDocument(name, data, source.HCL, nil)
	if err != nil {
		return nil
	}
	body, diags := parseHCL(doc)
	if len(diags) > 0 {
		return nil
	}
	return readFile(doc, body)
}

// resource finds a resource in the module, the imported file first.
func (m *module) resource(typ, name string) (r *resource) {
	m.find(func(f *file) bool {
		r = f.resource(typ, name)
		return r != nil
	})
	return r
}

// exprNode is an expression together with its node in its file's tree.
type exprNode struct {
	expr hclsyntax.Expression
	v    read.Value
}

// maxFollowHops bounds a chain of locals referring to locals (a cycle is
// a Terraform error, but must not hang us).
const maxFollowHops = 16

// follow resolves what an expression refers to, as long as it is a
// reference to something written in the module: local.NAME to the local's
// value, var.NAME to the variable's default, TYPE.NAME.ATTR to the
// attribute as the resource sets it (aws_api_gateway_method.get.http_method
// is "GET"). Attributes a resource does not set (id, arn, invoke_arn) are
// computed and stay references. What follow stops at may still be
// unknown: callers read only literals and the calls they understand.
// Variables may be set by the module's caller or a .tfvars file; the
// default is what applies when they are not.
func (m *module) follow(x exprNode) exprNode {
	for hop := 0; hop < maxFollowHops; hop++ {
		next, found := m.target(x.expr)
		if !found {
			return x
		}
		x = next
	}
	return x
}

// target finds the expression a reference names, and its node.
func (m *module) target(e hclsyntax.Expression) (exprNode, bool) {
	if kind, name := namedValue(e); kind != "" {
		return m.lookup(kind, name)
	}
	typ, name, attr := reference(e)
	if typ == "" {
		return exprNode{}, false
	}
	r := m.resource(typ, name)
	if r == nil || r.attr(attr) == nil {
		return exprNode{}, false
	}
	return exprNode{expr: r.attr(attr), v: r.v.Get(attr)}, true
}

// lookup finds a local value or a variable's default in the module.
func (m *module) lookup(kind, name string) (next exprNode, found bool) {
	found = m.find(func(f *file) bool {
		var ok bool
		if kind == "local" {
			next.expr, next.v, ok = f.local(name)
		} else {
			next.expr, next.v, ok = f.variableDefault(name)
		}
		return ok
	})
	return next, found
}

// namedValue returns "local" or "var" and the name of an expression that
// is exactly local.NAME or var.NAME (in Terraform 0.11's "${...}" too).
func namedValue(e hclsyntax.Expression) (kind, name string) {
	t, ok := unwrapExpr(e).(*hclsyntax.ScopeTraversalExpr)
	if !ok || len(t.Traversal) != 2 {
		return "", ""
	}
	root, attr := t.Traversal.RootName(), t.Traversal[1]
	step, ok := attr.(hcl.TraverseAttr)
	if !ok || (root != "local" && root != "var") {
		return "", ""
	}
	return root, step.Name
}
