package validate

import (
	"net/url"
	"path/filepath"
	"strings"

	"github.com/apigw-oas/apigw-oas/source"
)

// brokenRefs finds the $refs in def whose target does not exist or may not
// be read, and reports each at its "$ref" key. Values that are data, not
// OpenAPI objects (examples, enums, defaults, extensions), may hold a
// "$ref" key of their own and are not looked into.
func brokenRefs(def *source.Node, location string, files Files) (map[*source.Node]bool, []Problem) {
	broken := map[*source.Node]bool{}
	var problems []Problem
	// A large definition has thousands of $refs to a few hundred targets.
	why := map[string]string{}
	var finder source.Finder
	var tokens []string
	var walk func(n *source.Node, key, parent string)
	walk = func(n *source.Node, key, parent string) {
		switch n.Kind {
		case source.Mapping:
			if ref := n.Lookup("$ref"); ref.IsString() {
				reason, seen := why[ref.Value]
				if !seen {
					reason = unresolvable(&finder, def, ref.Value, location, files)
					why[ref.Value] = reason
				}
				if reason != "" {
					broken[n] = true
					problems = append(problems, Problem{
						Pointer: source.Pointer(append(tokens, "$ref")...),
						Message: "$ref " + quote(ref.Value) + " cannot be resolved: " + reason,
						Class:   BrokenRef,
					})
				}
				return
			}
			for i := 0; i < len(n.Content); i += 2 {
				k := n.Content[i].Value
				if isData(k, key, parent) {
					continue
				}
				tokens = append(tokens, k)
				walk(n.Content[i+1], k, key)
				tokens = tokens[:len(tokens)-1]
			}
		case source.Sequence:
			for i, item := range n.Content {
				tokens = append(tokens, itoa(i))
				walk(item, "", key)
				tokens = tokens[:len(tokens)-1]
			}
		}
	}
	walk(def, "", "")
	return broken, problems
}

// isData reports whether the value of key, in a mapping written under
// mapKey inside one written under mapParent, is data rather than OpenAPI
// objects.
func isData(key, mapKey, mapParent string) bool {
	switch {
	case isExample(key, mapKey, mapParent):
		return true
	case strings.HasPrefix(key, "x-"):
		return !namedMaps[mapKey]
	case key == "enum" || key == "const" || key == "default":
		return !namedMaps[mapKey]
	}
	return false
}

// unresolvable says why a $ref leads nowhere, or returns "".
func unresolvable(finder *source.Finder, def *source.Node, ref, location string, files Files) string {
	file, fragment, _ := strings.Cut(ref, "#")
	fragment, err := url.PathUnescape(fragment)
	if err != nil {
		return "invalid percent-encoding"
	}
	target := def
	if file != "" {
		if u, err := url.Parse(file); err != nil || u.Scheme != "" || u.Host != "" {
			return "apigw-oas does not fetch remote documents"
		}
		if location == "" {
			return "the document has no folder to resolve it in"
		}
		file, _ = url.PathUnescape(file)
		if target = lookupFile(files, filepath.Join(filepath.Dir(location), filepath.FromSlash(file))); target == nil {
			return "the file cannot be read"
		}
	}
	if _, err := finder.Lookup(target, fragment); err != nil {
		return err.Error()
	}
	return ""
}
