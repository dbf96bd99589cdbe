package validate

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/apigw-oas/apigw-oas/source"
)

// oas3Files are the OpenAPI 3 definitions the validator is checked on:
// our fixtures, the corpus and the bench files (skipped when absent).
func oas3Files(t *testing.T) map[string]*source.Node {
	files, _ := filepath.Glob("../fixtures/oas3*.*")
	corpus, _ := filepath.Glob("../../shared/corpus/oas3-*")
	files = append(files, corpus...)
	files = append(files, "../../shared/bench/api.github.com.apigw.json", "../../shared/bench/stripe.json")
	defs := map[string]*source.Node{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if os.IsNotExist(err) {
			continue
		} else if err != nil {
			t.Fatal(err)
		}
		defs[filepath.Base(f)] = parse(t, f, string(data))
	}
	if len(defs) < 2 {
		t.Fatal("no OpenAPI 3 files found")
	}
	return defs
}

// mutate returns a copy of def with one random change, and says what.
func mutate(rng *rand.Rand, def *source.Node) (*source.Node, string) {
	mutant := source.DeepCopy(def)
	var containers []*source.Node
	var all []*source.Node
	var walk func(n *source.Node)
	walk = func(n *source.Node) {
		all = append(all, n)
		if n.Kind != source.Scalar && len(n.Content) > 0 {
			containers = append(containers, n)
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(mutant)
	n := containers[rng.IntN(len(containers))]
	step := 1
	if n.Kind == source.Mapping {
		step = 2
	}
	i := rng.IntN(len(n.Content)/step) * step
	at := i + step - 1 // the value
	where := "?"
	if n.Kind == source.Mapping {
		where = n.Content[i].Value
	}
	other := source.DeepCopy(all[rng.IntN(len(all))])
	switch rng.IntN(6) {
	case 0:
		n.Content = append(n.Content[:i], n.Content[i+step:]...)
		return mutant, "deleted " + where
	case 1:
		n.Content[at] = randomScalar(rng)
		return mutant, fmt.Sprintf("%s = %q (%s)", where, n.Content[at].Value, n.Content[at].Tag)
	case 2:
		n.Content[at] = other
		return mutant, where + " = a value from elsewhere"
	case 3:
		if n.Kind == source.Mapping {
			key := keywords[rng.IntN(len(keywords))]
			if n.Lookup(key) != nil {
				return mutant, "nothing"
			}
			n.Content[i] = str(key)
			return mutant, "renamed " + where + " to " + key
		}
		n.Content = append(n.Content, other)
		return mutant, "added an item to a list"
	case 4:
		if n.Kind == source.Mapping {
			key := keywords[rng.IntN(len(keywords))]
			set(n, key, other)
			return mutant, "set " + key + " next to " + where
		}
		n.Content = append(n.Content, n.Content[i])
		return mutant, "repeated an item"
	default:
		n.Content[at] = &source.Node{Kind: []source.Kind{source.Mapping, source.Sequence}[rng.IntN(2)]}
		return mutant, where + " = an empty " + n.Content[at].Kind.String()
	}
}

// set sets a key of a mapping, replacing its value if it has one: the
// parser keeps the last of duplicate keys only, so a tree never has two.
func set(m *source.Node, key string, value *source.Node) {
	for i := 0; i < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			m.Content[i+1] = value
			return
		}
	}
	m.Content = append(m.Content, str(key), value)
}

// keywords are OpenAPI 3.0 and 3.1 field names, and some that are not.
var keywords = []string{
	"type", "items", "nullable", "$ref", "required", "in", "name", "default", "pattern", "style",
	"explode", "security", "webhooks", "description", "summary", "content", "schema", "example",
	"examples", "value", "externalValue", "responses", "parameters", "operationId", "readOnly",
	"writeOnly", "minItems", "enum", "format", "properties", "additionalProperties", "oneOf",
	"allOf", "not", "const", "prefixItems", "servers", "url", "variables", "tags", "info",
	"title", "version", "paths", "components", "schemas", "headers", "links", "callbacks",
	"encoding", "discriminator", "get", "post", "options", "200", "default", "foo", "x-foo",
	"/a/{id}", "/a/{other}", "{id}", "exclusiveMinimum", "maxLength", "deprecated",
}

