package validate

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apigw-oas/apigw-oas/source"
)

// The equivalence of checkSchema with kin-openapi's Schema.Validate, which
// validated schemas before it: on every schema of the fixtures, the corpus
// and the bench files, and on mutations of them, kin-openapi finds a
// problem iff checkSchema does, but where docs/rules.md says why they
// differ (schemaDifference names each such case).

// schemaDoc is an OpenAPI 3 document whose schemas are compared.
type schemaDoc struct {
	name       string
	root       *source.Node
	openAPI31  bool
	components map[string]*source.Node // components.schemas
	targets    []schemaTarget
}

// schemaTarget is a schema written where an OpenAPI object (not another
// schema) holds it: a component, or the schema of a parameter, header or
// media type. Schemas nested in it are compared through it.
type schemaTarget struct {
	pointer string
	node    *source.Node
}

func (d *schemaDoc) scope() schemaScope {
	return schemaScope{openAPI31: d.openAPI31, resolve: func(ref string) *source.Node {
		if !strings.HasPrefix(ref, "#") {
			return nil
		}
		e, err := d.root.LookupPointer(ref)
		if err != nil {
			return nil
		}
		return e.Value
	}}
}

func loadSchemaDocs(withBench bool) []*schemaDoc {
	files, _ := filepath.Glob("../fixtures/*.*")
	more, _ := filepath.Glob("../fixtures/*/*.*")
	files = append(files, more...)
	corpus, _ := filepath.Glob("../../shared/corpus/*")
	files = append(files, corpus...)
	if withBench { // GitHub's description with API Gateway's integrations holds the same schemas as without
		files = append(files, "../../shared/bench/api.github.com.json", "../../shared/bench/stripe.json")
	}
	var docs []*schemaDoc
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		parsed, err := source.Parse(f, src)
		if err != nil || parsed.Root == nil || parsed.Root.Kind != source.Mapping {
			continue
		}
		version := parsed.Root.Lookup("openapi")
		if !version.IsString() || !strings.HasPrefix(version.Value, "3.") {
			continue
		}
		d := &schemaDoc{name: f, root: parsed.Root, openAPI31: !strings.HasPrefix(version.Value, "3.0"), components: map[string]*source.Node{}}
		if schemas := parsed.Root.Lookup("components").Lookup("schemas"); schemas != nil && schemas.Kind == source.Mapping {
			for i := 0; i < len(schemas.Content); i += 2 {
				d.components[schemas.Content[i].Value] = schemas.Content[i+1]
			}
		}
		d.targets = schemaTargets(parsed.Root)
		docs = append(docs, d)
	}
	return docs
}

// schemaTargets finds the schemas of a document: the components, and the
// values of "schema" fields outside data (examples, extensions).
func schemaTargets(root *source.Node) []schemaTarget {
	var out []schemaTarget
	var walk func(n *source.Node, pointer string)
	walk = func(n *source.Node, pointer string) {
		switch n.Kind {
		case source.Mapping:
			for i := 0; i < len(n.Content); i += 2 {
				k, v := n.Content[i].Value, n.Content[i+1]
				p := pointer + "/" + source.EscapeToken(k)
				switch {
				case strings.HasPrefix(k, "x-") || k == "example" || k == "examples" || k == "default" || k == "enum":
				case k == "schema":
					out = append(out, schemaTarget{p, v})
				case p == "/components/schemas":
					for j := 0; j < len(v.Content); j += 2 {
						out = append(out, schemaTarget{p + "/" + source.EscapeToken(v.Content[j].Value), v.Content[j+1]})
					}
				default:
					walk(v, p)
				}
			}
		case source.Sequence:
			for i, item := range n.Content {
				walk(item, pointer+"/"+itoa(i))
			}
		}
	}
	walk(root, "")
	return out
}

// componentRefs returns the components a schema's $refs name, directly
// or through other components, and whether every $ref in them names a
// component (kin-openapi is given the components only).
func (d *schemaDoc) componentRefs(n *source.Node) (names []string, ok bool) {
	seen := map[string]bool{}
	ok = true
	var walk func(n *source.Node)
	walk = func(n *source.Node) {
		if n.Kind == source.Mapping {
			if ref := n.Lookup("$ref"); ref.IsString() {
				name, found := strings.CutPrefix(ref.Value, "#/components/schemas/")
				if !found || strings.ContainsAny(name, "/~%") || d.components[name] == nil {
					ok = false
				} else if !seen[name] {
					seen[name] = true
					names = append(names, name)
					walk(d.components[name])
				}
			}
		}
		for i, c := range n.Content {
			if n.Kind == source.Mapping && i%2 == 0 {
				continue
			}
			walk(c)
		}
	}
	walk(n)
	sort.Strings(names)
	return names, ok
}

