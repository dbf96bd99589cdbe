package validate

import (
	"net/url"
	"path/filepath"
	"slices"
	"strings"

	"github.com/apigw-oas/apigw-oas/source"
)

// A position that may hold a Reference Object ({$ref: …}) holds either
// the object or a $ref to it. Each object is checked once, where it is
// written: a $ref to a component is not followed (the component is
// checked with the components), a $ref to an object written elsewhere in
// the definition is checked there at the end (see checkElsewhere), and a
// $ref into another file is checked in place, that file's problems
// reported on the $ref (see checkExternal). A $ref that leads nowhere is
// reported by brokenRefs.

// check is how an object of one kind is checked, at field key of the
// value the walk is at.
type check func(c *checker, key string, n *source.Node)

// elsewhereRef is a $ref to an object written outside the components
// section of its kind.
type elsewhereRef struct {
	tokens  []string // where the object is
	node    *source.Node
	section string // the kind of object, by its components section
	check   check
}

// orRef checks the object at key, or the $ref that stands for it.
func (c *checker) orRef(key string, n *source.Node, section string, check check) {
	if isNull(n) {
		c.wrongType(key, n, "an object")
		return
	}
	if n.Kind == source.Mapping {
		if ref := n.Lookup("$ref"); ref != nil {
			c.refTo(key, ref, section, check)
			c.refSiblings(key, n)
			return
		}
	}
	check(c, key, n)
}

// refSiblings checks the summary and description a Reference Object may
// have beside its $ref (OpenAPI 3.1; 3.0 ignores them); other fields
// there are ignored, as both versions say.
func (c *checker) refSiblings(key string, n *source.Node) {
	summary, description := n.Lookup("summary"), n.Lookup("description")
	if summary == nil && description == nil {
		return
	}
	c.push(key)
	if summary != nil {
		c.str("summary", summary)
	}
	if description != nil {
		c.str("description", description)
	}
	c.pop()
}

// refTo handles the $ref of the Reference Object at key, whose target is
// an object of a components section.
func (c *checker) refTo(key string, ref *source.Node, section string, check check) {
	if jsonType(ref) != "a string" {
		c.push(key)
		c.wrongType("$ref", ref, "a string")
		c.pop()
		return
	}
	if ref.Value == "" {
		c.push(key)
		c.reportField("$ref", Specification, "$ref is empty")
		c.pop()
		return
	}
	if c.doc.external {
		return
	}
	file, fragment, _ := strings.Cut(ref.Value, "#")
	if file != "" {
		c.checkExternal(key, ref.Value, check)
		return
	}
	if name, ok := strings.CutPrefix(fragment, "/components/"+section+"/"); ok && !strings.ContainsAny(name, "/~%") {
		return // checked with the components
	}
	fragment, err := url.PathUnescape(fragment)
	if err != nil {
		return
	}
	tokens, err := source.SplitPointer(fragment)
	if err != nil || len(tokens) == 0 {
		return
	}
	if e, err := c.doc.root.LookupPointer(fragment); err == nil {
		c.elsewhere = append(c.elsewhere, elsewhereRef{tokens: tokens, node: e.Value, section: section, check: check})
	}
}

// checkElsewhere checks the objects $refs lead to outside the components,
// each once, where it is written, and those their own $refs lead to.
func (c *checker) checkElsewhere() {
	type seen struct {
		node    *source.Node
		section string
	}
	done := map[seen]bool{}
	for len(c.elsewhere) > 0 {
		r := c.elsewhere[0]
		c.elsewhere = c.elsewhere[1:]
		if id := (seen{r.node, r.section}); !done[id] {
			done[id] = true
			c.tokens = slices.Clip(r.tokens[:len(r.tokens)-1])
			r.check(c, r.tokens[len(r.tokens)-1], r.node)
		}
	}
	c.tokens = nil
}

// checkExternal checks the object a $ref into another file leads to, as
// the kind of object written where the $ref is; its problems are reported
// on the $ref.
func (c *checker) checkExternal(key, ref string, check check) {
	target, file := c.doc.resolve(ref)
	if target == nil {
		return // reported by brokenRefs
	}
	sub := &checker{doc: &document{root: file, openAPI31: c.doc.openAPI31, components: index(file), external: true, scope: c.doc.scope}}
	check(sub, "", target)
	c.push(key)
	c.push("$ref")
	at := c.pointer()
	c.pop()
	c.pop()
	for _, p := range sub.problems {
		where := "" // sub's pointers start with the empty key it was given
		if p.Pointer != "/" {
			where = " at " + strings.TrimPrefix(p.Pointer, "/")
		}
		c.problems = append(c.problems, Problem{Pointer: at, Class: p.Class, Message: "in " + quote(ref) + where + ": " + p.Message})
	}
}

// resolve returns the node a $ref names and the root of the file it is
// in, or nils.
func (d *document) resolve(ref string) (target, root *source.Node) {
	file, fragment, _ := strings.Cut(ref, "#")
	fragment, err := url.PathUnescape(fragment)
	if err != nil {
		return nil, nil
	}
	root = d.root
	if file != "" {
		if d.location == "" || d.external {
			return nil, nil
		}
		if u, err := url.Parse(file); err != nil || u.Scheme != "" || u.Host != "" {
			return nil, nil
		}
		file, _ = url.PathUnescape(file)
		if root = lookupFile(d.files, filepath.Join(filepath.Dir(d.location), filepath.FromSlash(file))); root == nil {
			return nil, nil
		}
	}
	e, err := root.LookupPointer(fragment)
	if err != nil {
		return nil, nil
	}
	return e.Value, root
}

// resolved is n, or the object n's $ref names in the section given (nil
// when it names none).
func (c *checker) resolved(n *source.Node, section string) *source.Node {
	if n.Kind != source.Mapping {
		return n
	}
	ref := n.Lookup("$ref")
	if ref == nil {
		return n
	}
	if !ref.IsString() {
		return n // no $ref: read as the object whose fields it has
	}
	if name, ok := strings.CutPrefix(ref.Value, "#/components/"+section+"/"); ok && !strings.ContainsAny(name, "/~%") {
		return c.doc.components[section][name]
	}
	target, _ := c.doc.resolve(ref.Value)
	return target
}

// index indexes a definition's components by section and name.
func index(def *source.Node) map[string]map[string]*source.Node {
	components := def.Lookup("components")
	if components == nil || components.Kind != source.Mapping {
		return nil
	}
	named := map[string]map[string]*source.Node{}
	for i := 0; i < len(components.Content); i += 2 {
		section := map[string]*source.Node{}
		if s := components.Content[i+1]; s.Kind == source.Mapping {
			for j := 0; j < len(s.Content); j += 2 {
				section[s.Content[j].Value] = s.Content[j+1]
			}
		}
		named[components.Content[i].Value] = section
	}
	return named
}