func randomScalar(rng *rand.Rand) *source.Node {
	switch rng.IntN(10) {
	case 0:
		return str("")
	case 1:
		return &source.Node{Kind: source.Scalar, Tag: source.TagInt, Value: "1"}
	case 2:
		return &source.Node{Kind: source.Scalar, Tag: source.TagInt, Value: "-1"}
	case 3:
		return &source.Node{Kind: source.Scalar, Tag: source.TagFloat, Value: "1.5"}
	case 4:
		return &source.Node{Kind: source.Scalar, Tag: source.TagBool, Value: "true"}
	case 5:
		return &source.Node{Kind: source.Scalar, Tag: source.TagNull, Value: "null"}
	case 6:
		return str("array")
	case 7: // YAML's other spellings of booleans
		return &source.Node{Kind: source.Scalar, Tag: source.TagBool, Value: "False"}
	case 8:
		return &source.Node{Kind: source.Scalar, Tag: source.TagBool, Value: "TRUE"}
	}
	return str("[")
}

func str(s string) *source.Node {
	return &source.Node{Kind: source.Scalar, Tag: source.TagStr, Value: s}
}

// TestEquivalentToKin: on the fixtures, the corpus, the bench files and
// random mutations of them, the validator finds what kin-openapi finds,
// and what it finds beyond that is a listed difference (docs/rules.md,
// openapi-invalid, gives the reasons). Problems are compared by where they
// are, not by their words: kin-openapi places most no deeper than the
// operation or component they are in, so a problem of ours inside what
// kin-openapi names (or in a definition a $ref there leads to) matches
// it. Schema Objects are left out of both sides here: they are checked by
// checkSchema, tested against kin-openapi in schema_test.go.
func TestEquivalentToKin(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 34))
	for name, def := range oas3Files(t) {
		t.Run(name, func(t *testing.T) {
			def = withoutSchemas(def)
			compareWithKin(t, "as written", def)
			mutations := mutationsPerFile
			if len(encoder{}.json(nil, def, "", "")) > 1<<20 {
				mutations = 1 // kin-openapi takes a second on each
			}
			for range mutations {
				mutant, what := mutate(rng, def)
				if rng.IntN(2) == 0 {
					var more string
					mutant, more = mutate(rng, mutant)
					what += "; " + more
				}
				compareWithKin(t, what, withoutSchemas(mutant))
			}
		})
	}
}

// compareWithKin reports the problems in def that one validator finds and
// the other does not, but for the listed differences. Both validate def
// without its placeholders: which problems a placeholder excuses depends on
// how precise their pointers are (see withoutPlaceholderProblems), and
// kin-openapi's are not.
func compareWithKin(t *testing.T, what string, def *source.Node) {
	t.Helper()
	def = withoutPlaceholders(def)
	ours := openAPI3(def, "", nil)
	kins := kinFinds(def)
	for _, k := range kins {
		if within(k.Pointer, "/components/schemas") {
			continue // a Schema Object's
		}
		if !slices.ContainsFunc(ours, func(o Problem) bool { return sameObject(def, k, o) || echoOf(k, o) }) && !listed(kinOnly, k) {
			t.Errorf("%s: kin-openapi finds at %q: %s\nwe find %v", what, k.Pointer, k.Message, ours)
		}
	}
	for _, o := range ours {
		if !slices.ContainsFunc(kins, func(k Problem) bool { return sameObject(def, k, o) }) && !listed(oursOnly, o) {
			t.Errorf("%s: we find at %q: %s\nkin-openapi finds %v", what, o.Pointer, o.Message, kins)
		}
	}
}

