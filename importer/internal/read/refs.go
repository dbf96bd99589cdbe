package read

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/source"
)

// maxRefHops bounds a chain of $refs to $refs, which also stops cycles.
const maxRefHops = 32

// Refs resolves $ref values. Only two kinds are followed: a fragment of the
// same document ("#/components/…") and a relative path to a regular file in
// the document's folder or below it ("shared/integrations.yaml#/aws").
// Anything else — a URL, an absolute path, a path climbing out of the
// folder, a link pointing out of it — is refused with a diagnostic and
// never opened or fetched.
type Refs struct {
	Folder   string // absolute, links resolved; "" forbids file $refs (stdin)
	maxBytes int64
	docs     map[string]*source.Document // files already read, by resolved path
	failed   map[string]string           // files that could not be read, and why
	reported map[*source.Node]bool       // $refs already reported
	diags    *[]diag.Diagnostic
	finder   source.Finder // thousands of $refs lead into one components section
}

func NewRefs(folder string, maxBytes int64, diags *[]diag.Diagnostic) *Refs {
	r := &Refs{
		maxBytes: maxBytes, diags: diags,
		docs: map[string]*source.Document{}, failed: map[string]string{}, reported: map[*source.Node]bool{},
	}
	if folder != "" {
		r.Folder = ResolvePath(folder)
	}
	return r
}

// ResolvePath makes path absolute and resolves symbolic links in it as far
// as they exist, so paths can be compared by prefix.
func ResolvePath(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.Clean(path)
	}
	if resolved, err := filepath.EvalSymlinks(abs); err == nil {
		return resolved
	}
	return abs
}

// Follow resolves v while it is a {"$ref": …} mapping. Same-document
// $refs ("#/…") in definition's file are relative to definition: the
// file's root, or a body inline in a container. On failure it reports a
// diagnostic and returns an absent value.
func (r *Refs) Follow(definition, v Value) Value {
	for hop := 0; ; hop++ {
		ref := v.Get("$ref")
		if !ref.Exists() {
			return v
		}
		if hop == maxRefHops {
			r.report(ref, fmt.Sprintf("$ref chain longer than %d links (a cycle?)", maxRefHops))
			return Value{}
		}
		target, ok := r.resolve(definition, ref)
		if !ok {
			return Value{}
		}
		target.Ptr = v.Ptr // pointers stay in the definition being imported
		v = target
	}
}

// resolve finds the node a $ref names.
func (r *Refs) resolve(definition, ref Value) (Value, bool) {
	if !ref.Node.IsString() {
		r.report(ref, "$ref must be a string")
		return Value{}, false
	}
	text := ref.Node.Value
	file, fragment, err := splitRef(text)
	if err != nil {
		r.report(ref, fmt.Sprintf("$ref %q: %v", text, err))
		return Value{}, false
	}
	doc := ref.Doc
	if file != "" {
		path, why := r.allowed(ref, file)
		if why == "" {
			doc, why = r.load(path, filepath.Join(filepath.Dir(ref.Doc.File), filepath.FromSlash(file)))
		}
		if why != "" {
			r.report(ref, fmt.Sprintf("$ref %q refused: %s", text, why))
			return Value{}, false
		}
	}
	root := doc.Root
	if doc == definition.Doc {
		root = definition.Node
	}
	entry, err := r.finder.Lookup(root, fragment)
	if err != nil {
		r.report(ref, fmt.Sprintf("$ref %q: %v", text, err))
		return Value{}, false
	}
	return Value{Doc: doc, Key: entry.Key, Node: entry.Value}, true
}

// splitRef splits a $ref into its file part and its JSON-pointer fragment,
// both percent-decoded as the URI they are.
func splitRef(text string) (file, fragment string, err error) {
	file, fragment, _ = strings.Cut(text, "#")
	if file, err = url.PathUnescape(file); err != nil {
		return "", "", fmt.Errorf("invalid percent-encoding in the file part")
	}
	if fragment, err = url.PathUnescape(fragment); err != nil {
		return "", "", fmt.Errorf("invalid percent-encoding in the fragment")
	}
	return file, fragment, nil
}