// kinVerdicts validates the named schemas with kin-openapi, in a document
// holding them as components, and says which it finds a problem in. A
// schema that kin-openapi cannot even decode is one (its loader would
// stop at it): it is replaced by {} so that the others can be loaded, and
// the schemas whose $refs lead to it are marked too.
func kinVerdicts(t *testing.T, openAPI31 bool, schemas map[string]*source.Node, closures map[string][]string) map[string]bool {
	doc, bad := kinLoad(openAPI31, schemas, false)
	if doc == nil {
		doc, bad = kinLoad(openAPI31, schemas, true)
	}
	if doc == nil {
		t.Fatal("kin-openapi cannot load the schemas")
	}
	opts := []openapi3.ValidationOption{openapi3.DisableExamplesValidation()}
	if openAPI31 {
		opts = append(opts, openapi3.IsOpenAPI31OrLater())
	}
	verdicts := map[string]bool{}
	for name := range closures {
		verdict := bad[name]
		for _, dep := range closures[name] {
			verdict = verdict || bad[dep]
		}
		if !verdict {
			verdict = doc.Components.Schemas[name].Validate(context.Background(), opts...) != nil
		}
		verdicts[name] = verdict
	}
	return verdicts
}

// kinLoad loads the schemas as the components of a document, or returns
// nil. With probe, each schema is decoded on its own first, and one that
// cannot be is loaded as {} and returned in bad.
func kinLoad(openAPI31 bool, schemas map[string]*source.Node, probe bool) (doc *openapi3.T, bad map[string]bool) {
	bad = map[string]bool{}
	var buf []byte
	buf = append(buf, `{"openapi":"`...)
	buf = append(buf, map[bool]string{false: "3.0.3", true: "3.1.0"}[openAPI31]...)
	buf = append(buf, `","info":{"title":"t","version":"1"},"paths":{},"components":{"schemas":{`...)
	first := true
	for name, n := range schemas {
		raw := schemaJSON(nil, n)
		if probe && json.Unmarshal(raw, &openapi3.SchemaRef{}) != nil {
			bad[name] = true
			raw = []byte("{}")
		}
		if !first {
			buf = append(buf, ',')
		}
		first = false
		buf = source.AppendJSONString(buf, name)
		buf = append(buf, ':')
		buf = append(buf, raw...)
	}
	buf = append(buf, "}}}"...)
	doc, err := openapi3.NewLoader().LoadFromData(buf)
	if err != nil {
		return nil, nil
	}
	return doc, bad
}

// schemaJSON writes a tree as JSON, as the validator's old encoder did.
func schemaJSON(b []byte, n *source.Node) []byte {
	switch n.Kind {
	case source.Mapping:
		b = append(b, '{')
		for i := 0; i < len(n.Content); i += 2 {
			if i > 0 {
				b = append(b, ',')
			}
			b = source.AppendJSONString(b, n.Content[i].Value)
			b = append(b, ':')
			b = schemaJSON(b, n.Content[i+1])
		}
		return append(b, '}')
	case source.Sequence:
		b = append(b, '[')
		for i, item := range n.Content {
			if i > 0 {
				b = append(b, ',')
			}
			b = schemaJSON(b, item)
		}
		return append(b, ']')
	}
	return source.AppendJSONScalar(b, n)
}

// ourVerdict says whether checkSchema finds a problem in a schema or in
// the components its $refs lead to (each checked where it is written).
func (d *schemaDoc) ourVerdict(n *source.Node, pointer string, deps []string) []Problem {
	problems := checkSchema(n, pointer, d.scope())
	for _, dep := range deps {
		problems = append(problems, checkSchema(d.components[dep], "/components/schemas/"+source.EscapeToken(dep), d.scope())...)
	}
	return problems
}

// compared is one schema both validators judged.
type compared struct {
	doc      *schemaDoc
	pointer  string
	node     *source.Node
	deps     []string
	kin      bool
	problems []Problem
}

// check fails the test when the verdicts differ for no documented
// reason, and counts the documented differences in differ.
func (c compared) check(t *testing.T, what string, differ map[string]int) {
	t.Helper()
	ours := len(c.problems) > 0
	if ours == c.kin {
		return
	}
	all := append([]*source.Node{c.node}, c.depNodes()...)
	if why := schemaDifference(all, c.doc.openAPI31, c.kin); why != "" {
		differ[why]++
		return
	}
	t.Errorf("%s %s%s: kin-openapi finds a problem: %v, checkSchema: %v\n%s", c.doc.name, c.pointer, what, c.kin, c.problems, schemaJSON(nil, c.node))
}

