package walk

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// isSkippedFolder: these are never walked into, besides hidden folders
// and those an ignore rule names.
func isSkippedFolder(name string) bool { return name == "node_modules" || name == "vendor" }

// walker walks one folder the user named.
type walker struct {
	res *collected
	// root is the named folder, absolute with links resolved: a link that
	// leads out of it is not followed (the importer's $ref policy).
	root string
}

// folder is a folder being walked, with the ignore rules that apply in it.
type folder struct {
	path string   // as the user would write it: the argument joined with names
	segs []string // relative to the walk's base: the work tree, or outside git the named folder
	// rules apply in this folder; each knows the depth of its file's folder
	rules []ignoreRule
	repo  *repo // nil outside git
	// excluded folders are entered only for the files git tracks in them:
	// git ignores everything else inside an ignored folder
	excluded bool
}

// walkRoot walks a folder the user named. Inside a git work tree, the
// rules of info/exclude and of the .gitignore files from the work tree's
// root down to the folder apply, as they do for git; outside one, those
// of the .gitignore files in the folder and below.
func walkRoot(arg string, res *collected) {
	w := &walker{res: res, root: resolved(arg)}
	top := folder{path: arg}
	if top.repo = findRepo(w.root); top.repo != nil {
		rel, _ := filepath.Rel(top.repo.root, w.root)
		if rel != "." {
			top.segs = strings.Split(filepath.ToSlash(rel), "/")
		}
		top.rules = w.readIgnores(nil, top.repo.excludeFile(), 0)
		for depth := range top.segs {
			dir := filepath.Join(append([]string{top.repo.root}, top.segs[:depth]...)...)
			top.rules = w.readIgnores(top.rules, filepath.Join(dir, ".gitignore"), depth)
		}
	}
	w.walk(top)
}

// resolved is a path made absolute with its links resolved, or as given
// when that fails (the walk then reports what it cannot read).
func resolved(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	if real, err := filepath.EvalSymlinks(path); err == nil {
		return real
	}
	return path
}

// readIgnores returns rules followed by those of an ignore file.
func (w *walker) readIgnores(rules []ignoreRule, path string, depth int) []ignoreRule {
	more, notice := readIgnoreFile(path, depth)
	if notice != nil {
		w.res.Notices = append(w.res.Notices, *notice)
	}
	if len(more) == 0 {
		return rules
	}
	return append(rules[:len(rules):len(rules)], more...) // never shared with a sibling folder
}

// walk collects the candidate files of a folder and walks its folders, in
// lexical order.
func (w *walker) walk(f folder) {
	f.rules = w.readIgnores(f.rules, filepath.Join(f.path, ".gitignore"), len(f.segs))
	entries, err := os.ReadDir(f.path)
	if err != nil {
		w.res.Problems = append(w.res.Problems, problem(f.path, err))
	}
	for _, e := range entries {
		child := f
		child.path = filepath.Join(f.path, e.Name())
		child.segs = append(f.segs[:len(f.segs):len(f.segs)], e.Name())
		if e.IsDir() {
			w.walkFolder(child)
			continue
		}
		skipped := (child.excluded || ignored(f.rules, child.segs, false)) && !w.tracks(f.repo, child.segs)
		if isCandidate(e.Name()) && !skipped && w.isRegular(child.path, e) {
			w.res.addCandidate(Input{Path: child.path, Root: w.root})
		}
	}
}

// walkFolder walks a folder met in a walk, unless it is hidden, skipped or
// ignored. A folder with its own .git is a repository of its own: its
// rules start afresh.
func (w *walker) walkFolder(f folder) {
	name := f.segs[len(f.segs)-1]
	if strings.HasPrefix(name, ".") || isSkippedFolder(name) {
		return
	}
	f.excluded = f.excluded || ignored(f.rules, f.segs, true)
	if f.excluded && !w.tracks(f.repo, f.segs) {
		return
	}
	if r := repoAt(f.path); r != nil {
		f = folder{path: f.path, repo: r, rules: w.readIgnores(nil, r.excludeFile(), 0)}
	}
	w.walk(f)
}

// tracks reports whether git tracks the path (relative to the work tree),
// or, for a folder, files in it, though an ignore rule matches it: git
// lints what it tracks, so a walk does too.
func (w *walker) tracks(r *repo, segs []string) bool {
	if r == nil {
		return false
	}
	if r.tracked == nil {
		var notice *Notice
		if r.tracked, notice = trackedIgnored(r.root); notice != nil {
			w.res.Notices = append(w.res.Notices, *notice)
		}
	}
	return r.tracked[strings.Join(segs, "/")]
}

// isRegular reports whether a candidate is a regular file inside the
// walked folder, links resolved; what it is not is a notice, not a failed
// run: named pipes and devices would block or never end.
func (w *walker) isRegular(path string, e fs.DirEntry) bool {
	if e.Type().IsRegular() {
		return true // the folder listing says so
	}
	if e.Type()&fs.ModeSymlink != 0 && !w.leadsWithin(path) {
		return false
	}
	info, err := os.Stat(path)
	if err != nil {
		return true // the import reports why it cannot be read
	}
	if !info.Mode().IsRegular() {
		w.notice(path, describe(info.Mode())+", not a regular file; skipped")
		return false
	}
	return true
}

// leadsWithin reports whether a link leads to something inside the walked
// folder: one that leads out of it leads where the user did not ask to
// look, as a $ref may not either.
func (w *walker) leadsWithin(link string) bool {
	abs, _ := filepath.Abs(link)
	target, err := filepath.EvalSymlinks(abs)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		w.notice(link, "a symbolic link to nothing (dangling); skipped")
	case err != nil:
		w.notice(link, "a symbolic link that cannot be followed ("+reason(err)+"); skipped")
	case !within(w.root, target):
		w.notice(link, "a symbolic link out of the walked folder (to "+target+"); not followed")
	default:
		return true
	}
	return false
}

func (w *walker) notice(path, message string) {
	w.res.Notices = append(w.res.Notices, Notice{path, message})
}

// within reports whether path is root or inside it.
func within(root, path string) bool {
	rel, err := filepath.Rel(root, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// describe names what a file that is not a regular file is.
func describe(mode fs.FileMode) string {
	switch {
	case mode&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case mode&fs.ModeSocket != 0:
		return "a socket"
	case mode&fs.ModeDevice != 0:
		return "a device"
	case mode.IsDir():
		return "a folder"
	}
	return "a special file"
}
