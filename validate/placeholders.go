package validate

import (
	"slices"
	"strings"

	"github.com/apigw-oas/apigw-oas/source"
)

// Placeholders: a definition that a deployment tool fills in (Terraform's
// templatefile, CloudFormation's Fn::Sub, the Serverless Framework's
// variables) holds ${…} where the deployed value will be. That value is
// unknown here, so no problem is ever about it: validation sees the
// definition without its placeholders, and a problem that lands on one is
// dropped.

// ignoringPlaceholders validates def, and when that finds problems and def
// holds placeholders, validates it again without them and keeps the
// problems that are not about one. A definition valid as written is
// walked once: most are, and the fast path stays fast.
func ignoringPlaceholders(def *source.Node, validate func(*source.Node) []Problem) []Problem {
	problems := validate(def)
	if len(problems) == 0 {
		return nil
	}
	clean := withoutPlaceholders(def)
	if clean == def {
		return problems
	}
	return withoutPlaceholderProblems(def, validate(clean))
}

// placeholderText is what a placeholder inside a string is written as:
// plain text, so that its braces do not read as a server variable or a
// path template.
const placeholderText = "placeholder"

// isPlaceholder reports whether n is a placeholder and nothing else
// ("${api_version}"): the deployed value may be of any type.
func isPlaceholder(n *source.Node) bool {
	return n.IsString() && strings.HasPrefix(n.Value, "${") && placeholderEnd(n.Value, 0) == len(n.Value)
}

// hasPlaceholder reports whether n is a string with a placeholder in it.
func hasPlaceholder(n *source.Node) bool {
	return n.IsString() && strings.Contains(n.Value, "${")
}

// withoutPlaceholders returns def as validation sees it: a field whose
// value is a placeholder is left out, a list entry that is one becomes an
// empty object (so that the entries after it keep their pointers), and a
// placeholder inside a string becomes plain text. The tree is copied only
// where something changes.
func withoutPlaceholders(def *source.Node) *source.Node {
	switch def.Kind {
	case source.Scalar:
		if hasPlaceholder(def) {
			c := *def
			c.Value = replacePlaceholders(def.Value)
			return &c
		}
		return def
	case source.Mapping:
		var content []*source.Node // nil until something changes
		for i := 0; i < len(def.Content); i += 2 {
			key, value := def.Content[i], def.Content[i+1]
			drop := isPlaceholder(value)
			replaced := value
			if !drop {
				replaced = withoutPlaceholders(value)
			}
			if content == nil && !drop && replaced == value {
				continue
			}
			if content == nil {
				content = append(make([]*source.Node, 0, len(def.Content)), def.Content[:i]...)
			}
			if !drop {
				content = append(content, key, replaced)
			}
		}
		if content == nil {
			return def
		}
		c := *def
		c.Content = content
		return &c
	}
	return withChildren(def, func(item *source.Node) *source.Node {
		if isPlaceholder(item) {
			return &source.Node{Kind: source.Mapping, Start: item.Start, End: item.End}
		}
		return withoutPlaceholders(item)
	})
}

// replacePlaceholders writes each ${…} in s (which may nest, as
// Serverless's ${self:custom.${opt:stage}} does) as placeholderText.
func replacePlaceholders(s string) string {
	var b strings.Builder
	for {
		start := strings.Index(s, "${")
		if start < 0 {
			return b.String() + s
		}
		b.WriteString(s[:start])
		b.WriteString(placeholderText)
		s = s[placeholderEnd(s, start):]
	}
}

// placeholderEnd is where the ${…} at s[start:] ends: after its closing
// brace, or at the end of s when it has none.
func placeholderEnd(s string, start int) int {
	depth := 0
	for i := start + 1; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			if depth--; depth == 0 {
				return i + 1
			}
		}
	}
	return len(s)
}

// withoutPlaceholderProblems drops the problems that may be about a value
// unknown until deployment: those whose pointer reaches a string with a
// placeholder in it, or a part of the document with a placeholder value
// in it: a value left out may be the one a problem about that part finds
// missing or wrong (an object's rule may read several of its fields).
// Extensions are never OpenAPI's to check.
func withoutPlaceholderProblems(def *source.Node, problems []Problem) []Problem {
	return slices.DeleteFunc(problems, func(p Problem) bool { return aboutPlaceholder(def, p) })
}

func aboutPlaceholder(def *source.Node, p Problem) bool {
	n, exact := nearestNode(def, p.Pointer)
	if !exact && p.Class == Missing && n.Kind == source.Mapping {
		return false // the field it names is missing as written, not a placeholder
	}
	return hasPlaceholder(n) || !holdsParts(p.Pointer) && holdsPlaceholder(n)
}

// holdsParts reports whether a pointer names the document or a map of
// its parts (paths, components), too wide to drop a problem for a
// placeholder somewhere in it.
func holdsParts(pointer string) bool {
	tokens := strings.Split(pointer, "/")
	switch {
	case pointer == "":
		return true
	case len(tokens) == 2:
		return slices.Contains([]string{"paths", "components", "definitions", "parameters", "responses", "securityDefinitions"}, tokens[1])
	case len(tokens) == 3:
		return tokens[1] == "components"
	}
	return false
}

// holdsPlaceholder reports whether n has a placeholder value anywhere
// below it, outside extensions.
func holdsPlaceholder(n *source.Node) bool {
	switch n.Kind {
	case source.Mapping:
		for i := 0; i < len(n.Content); i += 2 {
			if !strings.HasPrefix(n.Content[i].Value, "x-") && holdsPlaceholder(n.Content[i+1]) {
				return true
			}
		}
	case source.Sequence:
		return slices.ContainsFunc(n.Content, holdsPlaceholder)
	}
	return isPlaceholder(n)
}

// nearestNode is the node a pointer names, or its closest ancestor that
// exists (exact is false then).
func nearestNode(root *source.Node, pointer string) (n *source.Node, exact bool) {
	for exact = true; ; exact = false {
		if e, err := root.LookupPointer(pointer); err == nil {
			return e.Value, exact
		}
		i := strings.LastIndexByte(pointer, '/')
		if i < 0 {
			return root, false
		}
		pointer = pointer[:i]
	}
}
