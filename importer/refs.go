package importer

import (
	"fmt"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/source"
)

// maxRefHops bounds a chain of $refs to $refs, which also stops cycles.
const maxRefHops = 32

// refs resolves $ref values. Only two kinds are followed: a fragment of the
// same document ("#/components/…") and a relative path to a file in the
// document's folder or below it ("shared/integrations.yaml#/aws"). Anything
// else — a URL, an absolute path, a path climbing out of the folder — is
// refused with a diagnostic and never opened or fetched.
type refs struct {
	root     string // the folder $ref files must stay inside ("" for stdin)
	maxBytes int64
	docs     map[string]*source.Document // files already read, by path
	failed   map[string]bool             // files that could not be read
	reported map[*source.Node]bool       // $refs already reported
	diags    *[]diag.Diagnostic
}

func newRefs(root string, maxBytes int64, diags *[]diag.Diagnostic) *refs {
	return &refs{
		root: root, maxBytes: maxBytes, diags: diags,
		docs: map[string]*source.Document{}, failed: map[string]bool{}, reported: map[*source.Node]bool{},
	}
}

// follow resolves v while it is a {"$ref": …} mapping. On failure it reports
// a diagnostic and returns an absent value.
func (r *refs) follow(v value) value {
	for hop := 0; ; hop++ {
		ref := v.get("$ref")
		if !ref.exists() {
			return v
		}
		if hop == maxRefHops {
			r.report(ref, fmt.Sprintf("$ref chain longer than %d links (a cycle?)", maxRefHops))
			return value{}
		}
		target, ok := r.resolve(ref)
		if !ok {
			return value{}
		}
		target.ptr = v.ptr // pointers stay in the definition being imported
		v = target
	}
}

// resolve finds the node a $ref names.
func (r *refs) resolve(ref value) (value, bool) {
	text := ref.str().Raw
	if !ref.node.IsString() {
		r.report(ref, "$ref must be a string")
		return value{}, false
	}
	file, fragment, _ := strings.Cut(text, "#")
	doc := ref.doc
	if file != "" {
		if why := r.refusal(ref, file); why != "" {
			r.report(ref, fmt.Sprintf("$ref %q refused: %s", text, why))
			return value{}, false
		}
		var err error
		if doc, err = r.load(r.pathOf(ref, file)); err != nil {
			r.report(ref, fmt.Sprintf("$ref %q: %v", text, err))
			return value{}, false
		}
	}
	entry, err := doc.Root.LookupPointer(fragment)
	if err != nil {
		r.report(ref, fmt.Sprintf("$ref %q: %v", text, err))
		return value{}, false
	}
	return value{doc: doc, key: entry.Key, node: entry.Value}, true
}

// refusal says why the file a $ref names must not be opened, or "".
func (r *refs) refusal(ref value, file string) string {
	if why := r.refuse(file); why != "" {
		return why
	}
	if !r.inside(r.pathOf(ref, file)) {
		return "it points outside the document's folder"
	}
	return ""
}

// pathOf is the path of a file named by a $ref, relative to its document.
func (r *refs) pathOf(ref value, file string) string {
	return filepath.Join(filepath.Dir(ref.doc.File), filepath.FromSlash(file))
}

// refuse says why a $ref to file must not be opened whatever the folder.
func (r *refs) refuse(file string) string {
	if u, err := url.Parse(file); err == nil && (u.Scheme != "" || u.Host != "") {
		return "it is remote; apigw-oas only reads files beside the document and never fetches"
	}
	if r.root == "" {
		return "a document read from standard input cannot refer to other files"
	}
	if filepath.IsAbs(file) || strings.HasPrefix(file, "/") || strings.HasPrefix(file, `\`) {
		return "it is an absolute path; refer to files beside the document with a relative path"
	}
	return ""
}

// inside reports whether path, with symbolic links resolved, lies within
// the root folder.
func (r *refs) inside(path string) bool {
	root, err := filepath.EvalSymlinks(r.root)
	if err != nil {
		root = r.root
	}
	if resolved, err := filepath.EvalSymlinks(path); err == nil {
		path = resolved
	}
	rel, err := filepath.Rel(root, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

func (r *refs) load(path string) (*source.Document, error) {
	path = filepath.Clean(path)
	if d, ok := r.docs[path]; ok {
		return d, nil
	}
	if r.failed[path] {
		return nil, fmt.Errorf("%s could not be read", path)
	}
	data, err := source.ReadFile(path, r.maxBytes)
	var d *source.Document
	if err == nil {
		d, err = source.Parse(path, data)
	}
	if err != nil {
		r.failed[path] = true
		*r.diags = append(*r.diags, diag.FromSource(err)...)
		return nil, fmt.Errorf("%s could not be read", path)
	}
	r.docs[path] = d
	return d, nil
}

// report adds a diagnostic about a $ref, once per $ref: the scan of the
// whole document and the import may both meet it.
func (r *refs) report(at value, msg string) {
	if r.reported[at.node] {
		return
	}
	r.reported[at.node] = true
	*r.diags = append(*r.diags, diag.Diagnostic{
		Rule: diag.RuleSyntax, Severity: diag.Error, Message: msg, Span: at.span(), Pointer: at.ptr,
	})
}

// vet reports a $ref that must never be followed, wherever it is written,
// without reading the file it names.
func (r *refs) vet(ref value) {
	file, _, _ := strings.Cut(ref.node.Value, "#")
	if file == "" {
		return
	}
	if why := r.refusal(ref, file); why != "" {
		r.report(ref, fmt.Sprintf("$ref %q refused: %s", ref.node.Value, why))
	}
}
