package read

import (
	"strconv"

	"github.com/apigw-oas/apigw-oas/source"
)

// WalkEntries calls visit for every mapping entry under root, a node of
// doc, with the unescaped tokens of its JSON pointer relative to root. It visits a node YAML aliases share
// once, so that nested aliases cannot make the walk exponential, and it
// skips example data, where OpenAPI keywords are plain data.
func WalkEntries(doc *source.Document, root *source.Node, visit func(k, v *source.Node, tokens []string)) {
	var tokens []string
	seen := map[*source.Node]bool{}
	var walk func(n *source.Node)
	walk = func(n *source.Node) {
		if doc.Shared(n) {
			if seen[n] {
				return
			}
			seen[n] = true
		}
		switch n.Kind {
		case source.Mapping:
			for i := 0; i < n.Len(); i++ {
				k, v := n.Pair(i)
				if holdsData(k.Value, tokens) {
					continue
				}
				tokens = append(tokens, k.Value)
				visit(k, v, tokens)
				walk(v)
				tokens = tokens[:len(tokens)-1]
			}
		case source.Sequence:
			for i, item := range n.Content {
				tokens = append(tokens, strconv.Itoa(i))
				walk(item)
				tokens = tokens[:len(tokens)-1]
			}
		}
	}
	walk(root)
}

// holdsData reports whether the entry key, under the path tokens, holds
// example data rather than OpenAPI objects, so that a "$ref" in it is an
// example's field, not a reference: schema keywords example, enum, const
// and default (but not responses.default), and examples.*.value.
func holdsData(key string, tokens []string) bool {
	parent := func(up int) string {
		if len(tokens) < up {
			return ""
		}
		return tokens[len(tokens)-up]
	}
	switch key {
	case "example", "enum", "const":
		return true
	case "default":
		return parent(1) != "responses"
	case "value":
		return parent(2) == "examples"
	}
	return false
}
