package cli

import (
	"archive/tar"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/apigw-oas/apigw-oas/source"
	"github.com/apigw-oas/apigw-oas/walk"
)

// baseSides is review --base REV PATH...: the new side is each PATH in the
// working tree, the old side the same PATH at git revision REV, extracted
// with git archive into a temporary folder so that $refs between files
// resolve under the same rules as in the working tree. Nothing is fetched.
func baseSides(ctx context.Context, rev string, paths []string, maxBytes int64) (oldSide, newSide reviewSide, cleanup func(), err error) {
	cleanup = func() {}
	for _, p := range paths {
		if !filepath.IsLocal(p) && filepath.Clean(p) != "." {
			return oldSide, newSide, cleanup, usageError("--base: %s is not within the working folder; review --base reads paths below it", p)
		}
	}
	tree, err := extractRevision(ctx, rev, maxBytes)
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

// revisionBudget bounds what extractRevision writes, as a multiple of
// --max-size: a revision's tree is many files, each within the limit, and
// a repository whose files at REV take more is refused rather than copied
// onto the disk whole.
const revisionBudget = 16

// extractRevision writes the working folder's tree at rev into a new
// temporary folder; git archive run here archives this folder only, with
// paths relative to it. The archive is extracted as git writes it, never
// held whole, within --max-size per file and revisionBudget times it in
// all.
func extractRevision(ctx context.Context, rev string, maxBytes int64) (string, error) {
	if strings.HasPrefix(rev, "-") {
		return "", usageError("--base %q: not a git revision", rev)
	}
	if _, err := git(ctx, "rev-parse", "--verify", "--quiet", rev+"^{commit}"); err != nil {
		return "", usageError("--base %s: not a commit in this git repository (%v)", rev, err)
	}
	dir, err := os.MkdirTemp("", "apigw-oas-review-")
	if err != nil {
		return "", &exitError{code: ExitInput, err: err}
	}
	total := int64(math.MaxInt64)
	if maxBytes <= math.MaxInt64/revisionBudget {
		total = maxBytes * revisionBudget
	}
	budget := &extractBudget{perFile: maxBytes, left: total}
	if err := archive(ctx, rev, func(r io.Reader) error { return untar(r, dir, budget) }); err != nil {
		os.RemoveAll(dir)
		if errors.Is(err, errOverBudget) {
			return "", usageError("--base %s: its files take more than %s, the most a revision may (%d × --max-size)", rev, source.HumanBytes(total), revisionBudget)
		}
		return "", usageError("--base %s: %v", rev, err)
	}
	return dir, nil
}

// archive runs git archive of rev and hands its standard output to
// extract as it comes. A git that fails or is killed is reported with
// what it wrote on standard error: extract then sees an archive cut short,
// or none.
func archive(ctx context.Context, rev string, extract func(io.Reader) error) error {
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	cmd := exec.CommandContext(ctx, "git", "archive", "--format=tar", rev)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	err = extract(out)
	if err == nil {
		_, err = io.Copy(io.Discard, out) // the padding after the last entry
	}
	cutShort := errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF)
	if err != nil && !cutShort {
		stop() // extraction failed, not git: git would wait for a reader
		cmd.Wait()
		return err
	}
	if waitErr := cmd.Wait(); waitErr != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return fmt.Errorf("git archive failed: %s", msg)
		}
		return fmt.Errorf("git archive failed: %v", waitErr)
	}
	return err
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

var errOverBudget = errors.New("over the budget for a revision")

// extractBudget is what untar may still write.
type extractBudget struct {
	perFile int64 // --max-size
	left    int64 // for all files
}

// untar writes an archive's folders and regular files under dir; links
// and anything else are skipped, and no entry may leave dir.
func untar(r io.Reader, dir string, budget *extractBudget) error {
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
			err = writeEntry(target, tr, h.Size, budget)
		}
		if err != nil {
			return err
		}
	}
}

// writeEntry writes one file of the archive. A file over --max-size
// keeps its size but only the start a folder walk looks at, the rest a
// hole: reading it is refused with the size limit's message, as it is in
// the working tree, without its content being copied.
func writeEntry(path string, r io.Reader, size int64, budget *extractBudget) error {
	written := size
	if size > budget.perFile {
		written = min(size, walk.SniffBytes)
	}
	if written > budget.left {
		return errOverBudget
	}
	budget.left -= written
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if _, err := io.CopyN(f, r, written); err != nil {
		f.Close()
		return err
	}
	if err := f.Truncate(size); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