func (c compared) depNodes() []*source.Node {
	var out []*source.Node
	for _, dep := range c.deps {
		out = append(out, c.doc.components[dep])
	}
	return out
}

// TestSchemaMatchesKin compares the verdicts on every schema of the
// documents as written.
func TestSchemaMatchesKin(t *testing.T) {
	docs := loadSchemaDocs(!testing.Short() && !raceDetector)
	if len(docs) == 0 {
		t.Fatal("no OpenAPI 3 documents found")
	}
	total, differ := 0, map[string]int{}
	for _, d := range docs {
		schemas := map[string]*source.Node{}
		for name, n := range d.components {
			schemas[name] = n
		}
		closures := map[string][]string{}
		byName := map[string]schemaTarget{}
		for i, target := range d.targets {
			deps, ok := d.componentRefs(target.node)
			if !ok {
				continue
			}
			name := "zz-target-" + itoa(i)
			schemas[name] = target.node
			closures[name] = deps
			byName[name] = target
		}
		for name := range schemas { // a component with unsupported $refs cannot be loaded
			if _, ok := d.componentRefs(schemas[name]); !ok {
				delete(schemas, name)
				delete(closures, name)
			}
		}
		verdicts := kinVerdicts(t, d.openAPI31, schemas, closures)
		for name, kin := range verdicts {
			target := byName[name]
			c := compared{doc: d, pointer: target.pointer, node: target.node, deps: closures[name], kin: kin}
			c.problems = d.ourVerdict(target.node, target.pointer, c.deps)
			total++
			c.check(t, "", differ)
		}
	}
	t.Logf("%d schemas compared; documented differences: %v", total, differ)
}

// schemaDifference names the documented difference that explains why
// kin-openapi (finding a problem: kin) and checkSchema disagree on the
// schemas given (the schema compared, then the components it uses), or
// returns "".
func schemaDifference(schemas []*source.Node, openAPI31, kin bool) string {
	for _, d := range schemaDifferences {
		if d.kin == kin && (d.version == "" || d.version == map[bool]string{false: "3.0", true: "3.1"}[openAPI31]) &&
			anyMapping(schemas, d.in) {
			return d.name
		}
	}
	return ""
}

// schemaDifferences are the cases docs/rules.md lists ("Schema Objects"):
// in a document of the version given ("" for both), kin-openapi finds a
// problem (kin) or not where checkSchema does the opposite, when a mapping
// of the schemas is as in says.
var schemaDifferences = []struct {
	name    string
	version string
	kin     bool
	in      func(m *source.Node) bool
}{
	{"a null default", "", false, func(m *source.Node) bool { return hasTag(m.Lookup("default"), source.TagNull) }},
	{"a \\u escape in a pattern", "", true, func(m *source.Node) bool {
		return strings.Contains(textOf(m, "pattern"), `\u`)
	}},
	{"a pattern of a schema without type string", "", false, func(m *source.Node) bool {
		return m.Lookup("pattern") != nil && patternError(textOf(m, "pattern")) != ""
	}},
	{"allowEmptyValue in a schema", "3.0", false, func(m *source.Node) bool { return m.Lookup("allowEmptyValue") != nil }},
	{"a field JSON Schema does not know, in 3.1", "3.1", true, func(m *source.Node) bool {
		for i := 0; i < len(m.Content); i += 2 {
			if k := m.Content[i].Value; !strings.HasPrefix(k, "x-") && !kinKeywords[k] {
				return true
			}
		}
		return m.Lookup("nullable") != nil
	}},
	{"multipleOf 0 or less", "", false, func(m *source.Node) bool {
		v := m.Lookup("multipleOf")
		return v != nil && jsonKind(v) == kindNumber && !isPositiveNumber(v)
	}},
	{"a discriminator without propertyName, or with unknown fields", "", false, func(m *source.Node) bool {
		d := m.Lookup("discriminator")
		return d != nil && (d.Lookup("propertyName") == nil || len(checkSchema(&source.Node{Kind: source.Mapping, Content: []*source.Node{source.NewString("discriminator"), d}}, "", schemaScope{})) > 0)
	}},
	{"unknown fields in xml", "", false, func(m *source.Node) bool {
		x := m.Lookup("xml")
		return x != nil && len(checkSchema(&source.Node{Kind: source.Mapping, Content: []*source.Node{source.NewString("xml"), x}}, "", schemaScope{})) > 0
	}},
	{"null where a schema field's value belongs", "", false, func(m *source.Node) bool {
		for i := 0; i < len(m.Content); i += 2 {
			if k := m.Content[i].Value; hasTag(m.Content[i+1], source.TagNull) && k != "default" && k != "example" && k != "const" {
				return true
			}
		}
		return false
	}},
	{"a date-time with a lowercase t or z", "", true, func(m *source.Node) bool {
		d := m.Lookup("default")
		return textOf(m, "format") == "date-time" && d != nil && strings.ContainsAny(d.Value, "tz")
	}},
}