// Vet reports a $ref that must never be followed, wherever it is written,
// without reading the file it names.
func (r *Refs) Vet(ref Value) {
	file, _, err := splitRef(ref.Node.Value)
	if err != nil || file == "" {
		return // reported if the importer follows it
	}
	if _, why := r.allowed(ref, file); why != "" {
		r.report(ref, fmt.Sprintf("$ref %q refused: %s", ref.Node.Value, why))
	}
}

// allowed returns the resolved path of the file a $ref names, or why it
// must not be opened.
func (r *Refs) allowed(ref Value, file string) (path, why string) {
	if u, err := url.Parse(file); err == nil && (u.Scheme != "" || u.Host != "") {
		return "", "it is remote; apigw-oas only reads files beside the document and never fetches"
	}
	if r.Folder == "" {
		return "", "a document read from standard input cannot refer to other files"
	}
	if filepath.IsAbs(file) || strings.HasPrefix(file, "/") || strings.HasPrefix(file, `\`) {
		return "", "it is an absolute path; refer to files beside the document with a relative path"
	}
	path = ResolvePath(filepath.Join(filepath.Dir(ResolvePath(ref.Doc.File)), filepath.FromSlash(file)))
	if !r.contains(path) {
		return "", "it points outside the document's folder"
	}
	return path, ""
}

// load reads and parses a $ref'd file, once, and vets the $refs in it. path
// is where it really is, name how the user would write it (relative to the
// document). Its syntax errors are reported in that file; other failures
// come back as a reason for the $ref's diagnostic.
func (r *Refs) load(path, name string) (*source.Document, string) {
	if d, ok := r.docs[path]; ok {
		return d, ""
	}
	if why, failed := r.failed[path]; failed {
		return nil, why
	}
	d, why, err := r.read(path, name)
	if err != nil {
		*r.diags = append(*r.diags, diag.FromSource(err)...)
	}
	if why != "" {
		r.failed[path] = why
		return nil, why
	}
	r.docs[path] = d
	WalkEntries(d, d.Root, func(k, v *source.Node, tokens []string) {
		if k.Value == "$ref" && v.IsString() {
			r.Vet(Value{Doc: d, Key: k, Node: v, Ptr: source.Pointer(tokens...)})
		}
	})
	return d, ""
}

func (r *Refs) read(path, name string) (*source.Document, string, error) {
	info, err := os.Stat(path)
	switch {
	case err != nil:
		return nil, "no such file", nil
	case !info.Mode().IsRegular(): // a FIFO or device would block or never end
		return nil, "it is not a regular file", nil
	}
	data, err := source.ReadFile(path, r.maxBytes)
	if err != nil {
		return nil, err.(*source.Error).Message, nil
	}
	d, err := source.Parse(name, data)
	if err != nil {
		return nil, "the file cannot be parsed", err
	}
	return d, "", nil
}

// contains reports whether a resolved path lies in the document's folder.
func (r *Refs) contains(path string) bool {
	rel, err := filepath.Rel(r.Folder, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// File returns the root of the file at an absolute path if a $ref may name
// it (a regular file in the document's folder or below), reading it if
// needed; nil otherwise. It reports nothing: it serves readers that come
// after the import, which has already reported every $ref it follows.
func (r *Refs) File(path string) *source.Node {
	if r.Folder == "" {
		return nil
	}
	path = ResolvePath(path)
	if !r.contains(path) {
		return nil
	}
	if d, ok := r.docs[path]; ok {
		return d.Root
	}
	if _, failed := r.failed[path]; failed {
		return nil
	}
	d, why, _ := r.read(path, path)
	if why != "" {
		r.failed[path] = why
		return nil
	}
	r.docs[path] = d
	return d.Root
}

// report adds a diagnostic about a $ref, once per $ref: the scan of the
// whole document and the import may both meet it.
func (r *Refs) report(at Value, msg string) {
	if r.reported[at.Node] {
		return
	}
	r.reported[at.Node] = true
	*r.diags = append(*r.diags, diag.Diagnostic{
		Rule: diag.RuleSyntax, Severity: diag.Error, Message: msg, Span: at.Span(), Pointer: at.Ptr,
	})
}
