package lint

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/importer"
	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

// A fix whose edit lands in another file than the one linted (a body a
// template's DefinitionUri names, a .tf file of a module) is judged, and
// the linted file linted again after it, by importing the linted file as if
// the edited file held its new text. The importer reads the files a
// definition refers to from disk, so the files the import involves are
// copied into a temporary folder, in the same layout, with the new texts in
// place; the names in what comes back are mapped to the real files.

// overlay is the text some files have now, by the names imports give them.
type overlay map[string][]byte

// mirror is a temporary copy of the files one import involves.
type mirror struct {
	dir  string            // the temporary folder
	base string            // the absolute folder it stands for
	real map[string]string // absolute path in the copy → the file's name
}

// importOverlay imports res's file as if the files in texts (res's file
// among them, or not) held those texts. root, when set, is copied too, so
// that a fix found in the copy can be checked against it: the second
// result is root's name in the copy. The caller removes the copy
// (m.remove).
func importOverlay(res *importer.Result, texts overlay, root string, opts importer.Options) (*importer.Result, *mirror, string, error) {
	files := involvedFiles(res)
	for name := range texts {
		files = append(files, name)
	}
	m, err := newMirror(files, root, texts, opts)
	if err != nil {
		return nil, nil, "", err
	}
	file := m.copyOf(res.File)
	text, ok := texts[res.File]
	if !ok {
		text = res.Doc.Src
	}
	copyRoot := ""
	if root != "" {
		copyRoot = m.copyOf(root)
	}
	return importer.Bytes(file, text, filepath.Dir(file), opts), m, copyRoot, nil
}

// involvedFiles are the files an import read that its APIs or findings
// name: the file, its bodies, the files their $refs reach, and for
// Terraform the .tf files of each module folder named (locals and
// variables files are named by nothing the model keeps).
func involvedFiles(res *importer.Result) []string {
	seen := map[string]bool{res.File: true}
	for _, api := range res.APIs {
		if api.DefinitionDoc != nil {
			seen[api.DefinitionDoc.File] = true
		}
		spanFiles(reflect.ValueOf(api), seen)
	}
	for _, d := range res.Diagnostics {
		seen[d.Span.File] = true
	}
	delete(seen, "")
	for name := range seen {
		if isTerraformFile(name) {
			for _, sibling := range terraformFiles(filepath.Dir(name)) {
				seen[sibling] = true
			}
		}
	}
	files := make([]string, 0, len(seen))
	for name := range seen {
		files = append(files, name)
	}
	slices.Sort(files)
	return files
}

var (
	spanType     = reflect.TypeFor[source.Span]()
	nodeType     = reflect.TypeFor[*source.Node]()
	documentType = reflect.TypeFor[*source.Document]()
)

// spanFiles adds the file of every span in a model value (not the trees
// it keeps, whose nodes name no file).
func spanFiles(v reflect.Value, seen map[string]bool) {
	switch {
	case v.Type() == spanType:
		seen[v.Interface().(source.Span).File] = true
		return
	case v.Type() == nodeType || v.Type() == documentType:
		return
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			spanFiles(v.Elem(), seen)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			spanFiles(v.Field(i), seen)
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			spanFiles(v.Index(i), seen)
		}
	}
}

// terraformFiles are the regular .tf and .tf.json files of a folder.
func terraformFiles(dir string) []string {
	entries, _ := os.ReadDir(dir)
	var out []string
	for _, e := range entries {
		if e.Type().IsRegular() && isTerraformFile(e.Name()) {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	return out
}

// newMirror copies the files (the texts given, else what is on disk) into
// a temporary folder, below the folder they all lie in, and root's place
// among them.
func newMirror(files []string, root string, texts overlay, opts importer.Options) (*mirror, error) {
	abs := make([]string, len(files))
	var folders []string
	for i, name := range files {
		abs[i] = resolvedPath(name)
		folders = append(folders, filepath.Dir(abs[i]))
	}
	if root != "" {
		folders = append(folders, root)
	}
	base := commonFolder(folders)
	dir, err := os.MkdirTemp("", "apigw-oas-fix-")
	if err != nil {
		return nil, err
	}
	dir = resolvedPath(dir)
	m := &mirror{dir: dir, base: base, real: map[string]string{}}
	for i, name := range files {
		text, ok := texts[name]
		if !ok {
			if text, err = source.ReadFile(name, maxBytesOf(opts)); err != nil {
				continue // the import could not read it either
			}
		}
		if err := m.write(abs[i], name, text); err != nil {
			m.remove()
			return nil, err
		}
	}
	return m, nil
}

func (m *mirror) write(abs, name string, text []byte) error {
	copyPath := m.copyOf(abs)
	if err := os.MkdirAll(filepath.Dir(copyPath), 0o700); err != nil {
		return err
	}
	m.real[copyPath] = name
	return os.WriteFile(copyPath, text, 0o600)
}

// copyOf is where a file is in the copy.
func (m *mirror) copyOf(name string) string {
	rel, _ := filepath.Rel(m.base, resolvedPath(name))
	return filepath.Join(m.dir, rel)
}

// realName is the name of the file a name in the copy stands for.
func (m *mirror) realName(name string) string {
	abs, _ := filepath.Abs(name)
	if real, ok := m.real[abs]; ok {
		return real
	}
	if rel, err := filepath.Rel(m.dir, abs); err == nil && !strings.HasPrefix(rel, "..") {
		return filepath.Join(m.base, rel)
	}
	return name
}

// rename gives findings made in the copy the real files' names.
func (m *mirror) rename(ds []diag.Diagnostic) {
	for i := range ds {
		d := &ds[i]
		d.Span.File = m.realName(d.Span.File)
		d.Related = slices.Clone(d.Related)
		for j := range d.Related {
			d.Related[j].Span.File = m.realName(d.Related[j].Span.File)
		}
		if d.Fix != nil {
			d.Fix.File, d.Fix.Origin = m.realName(d.Fix.File), m.realName(d.Fix.Origin)
		}
	}
}

func (m *mirror) remove() { _ = os.RemoveAll(m.dir) }

// resolvedPath is a path made absolute with the links in it resolved, as
// far as they exist: how folders are compared.
func resolvedPath(name string) string {
	abs, err := filepath.Abs(name)
	if err != nil {
		return filepath.Clean(name)
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		return real
	}
	return abs
}

// commonFolder is the deepest folder all the absolute folders lie in.
func commonFolder(folders []string) string {
	base := folders[0]
	for _, p := range folders[1:] {
		for !within(p, base) {
			parent := filepath.Dir(base)
			if parent == base {
				break
			}
			base = parent
		}
	}
	return base
}

// within reports whether path lies in folder or below it (both absolute).
func within(path, folder string) bool {
	rel, err := filepath.Rel(folder, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// faithful reports whether the copy reads as the real files do: every API
// the same, spans aside. Only then does what the copy says after a fix
// speak for the real files.
func faithful(real, copied []*model.API) error {
	if len(real) != len(copied) {
		return fmt.Errorf("a copy of the files it reads declares %d APIs, not %d", len(copied), len(real))
	}
	for i := range real {
		if fingerprint(real[i]) != fingerprint(copied[i]) {
			return fmt.Errorf("a copy of the files it reads does not read as the files do")
		}
	}
	return nil
}
