package validate

import (
	"slices"
	"strings"

	"github.com/apigw-oas/apigw-oas/internal/goroutine"
	"github.com/apigw-oas/apigw-oas/source"
)

// Files gives the validator the documents a definition's $refs name. It is
// called with an absolute path and returns nil for a file that may not or
// cannot be read; the validator never reads the disk itself, so what a
// $ref may reach is the caller's policy (the importer's: no URLs, nothing
// outside the project folder).
type Files func(path string) *source.Node

// OpenAPI3 validates an OpenAPI 3.0 or 3.1 definition. location is the
// definition's absolute file path, against which relative $refs are
// resolved ("" when it has none, e.g. standard input). Placeholders filled
// in at deploy time (${…}) are never a problem.
func OpenAPI3(def *source.Node, location string, files Files) []Problem {
	return ignoringPlaceholders(def, func(def *source.Node) []Problem { return openAPI3(def, location, files) })
}

// openAPI3 reports the $refs that lead nowhere, then what the walk over
// the definition finds. The walks of a large definition run at once, on
// the cores lint leaves idle.
func openAPI3(def *source.Node, location string, files Files) []Problem {
	var broken []Problem
	var refsChecked goroutine.Group
	start(&refsChecked, def, func() { _, broken = brokenRefs(def, location, files) })
	found := check3(def, location, files)
	refsChecked.Wait()
	return append(broken, withoutEchoes(found, broken)...)
}

// check3 walks an OpenAPI 3 definition. The paths are most of a large
// definition and are walked on another core.
func check3(def *source.Node, location string, files Files) []Problem {
	if def.Kind != source.Mapping {
		return []Problem{{Message: "an OpenAPI document must be an object, not " + jsonType(def), Class: Structure}}
	}
	version := def.Lookup("openapi")
	d := &document{
		root:       def,
		openAPI31:  version.IsString() && strings.HasPrefix(version.Value, "3.") && !strings.HasPrefix(version.Value, "3.0"),
		components: index(def),
		location:   location,
		files:      files,
	}
	d.scope = schemaScope{openAPI31: d.openAPI31, resolve: func(ref string) *source.Node {
		target, _ := d.resolve(ref)
		return target
	}}
	root, paths := &checker{doc: d}, &checker{doc: d, operationIDs: map[string]bool{}}
	var pathsChecked goroutine.Group
	if n := def.Lookup("paths"); n != nil {
		start(&pathsChecked, def, func() { paths.paths("paths", n) })
	}
	root.rootFields(def)
	pathsChecked.Wait()
	root.problems = append(root.problems, paths.problems...)
	root.elsewhere = append(root.elsewhere, paths.elsewhere...)
	root.checkElsewhere()
	return root.problems
}

// concurrentFrom is the size of text from which a definition's walks run
// on goroutines of their own. Below it they take less than the goroutines
// cost: their stacks start small and grow in fresh memory, about 12 page
// faults (0.3 ms) for a five-operation file.
const concurrentFrom = 64 << 10

// start runs f on a goroutine of g, or at once when def is small. A
// definition without positions (built rather than parsed) counts as large.
func start(g *goroutine.Group, def *source.Node, f func()) {
	if size := def.End.Offset - def.Start.Offset; size > 0 && size < concurrentFrom {
		f()
		return
	}
	g.Go(f)
}

// withoutEchoes drops what was found in a path item or component that
// holds a broken $ref: what the $ref would have supplied (a path
// parameter, a required field) is found missing, which is the broken $ref
// again.
func withoutEchoes(found, broken []Problem) []Problem {
	var parts []string
	for _, b := range broken {
		parts = append(parts, partOf(b.Pointer))
	}
	return slices.DeleteFunc(found, func(p Problem) bool {
		return slices.ContainsFunc(parts, func(part string) bool {
			return p.Pointer == part || strings.HasPrefix(p.Pointer, part+"/")
		})
	})
}

// partOf is the path item or component a pointer is in ("" for the rest).
func partOf(pointer string) string {
	tokens := strings.SplitN(pointer, "/", 5) // "", "paths", path, … or "", "components", section, name, …
	switch {
	case len(tokens) >= 3 && tokens[1] == "paths":
		return strings.Join(tokens[:3], "/")
	case len(tokens) >= 4 && tokens[1] == "components":
		return strings.Join(tokens[:4], "/")
	}
	return pointer
}

func lookupFile(files Files, path string) *source.Node {
	if files == nil || path == "" {
		return nil
	}
	return files(path)
}