// kinKeywords are the fields kin-openapi's Schema reads.
var kinKeywords = map[string]bool{}

func init() {
	for _, k := range strings.Fields(`oneOf anyOf allOf not type title format description enum default example externalDocs
		uniqueItems exclusiveMinimum exclusiveMaximum nullable readOnly writeOnly allowEmptyValue deprecated xml
		minimum maximum multipleOf minLength maxLength pattern minItems maxItems items required properties
		minProperties maxProperties additionalProperties discriminator const examples prefixItems contains
		minContains maxContains patternProperties dependentSchemas propertyNames unevaluatedItems
		unevaluatedProperties if then else dependentRequired $defs $schema $comment $id $anchor $dynamicRef
		$dynamicAnchor contentMediaType contentEncoding contentSchema $ref`) {
		kinKeywords[k] = true
	}
}

// textOf is the text of a scalar field of m, or "".
func textOf(m *source.Node, key string) string {
	if v := m.Lookup(key); v != nil {
		return v.Value
	}
	return ""
}

// anyMapping reports whether in holds for a mapping in the trees given.
func anyMapping(trees []*source.Node, in func(m *source.Node) bool) bool {
	for _, n := range trees {
		if n.Kind == source.Mapping && in(n) {
			return true
		}
		if anyMapping(n.Content, in) {
			return true
		}
	}
	return false
}

// schemaMutations change one field of a schema (YAML text, or "DELETE" to
// remove the field); each is applied to every schema of the documents.
var schemaMutations = []map[string]string{
	{"type": "bogus"},
	{"type": "[string, 'null']"},
	{"type": "'null'"},
	{"type": "5"},
	{"type": "[string, bogus]"},
	{"default": "{zz: [1]}"},
	{"default": "'text'"},
	{"default": "3"},
	{"default": "~"},
	{"type": "integer", "default": "3.5"},
	{"type": "integer", "minimum": "5", "default": "3"},
	{"type": "integer", "minimum": "5", "default": "5", "exclusiveMinimum": "true"},
	{"type": "number", "multipleOf": "0.1", "default": "0.3"},
	{"type": "integer", "format": "int32", "default": "3000000000"},
	{"type": "string", "format": "date", "default": "'2024-13-01'"},
	{"type": "string", "format": "date-time", "default": "'2024-01-01T00:00:00Z'"},
	{"type": "string", "maxLength": "2", "default": "'abc'"},
	{"type": "string", "pattern": "'^a+$'", "default": "'b'"},
	{"enum": "[a, b]", "default": "c"},
	{"enum": "[a, b]", "default": "b"},
	{"type": "object", "required": "[zz]", "default": "{}"},
	{"type": "object", "additionalProperties": "false", "default": "{zz: 1}"},
	{"type": "array", "items": "{type: integer}", "default": "[1, x]"},
	{"type": "array", "items": "{type: integer}", "uniqueItems": "true", "default": "[1, 1]"},
	{"foo": "1"},
	{"x-foo": "1"},
	{"allowEmptyValue": "true"},
	{"pattern": "'('"},
	{"type": "string", "pattern": "'('"},
	{"type": "string", "pattern": `'\u00e9'`},
	{"type": "array", "items": "DELETE"},
	{"readOnly": "true", "writeOnly": "true"},
	{"required": "[a, a]"},
	{"required": "a"},
	{"additionalProperties": "'yes'"},
	{"additionalProperties": "{type: bogus}"},
	{"minLength": "-1"},
	{"maxItems": "1.5"},
	{"minimum": "'1'"},
	{"title": "5"},
	{"description": "{a: 1}"},
	{"enum": "x"},
	{"exclusiveMinimum": "5"},
	{"exclusiveMaximum": "true"},
	{"nullable": "'yes'"},
	{"deprecated": "1"},
	{"items": "[{}]"},
	{"items": "true"},
	{"properties": "[]"},
	{"properties": "{a: string}"},
	{"properties": "{a: {type: bogus}}"},
	{"allOf": "{}"},
	{"oneOf": "[{type: bogus}]"},
	{"not": "{type: [1]}"},
	{"const": "1"},
	{"examples": "[1]"},
	{"examples": "1"},
	{"$defs": "{a: {type: bogus}}"},
	{"$id": "5"},
	{"prefixItems": "[{type: string}]"},
	{"unevaluatedProperties": "false"},
	{"not": "true"},
	{"externalDocs": "{description: d}"},
	{"externalDocs": "{url: 'https://example.com', foo: 1}"},
	{"discriminator": "{propertyName: kind}"},
	{"discriminator": "kind"},
	{"discriminator": "{propertyName: 5}"},
	{"xml": "{name: n, attribute: 'yes'}"},
	{"$ref": "5"},
	{"multipleOf": "0"},
	{"const": "1", "default": "2"},
	{"type": "[integer, 'null']", "default": "~"},
	{"type": "array", "prefixItems": "[{type: string}]", "default": "[1]"},
	{"type": "number", "exclusiveMinimum": "5", "default": "5"},
	{"type": "object", "properties": "{a: {type: string}}", "default": "{a: 1}"},
	{"type": "object", "patternProperties": "{'^a': {type: string}}", "additionalProperties": "false", "default": "{ab: x}"},
	{"anyOf": "[{type: string}, {type: integer}]", "default": "true"},
	{"oneOf": "[{type: number}, {type: integer}]", "default": "1"},
	{"not": "{type: string}", "default": "x"},
	{"allOf": "[{minimum: 3}]", "default": "2"},
	{"type": "string", "format": "byte", "default": "'a b'"},
	{"discriminator": "{mapping: {a: '#/x'}}"},
	{"discriminator": "{propertyName: k, foo: 1}"},
	{"xml": "{foo: 1}"},
	{"title": "~"},
	{"type": "string", "format": "date-time", "default": "'2024-01-01t00:00:00z'"},
}

