package validate

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
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

// kinProblems is what kin-openapi alone finds in a definition.
func kinProblems(def *source.Node) []Problem {
	broken, problems := brokenRefs(def, "", nil)
	c := &checker3{enc: encoder{broken: broken, skipExamples: true}, renamed: map[string]string{}}
	return c.withKin(def, "", nil, problems)
}

func plainlyValidDef(def *source.Node) bool {
	broken, problems := brokenRefs(def, "", nil)
	return len(problems) == 0 && plainlyValid(def, encoder{broken: broken, skipExamples: true})
}

// TestPlainlyValidIsSound: a definition plainlyValid accepts is one in
// which kin-openapi finds nothing, for the files we have and for random
// mutations of them (a field deleted, renamed or added, a value of another
// type or from elsewhere in the document), which walk the edges of what
// plainlyValid accepts.
func TestPlainlyValidIsSound(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 34))
	for name, def := range oas3Files(t) {
		t.Run(name, func(t *testing.T) {
			if plainlyValidDef(def) {
				if got := kinProblems(def); len(got) > 0 {
					t.Fatalf("accepted, but kin-openapi finds %v", got)
				}
			}
			mutations, accepted := mutationsPerFile, 0
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
				if !plainlyValidDef(mutant) {
					continue
				}
				accepted++
				if got := kinProblems(mutant); len(got) > 0 {
					t.Errorf("%s: accepted, but kin-openapi finds %v", what, got)
				}
			}
			t.Logf("%d of %d mutants accepted", accepted, mutations)
		})
	}
}

// mutationsPerFile can be raised for a longer search:
// APIGW_OAS_MUTATIONS=5000 go test ./validate -run PlainlyValidIsSound.
var mutationsPerFile = func() int {
	if n, err := strconv.Atoi(os.Getenv("APIGW_OAS_MUTATIONS")); err == nil {
		return n
	}
	return 300
}()

// TestPlainlyValidCoversTheBench: the large definitions lint is measured
// on take the fast path; if a change to plainlyValid makes them fall back
// to kin-openapi, lint becomes several times slower.
func TestPlainlyValidCoversTheBench(t *testing.T) {
	defs := oas3Files(t)
	for _, name := range []string{"api.github.com.apigw.json", "stripe.json"} {
		def, ok := defs[name]
		if !ok {
			t.Logf("%s: not available", name)
			continue
		}
		if !plainlyValidDef(def) {
			t.Errorf("%s is validated by kin-openapi", name)
		}
	}
}

// mutate returns a copy of def with one random change, and says what.
func mutate(rng *rand.Rand, def *source.Node) (*source.Node, string) {
	mutant := deepCopy(def)
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
	other := deepCopy(all[rng.IntN(len(all))])
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

func deepCopy(n *source.Node) *source.Node {
	c := *n
	c.Content = make([]*source.Node, len(n.Content))
	for i, child := range n.Content {
		c.Content[i] = deepCopy(child)
	}
	return &c
}

// BenchmarkOpenAPI3 validates GitHub's API description, which takes the
// fast path: the cost of openapi-invalid on a large valid definition.
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

// TestPlainlyValidReadsYAMLBooleans: YAML's True and False are booleans
// like true and false, so a schema both readOnly and writeOnly, or a
// deepObject encoding that does not explode, is not accepted (kin-openapi
// refuses both).
func TestPlainlyValidReadsYAMLBooleans(t *testing.T) {
	for name, schema := range map[string]string{
		"readOnly and writeOnly":  "{type: object, readOnly: True, writeOnly: TRUE}",
		"deepObject not exploded": "{type: object}\n            encoding: {filter: {style: deepObject, explode: False}}",
	} {
		def := parse(t, "a.yaml", `openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /a:
    post:
      requestBody:
        content:
          application/x-www-form-urlencoded:
            schema: `+schema+`
      responses: {"200": {description: ok}}
`)
		if len(kinProblems(def)) == 0 {
			t.Fatalf("%s: kin-openapi accepts the definition; the test needs one it refuses", name)
		}
		if plainlyValidDef(def) {
			t.Errorf("%s: accepted", name)
		}
	}
}
