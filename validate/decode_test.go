package validate

import (
	"encoding/json"
	"fmt"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apigw-oas/apigw-oas/internal/goroutine"
	"github.com/apigw-oas/apigw-oas/source"
)

// decode builds kin-openapi's document from the tree. kin-openapi's own
// loader decodes each level of a document several times over (Paths alone
// re-encodes every path item), which takes 0.6 s on GitHub's 5 MB API
// description, more than the whole lint budget. Decoding each path item
// and each component on its own, on every core, gives the same document in
// a fraction of the time. A part that cannot be decoded is reported and
// left out, so the rest is still validated.
func (c *checker3) decode(def *source.Node) *openapi3.T {
	doc := &openapi3.T{}
	rest, found := split(def, "paths", "components")
	paths, components := found[0], found[1]
	// The root goes first: decoding it replaces the whole of *doc.
	c.rootFailed = !c.decodeParts([]part{{node: rest, into: doc}}, 1)
	var parts []part
	if paths != nil {
		doc.Paths = openapi3.NewPaths()
		parts = c.pathParts(doc.Paths, paths)
	}
	if components != nil {
		doc.Components = &openapi3.Components{}
		parts = append(parts, c.componentParts(doc.Components, components)...)
	}
	c.decodeParts(parts, runtime.GOMAXPROCS(0))
	return doc
}

// split returns m without the keys named, and the values of those keys
// that are mappings (nil otherwise: a key whose value is not a mapping
// stays in rest, so decoding rest reports it).
func split(m *source.Node, keys ...string) (rest *source.Node, values []*source.Node) {
	rest = &source.Node{Kind: source.Mapping}
	values = make([]*source.Node, len(keys))
	for i := 0; i < len(m.Content); i += 2 {
		key, value := m.Content[i], m.Content[i+1]
		k := slices.Index(keys, key.Value)
		if k >= 0 && value.Kind == source.Mapping {
			values[k] = value
			continue
		}
		rest.Content = append(rest.Content, key, value)
	}
	return rest, values
}

// part is one piece of the document decoded on its own.
type part struct {
	pointer string       // where the piece is, for problems decoding it
	node    *source.Node // the piece
	// key and parent are the key the piece is written under and the key
	// of the mapping that holds it, for encoder.json.
	key, parent string
	into        any // a pointer to decode into
	// failed removes the piece from the document when it cannot be
	// decoded; nil when there is nothing to remove.
	failed func()
}

// pathParts returns a part per path item. API Gateway's greedy path
// variable {proxy+} is declared as a parameter named "proxy", which
// kin-openapi would report as a mismatch, so kin-openapi gets the path
// with {proxy} and c.renamed remembers the path as written. So it does
// for a path with a placeholder: /${stage}/items has no path parameter.
func (c *checker3) pathParts(paths *openapi3.Paths, m *source.Node) []part {
	var parts []part
	for i := 0; i < len(m.Content); i += 2 {
		key, value := m.Content[i].Value, m.Content[i+1]
		if strings.HasPrefix(key, "x-") {
			if paths.Extensions == nil {
				paths.Extensions = map[string]any{}
			}
			paths.Extensions[key] = nil // validation looks only at the key
			continue
		}
		kinKey := replacePlaceholders(strings.ReplaceAll(key, "+}", "}"))
		if kinKey != key {
			c.renamed[kinKey] = key
		}
		item := &openapi3.PathItem{}
		paths.Set(kinKey, item)
		parts = append(parts, part{
			pointer: "/paths/" + source.EscapeToken(key), node: value, into: item,
			key: key, parent: "paths",
			failed: func() { paths.Delete(kinKey) },
		})
	}
	return parts
}

// componentParts returns a part per named component. The components
// object's other fields are decoded at once.
func (c *checker3) componentParts(comp *openapi3.Components, m *source.Node) []part {
	rest, sections := split(m, "schemas", "parameters", "headers", "requestBodies", "responses",
		"securitySchemes", "examples", "links", "callbacks")
	c.decodeParts([]part{{pointer: "/components", node: rest, into: comp, key: "components"}}, 1)
	return slices.Concat(
		entryParts(&comp.Schemas, "schemas", sections[0]),
		entryParts(&comp.Parameters, "parameters", sections[1]),
		entryParts(&comp.Headers, "headers", sections[2]),
		entryParts(&comp.RequestBodies, "requestBodies", sections[3]),
		entryParts(&comp.Responses, "responses", sections[4]),
		entryParts(&comp.SecuritySchemes, "securitySchemes", sections[5]),
		entryParts(&comp.Examples, "examples", sections[6]),
		entryParts(&comp.Links, "links", sections[7]),
		entryParts(&comp.Callbacks, "callbacks", sections[8]),
	)
}

// entryParts makes *m hold an empty value per entry of the section and
// returns the parts that fill them.
func entryParts[M ~map[string]*V, V any](m *M, section string, n *source.Node) []part {
	if n == nil {
		return nil
	}
	*m = make(M, n.Len())
	var parts []part
	for i := 0; i < len(n.Content); i += 2 {
		name := n.Content[i].Value
		v := new(V)
		(*m)[name] = v
		parts = append(parts, part{
			pointer: "/components/" + section + "/" + source.EscapeToken(name),
			node:    n.Content[i+1], into: v, key: name, parent: section,
			failed: func() { delete(*m, name) },
		})
	}
	return parts
}

