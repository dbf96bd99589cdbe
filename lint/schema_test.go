package lint_test

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	yaml "go.yaml.in/yaml/v3"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/lint"
	"github.com/apigw-oas/apigw-oas/lint/rules"
	"github.com/apigw-oas/apigw-oas/source"
)

// LoadConfig checks configurations in our own code, and
// docs/config.schema.json is what editors check them with. These tests
// hold the two together with a real JSON Schema validator: on every
// configuration in the repository and on mutations of each, both accept
// or both reject, and where both reject, LoadConfig reports inside the
// value the schema names.

// Every configuration in the repository is valid, and each mutation of it
// is judged alike by the schema and by LoadConfig.
func TestSchemaAgreesOnMutations(t *testing.T) {
	schema := compileSchema(t)
	dir := t.TempDir()
	for _, path := range repoConfigs(t) {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if problems := agree(t, schema, dir, string(data)); problems != "" {
			t.Errorf("%s is a valid configuration, yet: %s", path, problems)
		}
		for _, mutant := range mutations(t, data) {
			agree(t, schema, dir, mutant)
		}
	}
}

// Hand-picked mistakes, each of which both reject.
func TestSchemaAgreesOnMistakes(t *testing.T) {
	schema := compileSchema(t)
	dir := t.TempDir()
	for _, bad := range []string{
		"colour: red\n",
		"fail-on: sometimes\n",
		"rules: {no-such-rule: off}\n",
		"rules: {media-type-duplicate: loud}\n",
		"rules: {media-type-duplicate: {severity: loud}}\n",
		"rules: {media-type-escaped: {options: {strict: true}}}\n",
		"rules: {browser-accept-unmatched: {options: {browsers: [Netscape]}}}\n",
		"rules: {browser-accept-unmatched: {options: {browsers: [Chrome, chrome]}}}\n",
		"rules: {browser-accept-unmatched: {options: {browsers: Chrome}}}\n",
		"categories: {payloads: off}\n",
		"ignore: [{rule: media-type-duplicate, files: '*.yaml'}]\n",
		"ignore: [{rule: media-type-duplicate, reason: ''}]\n",
		"ignore: [{rule: media-type-duplicate, reason: '  '}]\n",
		"ignore: [{rule: media-type-duplicate, reason: 5}]\n",
		"ignore: [{rule: media-type-duplicate, reason: true}]\n",
		"ignore: [{rule: media-type-duplicate, reason: r, pointer: paths}]\n",
		"ignore: [{rule: media-type-duplicate, reason: r, pointer: /a~2b}]\n",
		"ignore: [{rule: media-type-duplicate, reason: r, pointer: '/a~'}]\n",
		"ignore: [{rule: media-type-duplicate, reason: r, pointer: '##/a'}]\n",
		"ignore: [{rule: media-type-duplicate, reason: r, files: 5}]\n",
		"ignore: [5]\n",
		"ignore: {rule: config}\n",
		"- fail-on: error\n",
		"null\n",
	} {
		if agree(t, schema, dir, bad) == "" {
			t.Errorf("both accept %q", bad)
		}
	}
}

