package cli

import (
	"archive/tar"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// baseSides is review --base REV PATH...: the new side is each PATH in the
// working tree, the old side the same PATH at git revision REV, extracted
// with git archive into a temporary folder so that $refs between files
// resolve under the same rules as in the working tree. Nothing is fetched.
func baseSides(ctx context.Context, rev string, paths []string) (oldSide, newSide reviewSide, cleanup func(), err error) {
	cleanup = func() {}
	for _, p := range paths {
		if !filepath.IsLocal(p) && filepath.Clean(p) != "." {
			return oldSide, newSide, cleanup, usageError("--base: %s is not within the working folder; review --base reads paths below it", p)
		}
	}
	tree, err := extractRevision(ctx, rev)
	if err != nil {
		return oldSide, newSide, cleanup, err
	}
	cleanup = func() { os.RemoveAll(tree) }
	oldSide.label, newSide.label = rev, "working tree"
	for _, p := range paths {
		n, err := pathSide(p)
		if err != nil {
			return oldSide, newSide, cleanup, err
		}
		newSide.files = append(newSide.files, keyedByPath(n.files, p)...)
		old := filepath.Join(tree, p)
		if _, err := os.Stat(old); err != nil {
			continue // the path is new since REV
		}
		o, err := pathSide(old)
		if err != nil {
			return oldSide, newSide, cleanup, err
		}
		for _, f := range keyedByPath(o.files, p) {
			f.explicit = false // a file that held no definition at REV is skipped, not an error
			f.rename = func(file string) string { return revisionName(rev, tree, file) }
			f.name = f.rename(f.path)
			oldSide.files = append(oldSide.files, f)
		}
	}
	return oldSide, newSide, cleanup, nil
}

// keyedByPath keys the files of PATH by their path in the working folder,
// so that a file pairs with itself at the other revision.
func keyedByPath(files []sideFile, p string) []sideFile {
	for i := range files {
		if files[i].explicit {
			files[i].key = filepath.ToSlash(filepath.Clean(p))
		} else {
			files[i].key = filepath.ToSlash(filepath.Join(p, files[i].key))
		}
	}
	return files
}

// revisionName shows a file of the extracted tree as REV:path.
func revisionName(rev, tree, file string) string {
	rel, err := filepath.Rel(tree, file)
	if err != nil || !filepath.IsLocal(rel) {
		return file
	}
	return rev + ":" + filepath.ToSlash(rel)
}

// extractRevision writes the working folder's tree at rev into a new
// temporary folder; git archive run here archives this folder only, with
// paths relative to it.
func extractRevision(ctx context.Context, rev string) (string, error) {
	if strings.HasPrefix(rev, "-") {
		return "", usageError("--base %q: not a git revision", rev)
	}
	if _, err := git(ctx, "rev-parse", "--verify", "--quiet", rev+"^{commit}"); err != nil {
		return "", usageError("--base %s: not a commit in this git repository (%v)", rev, err)
	}
	archive, err := git(ctx, "archive", "--format=tar", rev)
	if err != nil {
		return "", usageError("--base %s: %v", rev, err)
	}
	dir, err := os.MkdirTemp("", "apigw-oas-review-")
	if err != nil {
		return "", &exitError{code: ExitInput, err: err}
	}
	if err := untar(bytes.NewReader(archive), dir); err != nil {
		os.RemoveAll(dir)
		return "", usageError("--base %s: %v", rev, err)
	}
	return dir, nil
}

// git runs git in the working folder and returns its standard output.
func git(ctx context.Context, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "git", args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return nil, errors.New(msg)
		}
		return nil, err
	}
	return out, nil
}

// untar writes an archive's folders and regular files under dir; links
// and anything else are skipped, and no entry may leave dir.
func untar(r io.Reader, dir string) error {
	tr := tar.NewReader(r)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if !filepath.IsLocal(h.Name) {
			return fmt.Errorf("archive entry %q leaves the folder", h.Name)
		}
		target := filepath.Join(dir, h.Name)
		switch h.Typeflag {
		case tar.TypeDir:
			err = os.MkdirAll(target, 0o755)
		case tar.TypeReg:
			err = writeEntry(target, tr)
		}
		if err != nil {
			return err
		}
	}
}

func writeEntry(path string, r io.Reader) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, r); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