// decodeParts decodes the parts with the given number of workers, reports
// those that failed and says whether all succeeded.
func (c *checker3) decodeParts(parts []part, workers int) bool {
	errs := make([]error, len(parts))
	var mu sync.Mutex
	next := 0
	var g goroutine.Group // each worker reuses its buffer, so not goroutine.Each
	for range min(workers, len(parts)) {
		g.Go(func() {
			var buf []byte
			for {
				mu.Lock()
				k := next
				next++
				mu.Unlock()
				if k >= len(parts) {
					return
				}
				buf = c.enc.json(buf[:0], parts[k].node, parts[k].key, parts[k].parent)
				errs[k] = unmarshal(buf, parts[k].into)
			}
		})
	}
	g.Wait()
	ok := true
	for k, err := range errs {
		if err == nil {
			continue
		}
		ok = false
		if parts[k].failed != nil {
			parts[k].failed()
		}
		c.problems = append(c.problems, decodeProblem(parts[k], err))
	}
	return ok
}

// unmarshal decodes data into v, turning a panic in kin-openapi's
// decoding into an error so that one odd value cannot stop the run.
func unmarshal(data []byte, v any) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("kin-openapi failed to read this value: %v", r)
		}
	}()
	return json.Unmarshal(data, v)
}

// decodeProblem says why a part could not be read into kin-openapi's
// types. Mostly a value has the wrong JSON type. kin-openapi passes the
// error on as text only, naming the field but not where it is, so the
// first field of that name holding a value of that type is taken to be it.
func decodeProblem(p part, err error) Problem {
	m := typeError.FindStringSubmatch(err.Error())
	if m == nil {
		return Problem{Pointer: p.pointer, Message: err.Error(), Class: Structure}
	}
	got, field, want := m[1], m[2], goTypeName(m[3])
	field = field[strings.LastIndexByte(field, '.')+1:]
	if field == "" {
		if kinType, ok := strings.CutPrefix(m[3], "openapi3."); ok {
			want = fmt.Sprintf("%s (an OpenAPI %s)", want, kinType)
		}
		return Problem{Pointer: p.pointer, Message: fmt.Sprintf("found %s where %s is expected", jsonTypeName(got), want), Class: Structure}
	}
	pointer := p.pointer
	if rel, ok := findField(p.node, field, got); ok {
		pointer += rel
	}
	class := ValueType
	if want == "an object" || want == "a list" {
		class = Structure
	}
	return Problem{Pointer: pointer, Message: fmt.Sprintf("%s must be %s, not %s", field, want, jsonTypeName(got)), Class: class}
}

// typeError matches encoding/json's type errors as kin-openapi passes them
// on: the JSON type found, the field (absent for a whole value), the Go type.
var typeError = regexp.MustCompile(`cannot unmarshal (\w+)(?: [^ ]+)? into (?:field ([\w.]+)|value) of type (\S+)`)

// findField finds, breadth first, a mapping entry with the key given whose
// value has the JSON type given, and returns its pointer relative to n.
func findField(n *source.Node, key, jsonType string) (string, bool) {
	type item struct {
		node    *source.Node
		pointer string
	}
	queue := []item{{n, ""}}
	for len(queue) > 0 {
		it := queue[0]
		queue = queue[1:]
		switch it.node.Kind {
		case source.Mapping:
			for i := 0; i < len(it.node.Content); i += 2 {
				k, v := it.node.Content[i], it.node.Content[i+1]
				p := it.pointer + "/" + source.EscapeToken(k.Value)
				if k.Value == key && jsonTypeOf(v) == jsonType {
					return p, true
				}
				queue = append(queue, item{v, p})
			}
		case source.Sequence:
			for i, v := range it.node.Content {
				queue = append(queue, item{v, fmt.Sprintf("%s/%d", it.pointer, i)})
			}
		}
	}
	return "", false
}

// jsonTypeOf names a node's JSON type as encoding/json's errors do.
func jsonTypeOf(n *source.Node) string {
	switch {
	case n.Kind == source.Mapping:
		return "object"
	case n.Kind == source.Sequence:
		return "array"
	case n.Tag == source.TagBool:
		return "bool"
	case n.Tag == source.TagInt || n.Tag == source.TagFloat:
		return "number"
	case n.Tag == source.TagNull:
		return "null"
	}
	return "string"
}

func jsonTypeName(t string) string {
	switch t {
	case "object":
		return "an object"
	case "array":
		return "a list"
	case "bool":
		return "a boolean"
	}
	return "a " + t
}

// goTypeName names, as a JSON type, the Go type encoding/json's error
// names.
func goTypeName(t string) string {
	t = strings.TrimPrefix(t, "*")
	switch {
	case t == "string":
		return "a string"
	case t == "bool":
		return "a boolean"
	case strings.HasPrefix(t, "[]") || slices.Contains(kinLists, t):
		return "a list"
	case strings.HasPrefix(t, "int") || strings.HasPrefix(t, "uint"):
		return "an integer"
	case strings.HasPrefix(t, "float"):
		return "a number"
	}
	return "an object" // kin-openapi's structs and maps
}

// kinLists are kin-openapi's named slice types.
var kinLists = []string{
	"openapi3.Parameters", "openapi3.SchemaRefs", "openapi3.Types",
	"openapi3.SecurityRequirements", "openapi3.Servers", "openapi3.Tags",
}