// isSchemaRef reports whether n is a $ref to a schema component, or to
// another file.
func isSchemaRef(n *source.Node) bool {
	ref := n.Lookup("$ref")
	if !ref.IsString() || n.Len() > 1 {
		return false // a schema of its own: its other keywords
	}
	name, local := strings.CutPrefix(ref.Value, "#/components/schemas/")
	return local && name != "" || ref.Value != "" && !strings.HasPrefix(ref.Value, "#")
}

// kinFinds is what kin-openapi finds in a definition. A part of it that
// kin-openapi cannot read (a path item, a component, the root's own
// fields) is reported as that part: only the first value it cannot read
// is, at the first field of that name.
func kinFinds(def *source.Node) []Problem {
	broken, refs := brokenRefs(def, "", nil)
	c := &checker3{enc: encoder{broken: broken, skipExamples: true}, renamed: map[string]string{}}
	found := c.withKin(def, "", nil, refs)
	for i := range c.problems {
		p := &found[len(refs)+i]
		switch part := partOf(p.Pointer); {
		case strings.HasPrefix(part, "/paths/"), strings.Count(part, "/") == 3 && strings.HasPrefix(part, "/components/"):
			p.Pointer = part
		case strings.HasPrefix(part, "/components/"):
			p.Pointer = "/components" // the components' own fields
		default:
			p.Pointer = ""
		}
	}
	// A field kin-openapi finds missing is named after the pointer of the
	// section it is in, which may be a list (/servers/url).
	for i := len(refs) + len(c.problems); i < len(found); i++ {
		if kinMissingField.MatchString(found[i].Message) {
			found[i].Pointer = found[i].Pointer[:strings.LastIndexByte(found[i].Pointer, '/')]
		}
	}
	return found
}

// sameObject reports whether a problem kin-openapi found and one of ours
// are about the same object: one's pointer is inside the other's, or ours
// is in an object a local $ref inside kin-openapi's leads to (kin-openapi
// checks a referenced object where the $ref is, we where it is written).
func sameObject(def *source.Node, kin, ours Problem) bool {
	if within(ours.Pointer, kin.Pointer) || within(kin.Pointer, ours.Pointer) {
		return true
	}
	at, exact := nearestNode(def, kin.Pointer)
	if !exact {
		return false
	}
	seen := map[*source.Node]bool{}
	var leadsTo func(n *source.Node) bool
	leadsTo = func(n *source.Node) bool {
		if seen[n] {
			return false
		}
		seen[n] = true
		if ref := n.Lookup("$ref"); n.Kind == source.Mapping && ref.IsString() && strings.HasPrefix(ref.Value, "#/") {
			target, err := def.LookupPointer(ref.Value[1:])
			if err == nil && (within(ours.Pointer, ref.Value[1:]) || leadsTo(target.Value)) {
				return true
			}
		}
		return slices.ContainsFunc(n.Content, leadsTo)
	}
	return leadsTo(at)
}

// echoOf reports whether kin-openapi's problem is an echo of ours: a
// security scheme it could not read is left out, and every requirement
// naming it reported.
func echoOf(kin, ours Problem) bool {
	_, scheme, found := strings.Cut(kin.Message, "refers to undefined security scheme ")
	name, err := strconv.Unquote(scheme)
	return found && err == nil && within(ours.Pointer, "/components/securitySchemes/"+source.EscapeToken(name))
}

// within reports whether pointer is inside (or is) the value at outer.
func within(pointer, outer string) bool {
	return pointer == outer || strings.HasPrefix(pointer, outer+"/")
}

// difference is a kind of problem one validator finds and the other does
// not, by design: docs/rules.md lists each with its reason.
type difference struct {
	// message is a part of the problem's message.
	message string
	// pointer, when set, is a part of the problem's pointer.
	pointer string
	// outside, when set, is where the problem is not: its pointer does
	// not start with it.
	outside string
}

func listed(differences []difference, p Problem) bool {
	return slices.ContainsFunc(differences, func(d difference) bool {
		return strings.Contains(p.Message, d.message) && strings.Contains(p.Pointer, d.pointer) &&
			(d.outside == "" || !strings.HasPrefix(p.Pointer, d.outside))
	})
}

