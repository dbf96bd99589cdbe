package cli

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"

	"github.com/apigw-oas/apigw-oas/glob"
)

// gitignore is the patterns of the .gitignore files met on a walk, each
// relative to the folder of its file. Later patterns win, and "!" re-includes,
// as in git.
type gitignore []ignorePattern

type ignorePattern struct {
	base    string // the folder of the .gitignore, slash-separated
	pattern string
	negate  bool
	dirOnly bool
}

// load adds the patterns of dir/.gitignore, if there is one.
func (g gitignore) load(dir string) gitignore {
	f, err := os.Open(filepath.Join(dir, ".gitignore"))
	if err != nil {
		return g
	}
	defer f.Close()
	scan := bufio.NewScanner(f)
	for scan.Scan() {
		line := strings.TrimRight(scan.Text(), " \t\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		p := ignorePattern{base: filepath.ToSlash(dir)}
		if p.negate = strings.HasPrefix(line, "!"); p.negate {
			line = line[1:]
		}
		if p.dirOnly = strings.HasSuffix(line, "/"); p.dirOnly {
			line = strings.TrimSuffix(line, "/")
		}
		if anchored := strings.HasPrefix(line, "/"); anchored || strings.Contains(line, "/") {
			line = strings.TrimPrefix(line, "/")
			p.pattern = line // relative to base
		} else {
			p.pattern = line // any folder: glob.Match adds **/
		}
		g = append(g, p)
	}
	return g
}

// ignored reports whether a path found on the walk is ignored.
func (g gitignore) ignored(path string, isDir bool) bool {
	path = filepath.ToSlash(path)
	ignored := false
	for _, p := range g {
		rel, ok := strings.CutPrefix(path, p.base+"/")
		if p.base == "." {
			rel, ok = path, true
		}
		if !ok || (p.dirOnly && !isDir) {
			continue
		}
		if glob.Match(p.pattern, rel) {
			ignored = !p.negate
		}
	}
	return ignored
}
