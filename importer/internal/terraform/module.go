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

// maxModuleDepth bounds how deep local module calls are followed (a
// module calling itself is a Terraform error, but must not hang us).
const maxModuleDepth = 8

// module is the Terraform module a file belongs to: Terraform merges every
// .tf file of a folder, so local.x, var.x and resources may be declared in
// a file beside the one being imported. Those files are read lazily, only
// to look such names up. Files that do not parse are skipped.
//
// A module block whose source is a local folder ("./cors", "../modules/x")
// calls another module: its files are read too, their var.x being the
// block's arguments, evaluated in the caller (the enable-cors modules add
// OPTIONS methods to the caller's API this way).
type module struct {
	folder   string // "" when the file has no folder (standard input)
	display  string // the folder as the user would write it
	maxBytes int64
	main     *file // the imported file; nil in a called module
	siblings []*file
	loaded   bool
	// For a called module: its caller, the module block with the file it
	// is in, and the prefix that keeps its resources' names apart
	// ("module.cors.").
	parent   *module
	call     *hclsyntax.Block
	callFile *file
	prefix   string
	depth    int
	children []*module
	budget   *budget // shared by the imported file's module and those it calls
	cache    *Cache  // the run's parsed files; nil parses each time
}

func newModule(folder string, maxBytes int64, cache *Cache) *module {
	return &module{folder: folder, maxBytes: maxBytes, budget: &budget{left: source.MaxNodes}, cache: cache}
}

// add records the file being imported and builds its tree.
func (m *module) add(doc *source.Document, body *hclsyntax.Body) *file {
	m.budget.take(doc.File, doc.Src) // checked by Parse on its own
	m.display = filepath.Dir(doc.File)
	m.main = m.own(readFile(doc, body))
	return m.main
}

// own makes a file's resources the module's.
func (m *module) own(f *file) *file {
	for _, r := range f.resources {
		r.mod = m
	}
	return f
}

// all returns the imported file, then the folder's other .tf files.
func (m *module) all() []*file {
	m.find(func(*file) bool { return false })
	if m.main == nil {
		return m.siblings
	}
	return append([]*file{m.main}, m.siblings...)
}

// everyFile returns the module's files, then those of the local modules
// it calls, depth first.
func (m *module) everyFile() []*file {
	out := m.all()
	for _, c := range m.modules() {
		out = append(out, c.everyFile()...)
	}
	return out
}

// modules returns the local modules the module calls, read on first need.
func (m *module) modules() []*module {
	if m.children != nil || m.folder == "" || m.depth >= maxModuleDepth {
		return m.children
	}
	m.children = []*module{}
	for _, f := range m.all() {
		for _, blk := range f.calls {
			path, known := knownString(f.root().Get("module").Get(blk.Labels[0]).Get("source"))
			if !known || !(strings.HasPrefix(path, "./") || strings.HasPrefix(path, "../")) {
				continue // the registry, git or a computed source: not read
			}
			m.children = append(m.children, &module{
				folder: filepath.Join(m.folder, filepath.FromSlash(path)), display: filepath.Join(m.display, filepath.FromSlash(path)),
				maxBytes: m.maxBytes, budget: m.budget, cache: m.cache,
				parent: m, call: blk, callFile: f, prefix: m.prefix + "module." + blk.Labels[0] + ".", depth: m.depth + 1,
			})
		}
	}
	return m.children
}

// calledFolders returns the folders of the local modules that from calls
// (every file of the module, when nil), directly or through others
// (absolute, links resolved).
func (m *module) calledFolders(from *file) []string {
	var out []string
	for _, c := range m.modules() {
		if from == nil || c.callFile == from {
			out = append(out, read.ResolvePath(c.folder))
			out = append(out, c.calledFolders(nil)...)
		}
	}
	return out
}

// find calls fn for the imported file, then for the folder's other .tf
// files (read on first need), until fn returns true.
func (m *module) find(fn func(f *file) bool) bool {
	if m.main != nil && fn(m.main) {
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

// readSiblings reads the folder's .tf and .tf.json files other than the
// imported one, named as the user would (beside the imported file's
// name), in name order.
func (m *module) readSiblings() []*file {
	if m.folder == "" {
		return nil
	}
	entries, err := os.ReadDir(m.folder)
	if err != nil {
		return nil
	}
	// A sibling is a regular file, not a link: its path with links
	// resolved is the folder's, resolved once, and its name.
	folder, self := read.ResolvePath(m.folder), ""
	if m.main != nil {
		self = read.ResolvePath(m.main.doc.File)
	}
	var names []string
	for _, e := range entries {
		// Only regular files: a link may lead out of the folder, a FIFO
		// would block.
		if e.Type().IsRegular() && (strings.EqualFold(filepath.Ext(e.Name()), ".tf") || IsJSON(e.Name())) {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	// The files this import claims are parsed first, those another
	// import is parsing are waited for after: two imports of one module
	// at once share the parses out instead of waiting in turn.
	var siblings []sibling
	for _, name := range names[:min(len(names), maxSiblingFiles)] {
		path := filepath.Join(m.folder, name)
		if filepath.Join(folder, name) == self {
			continue
		}
		if s, ok := m.readSibling(path, filepath.Join(m.display, name)); ok {
			siblings = append(siblings, s)
		}
	}
	var out []*file
	for _, s := range siblings {
		if body, diags := s.parse.result(s.doc); len(diags) == 0 {
			out = append(out, m.own(readFile(s.doc, body)))
		}
	}
	return out
}

// sibling is a sibling file read, its parse claimed (and done) or under
// way in another import.
type sibling struct {
	doc   *source.Document
	parse *parsed
}

func (m *module) readSibling(path, name string) (sibling, bool) {
	data, err := source.ReadFile(path, m.maxBytes)
	if err != nil || !m.budget.take(name, data) {
		return sibling{}, false
	}
	doc, err := source.NewDocument(name, data, source.HCL, nil)
	if err != nil {
		return sibling{}, false
	}
	p, mine := m.cache.claim(doc)
	if mine {
		p.parse(doc)
	}
	return sibling{doc, p}, true
}

// resource finds a resource in the module, the imported file first.
func (m *module) resource(typ, name string) (r *resource) {
	m.find(func(f *file) bool {
		r = f.resource(typ, name)
		return r != nil
	})
	return r
}

// exprNode is an expression together with its node in its file's tree,
// and the module it is evaluated in (nil: the one following it).
type exprNode struct {
	expr hclsyntax.Expression
	v    read.Value
	mod  *module
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
	if x.mod == nil {
		x.mod = m
	}
	for hop := 0; hop < maxFollowHops && x.expr != nil; hop++ {
		next, found := x.mod.target(x.expr)
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
	return exprNode{expr: r.attr(attr), v: r.v.Get(attr), mod: m}, true
}

// lookup finds a local value or a variable's value in the module: for a
// called module, the argument its caller passes, else the default.
func (m *module) lookup(kind, name string) (next exprNode, found bool) {
	if kind == "var" && m.call != nil {
		if a := m.call.Body.Attributes[name]; a != nil {
			v := m.callFile.root().Get("module").Get(m.call.Labels[0]).Get(name)
			return exprNode{expr: a.Expr, v: v, mod: m.parent}, true
		}
	}
	next.mod = m
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
