package walk

import (
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// definition is what a walk takes for one.
const definition = "openapi: 3.0.1\n"

// A tree of files and ignore rules in a git repository.
type gitTree struct {
	files   []string          // slash-separated; each holds a definition
	ignores map[string]string // ignore file (.gitignore anywhere, .git/info/exclude) → content
	forced  []string          // files tracked with `git add -f` though ignored
}

// Handwritten trees, one per rule of gitignore(5) that a walk must follow.
var gitTrees = map[string]gitTree{
	"anchored at the root": {
		files:   []string{"docs/openapi.yaml", "services/billing/docs/openapi.yaml"},
		ignores: map[string]string{".gitignore": "/docs\n"},
	},
	"anchored in a nested file": {
		files:   []string{"docs/a.yaml", "services/docs/a.yaml", "services/x/docs/a.yaml"},
		ignores: map[string]string{"services/.gitignore": "/docs/\n"},
	},
	"name at any depth": {
		files:   []string{"gen/a.yaml", "x/gen/a.yaml", "x/y/gen.yaml"},
		ignores: map[string]string{".gitignore": "gen\n"},
	},
	"character classes": {
		files:   []string{"api1.yaml", "api2.yaml", "api3.yaml", "v/apiA.yaml", "v/apib.yaml"},
		ignores: map[string]string{".gitignore": "api[12].yaml\napi[[:upper:]].yaml\n"},
	},
	"escapes": {
		files:   []string{"#notes.yaml", "!keep.yaml", "plain.yaml", "dir /a.yaml", "dir/a.yaml"},
		ignores: map[string]string{".gitignore": "\\#notes.yaml\n\\!keep.yaml\ndir\\ \n"},
	},
	"trailing spaces dropped": {
		files:   []string{"a.yaml", "b.yaml"},
		ignores: map[string]string{".gitignore": "a.yaml   \n"},
	},
	"negation and the last match": {
		files:   []string{"a.json", "keep.json", "x/keep.json", "x/drop.json"},
		ignores: map[string]string{".gitignore": "*.json\n!keep.json\n", "x/.gitignore": "keep.json\n"},
	},
	"no re-include inside an ignored folder": {
		files:   []string{"build/a.yaml", "build/keep.yaml"},
		ignores: map[string]string{".gitignore": "build/\n!build/keep.yaml\n"},
	},
	"everything inside": {
		files:   []string{"out/a.yaml", "out/x/b.yaml", "out.yaml"},
		ignores: map[string]string{".gitignore": "out/**\n!out/x/\n"},
	},
	"double stars": {
		files:   []string{"a/b.yaml", "a/x/y/b.yaml", "a/x/c.yaml", "z/a/b.yaml"},
		ignores: map[string]string{".gitignore": "/a/**/b.yaml\n"},
	},
	"info/exclude below .gitignore": {
		files:   []string{"local.yaml", "shared.yaml", "x.yaml"},
		ignores: map[string]string{".git/info/exclude": "local.yaml\nx.yaml\n", ".gitignore": "!x.yaml\nshared.yaml\n"},
	},
	"tracked files are never skipped": {
		files:   []string{"docs/openapi.yaml", "docs/draft.yaml", "gen/api.yaml", "gen/x/api.yaml"},
		ignores: map[string]string{".gitignore": "docs/\ngen/\n"},
		forced:  []string{"docs/openapi.yaml", "gen/x/api.yaml"},
	},
	"CRLF": {
		files:   []string{"a.yaml", "b.yaml"},
		ignores: map[string]string{".gitignore": "a.yaml\r\n"},
	},
}

// What lint walks is what git lists (tracked files, and untracked ones
// that no rule ignores), less what a walk skips by design: hidden folders,
// node_modules and vendor, names that cannot hold a definition.
func TestWalkAgreesWithGit(t *testing.T) {
	requireGit(t)
	for name, tree := range gitTrees {
		t.Run(name, func(t *testing.T) { compareWithGit(t, tree) })
	}
}

// Random trees from a vocabulary of folders, names and patterns, with a
// fixed seed: the rules combine in ways no one writes by hand.
func TestWalkAgreesWithGitOnRandomTrees(t *testing.T) {
	requireGit(t)
	folders := []string{"", "a/", "docs/", "a/docs/", "gen/", "a/b/gen/", "services/billing/docs/", "dir /", "x/"}
	names := []string{"api.yaml", "api1.yaml", "api2.yaml", "v3.json", "main.tf", "#x.yaml", "!y.yaml", "stack.template", "A.yml"}
	patterns := []string{"/docs", "docs", "docs/", "*.json", "api[12].yaml", "!api1.yaml", `\#x.yaml`, `\!y.yaml`,
		"gen/**", "**/gen", "a/**/api.yaml", "/a/*.yaml", `dir\ `, "!docs/", "*.tf", "!main.tf", "[A-Z]*", "x", "/x/", "**/b",
		"*.template   ", "a/docs", "!/a/docs", "?pi.yaml", "api*", "[!a]*.yaml"}
	ignoreFiles := []string{".gitignore", "a/.gitignore", "docs/.gitignore", "a/b/.gitignore", ".git/info/exclude"}
	rng := rand.New(rand.NewPCG(13, 17))
	for i := range 20 {
		tree := gitTree{ignores: map[string]string{}}
		for range 12 {
			tree.files = append(tree.files, folders[rng.IntN(len(folders))]+names[rng.IntN(len(names))])
		}
		for _, f := range ignoreFiles {
			if rng.IntN(2) == 0 {
				continue
			}
			var lines []string
			for range 1 + rng.IntN(4) {
				lines = append(lines, patterns[rng.IntN(len(patterns))])
			}
			tree.ignores[f] = strings.Join(lines, "\n") + "\n"
		}
		if rng.IntN(2) == 0 {
			tree.forced = tree.files[:1]
		}
		t.Run(strconv.Itoa(i), func(t *testing.T) { compareWithGit(t, tree) })
	}
}

// Without git, tracked files cannot be told from others: the walk skips
// every ignored file and says why, once.
func TestWalkWithoutGit(t *testing.T) {
	requireGit(t)
	dir := t.TempDir()
	git(t, dir, "init", "-q")
	for _, f := range []string{"a.yaml", "gen/a.yaml", "gen/b.yaml"} {
		writeFile(t, dir, f, definition)
	}
	writeFile(t, dir, ".gitignore", "gen/\n*.json\n")
	writeFile(t, dir, "b.json", definition)
	t.Setenv("PATH", t.TempDir())
	res := Paths([]string{dir}, Options{})
	if len(res.Inputs) != 1 || filepath.Base(res.Inputs[0].Path) != "a.yaml" {
		t.Errorf("inputs %v, want a.yaml alone", res.Inputs)
	}
	if len(res.Notices) != 1 || !strings.HasPrefix(res.Notices[0].Message, "could not ask git which ignored files it tracks") {
		t.Errorf("notices %v, want one saying git could not be asked", res.Notices)
	}
}

func compareWithGit(t *testing.T, tree gitTree) {
	dir := t.TempDir()
	git(t, dir, "init", "-q")
	for _, f := range tree.files {
		writeFile(t, dir, f, definition)
	}
	for f, content := range tree.ignores {
		writeFile(t, dir, f, content)
	}
	for _, f := range tree.forced {
		git(t, dir, "add", "-f", "--", f)
	}
	for _, sub := range []string{"", "a", "docs", "services"} {
		root := filepath.Join(dir, sub)
		if _, err := os.Stat(root); err != nil || (sub != "" && gitIgnores(t, dir, sub)) {
			continue // a folder the user names is walked even if ignored: git would list nothing
		}
		want := gitListed(t, root)
		got := walked(t, root)
		if !slices.Equal(got, want) {
			t.Errorf("walk of %q: ignore files %q, forced %q\nwalk: %q\ngit:  %q", sub, tree.ignores, tree.forced, got, want)
		}
	}
}

// gitListed is what git lists in root that a walk looks at.
func gitListed(t *testing.T, root string) []string {
	out := git(t, root, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	var files []string
	for _, f := range strings.Split(out, "\x00") {
		if f != "" && isCandidate(f) && !slices.Contains(files, f) {
			files = append(files, f)
		}
	}
	slices.Sort(files)
	return files
}

// walked is what a walk of root collects, relative to it.
func walked(t *testing.T, root string) []string {
	res := Paths([]string{root}, Options{})
	if len(res.Problems) > 0 || len(res.Notices) > 0 {
		t.Errorf("walk of %s: problems %v, notices %v", root, res.Problems, res.Notices)
	}
	var files []string
	for _, in := range res.Inputs {
		rel, _ := filepath.Rel(root, in.Path)
		files = append(files, filepath.ToSlash(rel))
	}
	slices.Sort(files)
	return files
}

// gitIgnores reports whether git ignores a path.
func gitIgnores(t *testing.T, dir, path string) bool {
	cmd := exec.Command("git", "check-ignore", "-q", "--no-index", path)
	cmd.Dir = dir
	cmd.Env = gitEnv(dir)
	err := cmd.Run()
	if exit, ok := err.(*exec.ExitError); ok && exit.ExitCode() == 1 {
		return false
	}
	if err != nil {
		t.Fatalf("git check-ignore %s: %v", path, err)
	}
	return true
}

func requireGit(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed: the walk cannot be compared with git ls-files")
	}
}

// git runs git in dir, without the user's or the system's configuration
// (a global excludes file would change what git lists).
func git(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = gitEnv(dir)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("git %v: %v", args, err)
	}
	return string(out)
}

func gitEnv(home string) []string {
	return append(withoutGitLocation(os.Environ()), "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+os.DevNull, "HOME="+home)
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	path := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