// TestSchemaMutationsMatchKin compares the verdicts on each mutation of
// each schema of the fixtures and the corpus.
func TestSchemaMutationsMatchKin(t *testing.T) {
	docs := loadSchemaDocs(false)
	if len(docs) == 0 {
		t.Fatal("no OpenAPI 3 documents found")
	}
	values := map[string]*source.Node{}
	for _, m := range schemaMutations {
		for _, text := range m {
			if text != "DELETE" {
				parsed, err := source.Parse("m.yaml", []byte("v: "+text))
				if err != nil {
					t.Fatal(err)
				}
				values[text] = parsed.Root.Lookup("v")
			}
		}
	}
	total, found, differ := 0, 0, map[string]int{}
	for _, d := range docs {
		for _, target := range d.targets {
			if target.node.Kind != source.Mapping || target.node.Lookup("$ref") != nil {
				continue
			}
			deps, ok := d.componentRefs(target.node)
			if !ok {
				continue
			}
			for _, m := range schemaMutations {
				mutated := withFields(target.node, m, values)
				schemas := map[string]*source.Node{"zz-target": mutated}
				for _, dep := range deps {
					schemas[dep] = d.components[dep]
				}
				kin := kinVerdicts(t, d.openAPI31, schemas, map[string][]string{"zz-target": deps})["zz-target"]
				c := compared{doc: d, pointer: target.pointer, node: mutated, deps: deps, kin: kin}
				c.problems = d.ourVerdict(mutated, target.pointer, deps)
				total++
				if len(c.problems) > 0 {
					found++
				}
				c.check(t, " with "+mutationText(m), differ)
			}
		}
	}
	t.Logf("%d mutated schemas compared, %d with problems; documented differences: %v", total, found, differ)
	for _, d := range schemaDifferences {
		if differ[d.name] == 0 {
			t.Errorf("no mutation shows the difference %q: test it or drop it", d.name)
		}
	}
}

// withFields returns a copy of the mapping n with the fields of m set.
func withFields(n *source.Node, m map[string]string, values map[string]*source.Node) *source.Node {
	out := &source.Node{Kind: source.Mapping, Tag: source.TagMap}
	for i := 0; i < len(n.Content); i += 2 {
		if _, replaced := m[n.Content[i].Value]; !replaced {
			out.Content = append(out.Content, n.Content[i], n.Content[i+1])
		}
	}
	for _, k := range sortedKeys(m) {
		if m[k] != "DELETE" {
			out.Content = append(out.Content, source.NewString(k), values[m[k]])
		}
	}
	return out
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func mutationText(m map[string]string) string {
	var parts []string
	for _, k := range sortedKeys(m) {
		parts = append(parts, k+": "+m[k])
	}
	return "{" + strings.Join(parts, ", ") + "}"
}
