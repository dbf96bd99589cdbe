package lint_test

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	yaml "go.yaml.in/yaml/v3"

	"github.com/apigw-oas/apigw-oas/lint"
	"github.com/apigw-oas/apigw-oas/lint/rules"
)

// Every configuration in the repository is valid against the published
// schema and loads without problems; the schema lists every rule.
func TestConfigsMatchSchema(t *testing.T) {
	schema := compileSchema(t)
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
	for _, path := range configs {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var doc any
		if err := yaml.Unmarshal(data, &doc); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if err := schema.Validate(jsonValue(t, doc)); err != nil {
			t.Errorf("%s does not match docs/config.schema.json: %v", path, err)
		}
		if _, problems := lint.LoadConfig(path, rules.All); problems != nil {
			t.Errorf("%s: %v", path, problems)
		}
	}
	raw, _ := os.ReadFile("../docs/config.schema.json")
	for _, r := range rules.All {
		if !strings.Contains(string(raw), `"`+r.ID+`"`) {
			t.Errorf("docs/config.schema.json does not list rule %s", r.ID)
		}
	}
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

// jsonValue converts YAML-decoded data to what JSON decoding would give.
func jsonValue(t *testing.T, v any) any {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	out, err := jsonschema.UnmarshalJSON(strings.NewReader(string(data)))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// The schema is not vacuous: what LoadConfig rejects, it rejects too.
func TestSchemaRejectsBadConfigs(t *testing.T) {
	schema := compileSchema(t)
	for _, bad := range []string{
		"colour: red\n",
		"fail-on: sometimes\n",
		"rules: {no-such-rule: off}\n",
		"rules: {media-type-duplicate: loud}\n",
		"rules: {browser-accept-unmatched: {options: {browsers: [Netscape]}}}\n",
		"categories: {payloads: off}\n",
		"ignore: [{rule: media-type-duplicate, files: '*.yaml'}]\n",
	} {
		var doc any
		if err := yaml.Unmarshal([]byte(bad), &doc); err != nil {
			t.Fatal(err)
		}
		if err := schema.Validate(jsonValue(t, doc)); err == nil {
			t.Errorf("the schema accepts %q", bad)
		}
	}
}