// The schema names exactly the rules and options there are.
func TestSchemaListsRulesAndOptions(t *testing.T) {
	raw, err := os.ReadFile("../docs/config.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	type object = map[string]any
	var schema object
	if err := json.Unmarshal(raw, &schema); err != nil {
		t.Fatal(err)
	}
	defs := schema["definitions"].(object)
	settings := schema["properties"].(object)["rules"].(object)["properties"].(object)
	ignorable := defs["ignore"].(object)["properties"].(object)["rule"].(object)["enum"].([]any)
	var ids []string
	for _, r := range rules.All {
		ids = append(ids, r.ID)
		setting, ok := settings[r.ID].(object)
		if !ok {
			t.Errorf("rules.%s is not in the schema", r.ID)
			continue
		}
		ref := strings.TrimPrefix(setting["$ref"].(string), "#/definitions/")
		options := defs[ref].(object)["oneOf"].([]any)[1].(object)["properties"].(object)["options"].(object)
		props, _ := options["properties"].(object) // none: the rule has no options
		var names []string
		for name := range props {
			names = append(names, name)
		}
		var want []string
		for _, o := range r.Options {
			want = append(want, o.Name)
		}
		slices.Sort(names)
		slices.Sort(want)
		if !slices.Equal(names, want) {
			t.Errorf("the schema gives %s the options %v, the rule has %v", r.ID, names, want)
		}
	}
	if len(settings) != len(ids) {
		t.Errorf("the schema lists %d rules, there are %d", len(settings), len(ids))
	}
	if want := append(ids, "config"); !slices.Equal(anyStrings(ignorable), want) {
		t.Errorf("ignore entries may name %v, want %v", ignorable, want)
	}
}

func anyStrings(list []any) []string {
	var out []string
	for _, v := range list {
		out = append(out, v.(string))
	}
	return out
}

// agree loads text as a configuration, with LoadConfig and with the
// schema, fails the test where the two disagree, and returns LoadConfig's
// problems ("" when it accepts).
func agree(t *testing.T, schema *jsonschema.Schema, dir, text string) string {
	t.Helper()
	path := filepath.Join(dir, lint.ConfigFileName)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	_, problems := lint.LoadConfig(path, rules.All)
	got := lines(problems)
	doc, err := source.Parse(path, []byte(text))
	if err != nil {
		t.Fatalf("%q: %v", text, err)
	}
	wrong := schemaProblems(schema, doc)
	switch {
	case wrong == nil && problems != nil:
		t.Errorf("the schema accepts what LoadConfig rejects:\n%s\n%s", text, got)
	case wrong != nil && problems == nil:
		t.Errorf("LoadConfig accepts what the schema rejects (%s at %s):\n%s", wrong[0].why, doc.Span(wrong[0].at), text)
	case wrong != nil:
		// Each problem is inside a value the schema rejects, and one is
		// inside the value it is most specific about.
		for _, p := range problems {
			if !slices.ContainsFunc(wrong, func(w schemaProblem) bool { return w.contains(p.Span.Start) }) {
				t.Errorf("LoadConfig reports at %s, where the schema finds nothing wrong:\n%s\n%s", p.Span, text, got)
			}
		}
		if !slices.ContainsFunc(problems, func(p diag.Diagnostic) bool { return wrong[0].contains(p.Span.Start) }) {
			t.Errorf("LoadConfig reports nothing inside %s, where the schema says %s:\n%s\n%s", doc.Span(wrong[0].at), wrong[0].why, text, got)
		}
	}
	return got
}

// schemaProblem is a value the schema rejects, and why.
type schemaProblem struct {
	at  *source.Node
	why string
}

func (w schemaProblem) contains(p source.Pos) bool {
	return w.at.Start.Offset <= p.Offset && p.Offset <= w.at.End.Offset
}

// schemaProblems are the values the schema rejects (none when it accepts
// the document), the deepest first: the validator's most specific.
func schemaProblems(schema *jsonschema.Schema, doc *source.Document) []schemaProblem {
	verr, ok := schema.Validate(jsonValue(doc.Root)).(*jsonschema.ValidationError)
	if !ok {
		return nil
	}
	var leaves []*jsonschema.ValidationError
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) == 0 {
			leaves = append(leaves, e)
		}
		for _, c := range e.Causes {
			walk(c)
		}
	}
	walk(verr)
	slices.SortStableFunc(leaves, func(a, b *jsonschema.ValidationError) int {
		return len(b.InstanceLocation) - len(a.InstanceLocation)
	})
	var out []schemaProblem
	for _, leaf := range leaves {
		at, err := doc.Root.LookupPointer(source.Pointer(leaf.InstanceLocation...))
		if err != nil {
			panic(err) // the validator names a value of this document
		}
		out = append(out, schemaProblem{at.Value, leaf.Error()})
	}
	return out
}