// kinOnly are the problems kin-openapi finds that are none.
var kinOnly = []difference{
	// Here each schema is {} (see withoutSchemas), so a $ref from
	// elsewhere into the schemas leads to an object we accept and
	// kin-openapi does not read.
	{message: "\"#/components/schemas/"},
	// kin-openapi does not know OpenAPI 3.1's components.pathItems.
	{message: "pathItems: not fields of this object"},
}

// oursOnly are the problems kin-openapi does not look for.
var oursOnly = []difference{
	// kin-openapi checks Example objects only with the components, or when
	// it validates examples against their schemas, which the specification
	// does not require (see OpenAPI3).
	// nor its unknown fields unless it has a value or an externalValue.
	{message: "of an Example object"},
	{pointer: "/examples/", outside: "/components/examples/"},
	{message: "an example has a value or an externalValue, not both", outside: "/components/examples/"},
	// kin-openapi does not look for unknown fields in a Header object,
	// nor in a Parameter object when it does not validate examples.
	{message: "is not a field of a Header object"},
	{message: "is not a field of a Parameter object"},
	{message: "$ref must be a string", pointer: "/parameters/"},
	{message: "$ref must be a string", pointer: "/headers/"},
	// nor Server objects other than the root's.
	{pointer: "/servers/", outside: "/servers/"},
	// kin-openapi accepts null for a Media Type or Encoding object.
	{message: "(a Media Type object), not null"},
	{message: "(an Encoding object), not null"},
	// kin-openapi reads a null tag as an empty one, and a null security
	// requirement as one that requires nothing.
	{message: "(a Tag object), not null"},
	{message: "(a Security Requirement object), not null"},
	// kin-openapi requires no name of a tag, checks no callback written
	// in an operation, and reads connect as a method.
	{message: "a tag requires a name"},
	{pointer: "/callbacks/", outside: "/components/callbacks/"},
	{message: "\"connect\" is not a field of a Path Item object"},
	// OpenAPI 3.1 requires one of the three; kin-openapi requires none.
	{message: "an OpenAPI 3.1 document requires paths, components or webhooks"},
}

// withoutSchemas returns def with each Schema Object written as {}, but
// for $refs to schemas, which stay for brokenRefs to judge. (A property
// named "schema" is in a schema, left out before it is reached.)
func withoutSchemas(def *source.Node) *source.Node {
	c := source.DeepCopy(def)
	var walk func(n *source.Node, key string)
	walk = func(n *source.Node, key string) {
		if n.Kind == source.Mapping {
			for i := 0; i < len(n.Content); i += 2 {
				k, v := n.Content[i].Value, n.Content[i+1]
				if (k == "schema" || key == "schemas") && !isSchemaRef(v) {
					n.Content[i+1] = &source.Node{Kind: source.Mapping, Start: v.Start, End: v.End}
					continue
				}
				walk(v, k)
			}
		}
		if n.Kind == source.Sequence {
			for _, item := range n.Content {
				walk(item, "")
			}
		}
	}
	walk(c, "")
	return c
}

// BenchmarkOpenAPI3 validates GitHub's API description, the cost of openapi-invalid on a large valid definition.
func BenchmarkOpenAPI3(b *testing.B) {
	data, err := os.ReadFile("../../shared/bench/api.github.com.apigw.json")
	if err != nil {
		b.Skipf("benchmark input not available: %v", err)
	}
	def := parse(b, "api.github.com.apigw.json", string(data))
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if problems := OpenAPI3(def, "", nil); len(problems) > 0 {
			b.Fatal(problems)
		}
	}
}

// mutationsPerFile can be raised for a longer search:
// APIGW_OAS_MUTATIONS=5000 go test ./validate -run EquivalentToKin.
var mutationsPerFile = func() int {
	if n, err := strconv.Atoi(os.Getenv("APIGW_OAS_MUTATIONS")); err == nil {
		return n
	}
	return 100
}()
