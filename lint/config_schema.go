package lint

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/docs"
	"github.com/apigw-oas/apigw-oas/source"
)

// configSchema is docs/config.schema.json compiled, the first time a
// configuration is read: compiling costs milliseconds that a run without
// a configuration should not pay.
var configSchema = sync.OnceValues(func() (*jsonschema.Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(docs.ConfigSchema))
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("config.schema.json", doc); err != nil {
		return nil, err
	}
	return c.Compile("config.schema.json")
})

// checkSchema reports where a configuration the decoder accepted breaks
// the published schema, so the two cannot drift apart unnoticed: a user
// would see the disagreement on the first run, and the tests see it first.
func checkSchema(doc *source.Document) []diag.Diagnostic {
	schema, err := configSchema()
	if err != nil {
		panic(fmt.Sprintf("docs/config.schema.json does not compile: %v", err)) // a bug: the file is embedded
	}
	verr, ok := schema.Validate(jsonValue(doc.Root)).(*jsonschema.ValidationError)
	if !ok {
		return nil
	}
	where, why := deepestProblem(verr)
	at := doc.Root
	if e, err := doc.Root.LookupPointer(where); err == nil {
		at = e.Value
	}
	return []diag.Diagnostic{{Rule: diag.RuleConfig, Severity: diag.Error, Span: doc.Span(at),
		Message: "the configuration does not match its schema (docs/config.schema.json): " + why}}
}

// deepestProblem is the schema error nearest a leaf of the configuration,
// the most specific of what the validator says.
func deepestProblem(verr *jsonschema.ValidationError) (pointer, message string) {
	var leaf *jsonschema.ValidationError
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) == 0 && (leaf == nil || len(e.InstanceLocation) > len(leaf.InstanceLocation)) {
			leaf = e
		}
		for _, c := range e.Causes {
			walk(c)
		}
	}
	walk(verr)
	// a leaf's text is "at '/pointer': what is wrong"
	message = leaf.Error()
	if _, what, ok := strings.Cut(message, "': "); ok {
		message = what
	}
	return source.Pointer(leaf.InstanceLocation...), message
}

// jsonValue is a node as JSON decoding would give it to the validator.
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
