package walk

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
)

// repo is a git work tree met by a walk.
type repo struct {
	root string // the work tree's folder
	// tracked holds the files git tracks though an ignore rule matches
	// them, and the folders above them, relative to root; nil until the walk
	// first meets an ignored path, then asked once.
	tracked map[string]bool
}

// findRepo returns the work tree that holds dir (an absolute path with
// links resolved): the nearest folder, dir or above, with a .git.
func findRepo(dir string) *repo {
	for {
		if r := repoAt(dir); r != nil {
			return r
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return nil
		}
		dir = parent
	}
}

// repoAt returns the work tree at dir, nil when dir has no .git.
func repoAt(dir string) *repo {
	if _, err := os.Lstat(filepath.Join(dir, ".git")); err != nil {
		return nil
	}
	return &repo{root: dir}
}

// excludeFile is the repository's info/exclude. In a linked work tree (its
// .git is a file naming the git folder) it is the one of the main
// repository, whose folder the git folder's commondir file names.
func (r *repo) excludeFile() string {
	gitDir := filepath.Join(r.root, ".git")
	if info, err := os.Stat(gitDir); err == nil && !info.IsDir() {
		line, _ := readSmallFile(gitDir)
		gitDir = relativeTo(r.root, strings.TrimSpace(strings.TrimPrefix(line, "gitdir:")))
		if common, err := readSmallFile(filepath.Join(gitDir, "commondir")); err == nil {
			gitDir = relativeTo(gitDir, strings.TrimSpace(common))
		}
	}
	return filepath.Join(gitDir, "info", "exclude")
}

func relativeTo(dir, path string) string {
	if filepath.IsAbs(path) {
		return path
	}
	return filepath.Join(dir, path)
}

// readSmallFile reads a regular file of a few lines.
func readSmallFile(path string) (string, error) {
	f, _, err := openRegular(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, 4096))
	return string(data), err
}

// trackedIgnored asks git for the tracked files its ignore rules match
// (few, usually: `git add -f` put them there). Without git they cannot be
// told apart, and the walk skips them like other ignored files.
func trackedIgnored(root string) (map[string]bool, *Notice) {
	// fsmonitor is off: a walk must not run commands a repository configures
	cmd := exec.Command("git", "-c", "core.fsmonitor=false", "-C", root,
		"ls-files", "-z", "--cached", "--ignored", "--exclude-standard")
	cmd.Env = withoutGitLocation(os.Environ())
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		why := strings.TrimSpace(stderr.String())
		if errors.Is(err, exec.ErrNotFound) || why == "" {
			why = err.Error()
		}
		return map[string]bool{}, &Notice{root, "could not ask git which ignored files it tracks (" + why + "); ignored files are skipped, tracked or not"}
	}
	tracked := map[string]bool{}
	for _, file := range strings.Split(string(out), "\x00") {
		for p := file; p != "" && p != "." && !tracked[p]; p = path.Dir(p) {
			tracked[p] = true
		}
	}
	return tracked, nil
}

// withoutGitLocation drops the variables that point git at a repository
// (set inside git hooks): git is asked about the work tree the walk is in.
func withoutGitLocation(env []string) []string {
	var kept []string
	for _, kv := range env {
		name, _, _ := strings.Cut(kv, "=")
		switch name {
		case "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_COMMON_DIR":
			continue
		}
		kept = append(kept, kv)
	}
	return kept
}
