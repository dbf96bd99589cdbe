package report

import (
	"net/url"
	"path/filepath"
	"strings"
)

// repoPath names a file for the tools that read paths relative to a
// repository: relative to f.Root, with forward slashes. inRoot is false for
// a file outside Root, which is then named by its absolute path. Without a
// Root the file is named as the diagnostics name it.
func (f Findings) repoPath(file string) (path string, inRoot bool) {
	if f.Root == "" {
		return filepath.ToSlash(file), !filepath.IsAbs(file)
	}
	abs := file
	if !filepath.IsAbs(abs) {
		var err error
		if abs, err = filepath.Abs(filepath.Join(f.WorkDir, file)); err != nil {
			return filepath.ToSlash(file), false
		}
	}
	rel, err := filepath.Rel(f.Root, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return filepath.ToSlash(abs), false
	}
	return filepath.ToSlash(rel), true
}

// fileURI is the file: URI of an absolute path; a folder's ends in "/", as
// SARIF's base URIs must.
func fileURI(abs string, folder bool) string {
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive: file:///C:/...
	}
	if folder && !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}