// jsonValue is a node as a JSON Schema validator sees YAML: numbers,
// booleans and null typed, every other scalar (a date too) a string.
func jsonValue(n *source.Node) any {
	switch n.Kind {
	case source.Mapping:
		m := make(map[string]any, n.Len())
		for i := 0; i < n.Len(); i++ {
			k, v := n.Pair(i)
			m[k.Value] = jsonValue(v)
		}
		return m
	case source.Sequence:
		items := make([]any, len(n.Content))
		for i, item := range n.Content {
			items[i] = jsonValue(item)
		}
		return items
	}
	switch n.Tag {
	case source.TagInt, source.TagFloat:
		return json.Number(n.Value)
	case source.TagBool:
		return strings.EqualFold(n.Value, "true") // YAML also writes True and TRUE
	case source.TagNull:
		return nil
	}
	return n.Value
}

// replacements are what mutations put in place of each value: every JSON
// type, and values valid somewhere in a configuration, so a value valid in
// one place is tried in all the others.
var replacements = []string{
	`5`, `1.5`, `true`, `null`, `""`, `" "`, `nonsense`, `2024-01-01`, `[]`, `[nonsense]`, `{}`, `{nonsense: 1}`,
	`error`, `off`, `never`, `Chrome`, `chrome`, `[Chrome]`, `[Chrome, Netscape]`, `config`, `media-type-duplicate`,
	`/a~1b`, `/a~2b`, `"#"`, `{severity: error}`, `{options: {}}`, `{options: {browsers: [Safari]}}`,
	`{integration: off}`, `[{rule: config, reason: r}]`,
}

// addedKeys are the keys mutations add to every mapping.
var addedKeys = []string{"nonsense", "fail-on", "rules", "severity", "options", "browsers", "integration", "media-type-duplicate", "rule", "files", "pointer", "reason"}

// mutations are the configuration with one change each: a value replaced,
// a key added or removed, a list item added or removed.
func mutations(t *testing.T, data []byte) []string {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	var out []string
	render := func() {
		text, err := yaml.Marshal(&doc)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(text))
	}
	var visit func(n *yaml.Node)
	visit = func(n *yaml.Node) {
		saved := *n
		for _, r := range replacements {
			*n = *parseYAML(t, r)
			render()
		}
		*n = saved
		content := n.Content
		switch n.Kind {
		case yaml.MappingNode:
			for _, k := range addedKeys {
				if slices.ContainsFunc(content, func(c *yaml.Node) bool { return c.Value == k }) {
					continue // a duplicate key is a parse error, not the schema's business
				}
				n.Content = append(slices.Clip(content), parseYAML(t, k), parseYAML(t, "x"))
				render()
			}
			for i := 0; i < len(content); i += 2 {
				n.Content = slices.Concat(content[:i], content[i+2:])
				render()
			}
		case yaml.SequenceNode:
			n.Content = append(slices.Clip(content), parseYAML(t, "nonsense"))
			render()
			for i := range content {
				n.Content = slices.Concat(content[:i], content[i+1:])
				render()
			}
		}
		n.Content = content
		for i, c := range content {
			if n.Kind != yaml.MappingNode || i%2 == 1 { // values, not keys
				visit(c)
			}
		}
	}
	visit(doc.Content[0])
	return out
}

func parseYAML(t *testing.T, text string) *yaml.Node {
	t.Helper()
	var n yaml.Node
	if err := yaml.Unmarshal([]byte(text), &n); err != nil {
		t.Fatal(err)
	}
	return n.Content[0]
}

// repoConfigs are the configurations in the repository: the example in
// docs/ and those the tests use.
func repoConfigs(t *testing.T) []string {
	t.Helper()
	var configs []string
	filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (d.Name() == lint.ConfigFileName || d.Name() == lint.ConfigFileNameYML || strings.HasSuffix(d.Name(), ".apigw-oas.yaml")) && !strings.Contains(path, "invalid") {
			configs = append(configs, path)
		}
		return nil
	})
	if len(configs) == 0 {
		t.Fatal("no configuration found in the repository")
	}
	return configs
}

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open("../docs/config.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("config.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("config.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}
