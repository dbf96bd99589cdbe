package validate

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/apigw-oas/apigw-oas/source"
)

// schemaCase is a schema written under "s" in a document whose other
// components it may $ref, and the problems checkSchema reports, each as
// "pointer class: part of the message".
type schemaCase struct {
	name   string
	v31    bool
	schema string
	want   []string
}

// schemaComponents are the components the cases' $refs name.
const schemaComponents = `
components:
  schemas:
    Name: {type: string, maxLength: 3}
    Tree: {type: object, properties: {children: {type: array, items: {$ref: '#/components/schemas/Tree'}}}}
`

var schemaCases = []schemaCase{
	{name: "valid", schema: "{type: object, required: [a], properties: {a: {type: string, pattern: '^a', default: abc}}, x-anything: [1]}"},
	{name: "not an object", schema: "string", want: []string{`/s 1: a schema must be an object, not the string "string"`}},
	{name: "boolean in 3.0", schema: "true", want: []string{"/s 1: (boolean schemas are OpenAPI 3.1's)"}},
	{name: "boolean in 3.1", v31: true, schema: "{items: false, not: true}"},
	{name: "list in 3.1", v31: true, schema: "[]", want: []string{"/s 1: a schema must be an object or a boolean"}},
	{name: "bad type", schema: "{type: strin}", want: []string{`/s/type 0: "strin" is not a type`}},
	{name: "type of another type", schema: "{type: 5}", want: []string{"/s/type 2: type must be a string, not the number 5"}},
	{name: "null type in 3.0", schema: "{type: 'null'}", want: []string{`/s/type 0: write "nullable: true"`}},
	{name: "type list in 3.0", schema: "{type: [string, 'null']}", want: []string{"/s/type 0: a list of types is OpenAPI 3.1's"}},
	{name: "type list in 3.1", v31: true, schema: "{type: [string, 'null', bogus]}", want: []string{`/s/type/2 0: "bogus" is not a type`}},
	{name: "array without items in 3.0", schema: "{type: array}", want: []string{"/s 0: a schema of type array must have items"}},
	{name: "array without items in 3.1", v31: true, schema: "{type: array}"},
	{name: "tuple items in 3.0", schema: "{type: array, items: [{}]}", want: []string{"/s/items 1: OpenAPI 3.0 has no tuples"}},
	{name: "readOnly and writeOnly", schema: "{readOnly: true, writeOnly: True}", want: []string{"/s 0: readOnly and writeOnly cannot both be true"}},
	{name: "readOnly and writeOnly in 3.1", v31: true, schema: "{readOnly: true, writeOnly: true}"},
	{name: "counts", schema: "{minLength: -1, maxLength: 1.0, minItems: '1', maxItems: 0x10}", want: []string{
		"/s/minLength 2: minLength must be a whole number, 0 or more, not the number -1",
		"/s/maxLength 2: not the number 1.0",
		`/s/minItems 2: not the string "1"`,
	}},
	{name: "numbers", schema: "{minimum: '1', maximum: .inf, multipleOf: 0}", want: []string{
		`/s/minimum 2: minimum must be a number, not the string "1"`,
		"/s/maximum 2: not the number .inf",
		"/s/multipleOf 0: multipleOf must be greater than 0",
	}},
	{name: "exclusive bounds in 3.0", schema: "{minimum: 1, exclusiveMinimum: true, exclusiveMaximum: 5}", want: []string{
		"/s/exclusiveMaximum 0: a numeric exclusiveMaximum is OpenAPI 3.1's: in 3.0 it is a boolean that makes maximum exclusive",
	}},
	{name: "exclusive bounds in 3.1", v31: true, schema: "{exclusiveMinimum: 1, exclusiveMaximum: true}", want: []string{
		"/s/exclusiveMaximum 0: a boolean exclusiveMaximum is OpenAPI 3.0's",
	}},
	{name: "strings and booleans", schema: "{title: 1, description: [], format: {}, nullable: 'yes', deprecated: 1}", want: []string{
		"/s/title 2: title must be a string, not the number 1",
		"/s/description 2: not a list",
		"/s/format 2: not an object",
		`/s/nullable 2: nullable must be a boolean, not the string "yes"`,
		"/s/deprecated 2: deprecated must be a boolean",
	}},
	{name: "nullable is any keyword in 3.1", v31: true, schema: "{nullable: 'yes'}"},
	{name: "bad pattern", schema: "{type: string, pattern: '(a'}", want: []string{"/s/pattern 0: the pattern is not a regular expression apigw-oas can read: error parsing regexp"}},
	{name: "ECMA-262 escapes", schema: `{type: string, pattern: '^\u00e9\u0041$', default: "éA"}`},
	{name: "enum not a list", schema: "{enum: a}", want: []string{`/s/enum 1: enum must be a list, not the string "a"`}},
	{name: "required", schema: "{required: [a, 1, a]}", want: []string{
		"/s/required/1 2: item 1 of required must be a string, not the number 1",
		`/s/required/2 0: required names "a" twice`,
	}},
	{name: "nested schemas", schema: "{properties: {a/b: {type: bogus}}, items: {type: 1}, additionalProperties: {type: x}, allOf: [{}, {type: y}], not: 5}", want: []string{
		`/s/properties/a~1b/type 0: "bogus" is not a type`,
		"/s/items/type 2: type must be a string",
		`/s/additionalProperties/type 0: "x" is not a type`,
		`/s/allOf/1/type 0: "y" is not a type`,
		"/s/not 1: a schema must be an object",
	}},
	{name: "shapes of nested schemas", schema: "{properties: [], allOf: {}, additionalProperties: 'yes'}", want: []string{
		"/s/properties 1: properties must be an object, not a list",
		"/s/allOf 1: allOf must be a list of schemas, not an object",
		"/s/additionalProperties 1: a schema must be an object",
	}},
	{name: "additionalProperties false", schema: "{additionalProperties: false}"},
	{name: "unknown fields in 3.0", schema: "{foo: 1, allowEmptyValue: true, const: 1, $defs: {a: {type: z}}, x-ok: 1}", want: []string{
		`/s/foo 0: "foo" is not a field of an OpenAPI 3.0 Schema Object`,
		`/s/allowEmptyValue 0: "allowEmptyValue" is not a field`,
		`/s/const 0: "const" is a keyword of OpenAPI 3.1's schemas`,
		`/s/$defs/a/type 0: "z" is not a type`,
		`/s/$defs 0: "$defs" is a keyword of OpenAPI 3.1's schemas`,
	}},
	{name: "unknown fields in 3.1", v31: true, schema: "{foo: 1, nullable: true, $defs: {a: {type: z}}, examples: 1, $id: 5, dependentRequired: {a: [1]}}", want: []string{
		`/s/$defs/a/type 0: "z" is not a type`,
		"/s/examples 1: examples must be a list",
		"/s/$id 2: $id must be a string",
		"/s/dependentRequired/a/0 2: item 0 of a must be a string",
	}},
	{name: "3.1 subschemas", v31: true, schema: "{prefixItems: [{type: q}], if: {type: r}, patternProperties: {'^a': 1}, unevaluatedProperties: false}", want: []string{
		`/s/prefixItems/0/type 0: "q" is not a type`,
		`/s/if/type 0: "r" is not a type`,
		"/s/patternProperties/^a 1: a schema must be an object or a boolean",
	}},
	{name: "$ref siblings ignored in 3.0", schema: "{$ref: '#/components/schemas/Name', type: bogus}"},
	{name: "$ref siblings checked in 3.1", v31: true, schema: "{$ref: '#/components/schemas/Name', type: bogus}", want: []string{`/s/type 0: "bogus" is not a type`}},
	{name: "$ref not a string", schema: "{$ref: 5}", want: []string{"/s/$ref 2: $ref must be a string, not the number 5"}},
	{name: "discriminator", schema: "{discriminator: {mapping: {a: 1}, foo: 1}}", want: []string{
		`/s/discriminator/mapping/a 2: mapping "a" must be a string`,
		`/s/discriminator/foo 0: "foo" is not a field of this object`,
		"/s/discriminator 3: discriminator must have propertyName",
	}},
	{name: "xml and externalDocs", schema: "{xml: {name: n, wrapped: 'no', x-y: 1}, externalDocs: {description: 1}}", want: []string{
		"/s/xml/wrapped 2: wrapped must be a boolean",
		"/s/externalDocs/description 2: description must be a string",
		"/s/externalDocs 3: externalDocs must have url",
	}},
	{name: "examples are not judged", schema: "{type: integer, example: abc}"},

	// Defaults are judged against their schema.
	{name: "default of another type", schema: "{type: integer, default: '1'}", want: []string{`/s/default 0: the default does not match its schema: the string "1" is not of type integer`}},
	{name: "default integer written 1.0", schema: "{type: integer, default: 1.0}"},
	{name: "default YAML number forms", schema: "{type: integer, maximum: 31, default: 0x1F}"},
	{name: "default YAML timestamp is a string", schema: "{type: string, format: date, default: 2024-02-29}"},
	{name: "default null in 3.0", schema: "{type: string, default: null}", want: []string{`/s/default 0: null is not allowed: the schema does not say "nullable: true"`}},
	{name: "default null nullable", schema: "{type: string, nullable: true, default: null}"},
	{name: "default null in 3.1", v31: true, schema: "{type: [string, 'null'], default: null}"},
	{name: "default bounds", schema: "{type: number, minimum: 1, exclusiveMinimum: true, default: 1}", want: []string{"/s/default 0: the number 1 is below the minimum 1 (exclusive)"}},
	{name: "default bounds in 3.1", v31: true, schema: "{type: number, exclusiveMaximum: 1, default: 1}", want: []string{"/s/default 0: the number 1 is above the maximum 1 (exclusive)"}},
	{name: "default multipleOf exact", schema: "{multipleOf: 0.1, default: 0.3}"},
	{name: "default multipleOf", schema: "{multipleOf: 0.25, default: 0.3}", want: []string{"/s/default 0: is not a multiple of 0.25"}},
	{name: "default int32", schema: "{type: integer, format: int32, default: 2147483648}", want: []string{"/s/default 0: does not fit format int32"}},
	{name: "default int32 smallest", schema: "{type: integer, format: int32, default: -2147483648}"},
	{name: "default string length counts characters", schema: "{type: string, maxLength: 2, default: 'éé'}"},
	{name: "default pattern", schema: "{type: string, pattern: '^a', default: ba}", want: []string{`/s/default 0: "ba" does not match the pattern "^a"`}},
	{name: "default formats", schema: "{type: string, format: date-time, default: '2024-01-01 10:00'}", want: []string{"/s/default 0: is not of format date-time"}},
	{name: "default unknown format", schema: "{type: string, format: anything, default: x}"},
	{name: "default enum", schema: "{enum: [1, b], default: 1.0}"},
	{name: "default not in enum", schema: "{enum: [a, b], default: c}", want: []string{`/s/default 0: the string "c" is not one of the values enum lists`}},
	{name: "default object", schema: "{type: object, required: [a], properties: {a: {type: string}}, additionalProperties: false, default: {a: x, b: 1}}", want: []string{
		"/s/default 0: at /b, the property is not one the schema names, and additionalProperties is false",
	}},
	{name: "default object required", schema: "{type: object, required: [a], default: {}}", want: []string{`/s/default 0: the object lacks the required property "a"`}},
	{name: "default array", schema: "{type: array, items: {type: integer}, uniqueItems: true, default: [1, 2, 1]}", want: []string{"/s/default 0: at /2, the list repeats an item"}},
	{name: "default array items", schema: "{type: array, items: {type: integer}, default: [1, x]}", want: []string{`/s/default 0: at /1, the string "x" is not of type integer`}},
	{name: "default through $ref", schema: "{type: array, items: {$ref: '#/components/schemas/Name'}, default: [abcd]}", want: []string{`/s/default 0: at /0, "abcd" is longer than maxLength 3`}},
	{name: "default recursive $ref", schema: "{$ref: '#/components/schemas/Tree', default: {children: [{children: []}]}}"},
	{name: "default recursive $ref wrong", v31: true, schema: "{$ref: '#/components/schemas/Tree', default: {children: [{children: 1}]}}", want: []string{
		"/s/default 0: at /children/0/children, the number 1 is not of type array",
	}},
	{name: "default broken $ref", schema: "{items: {$ref: '#/components/schemas/Missing'}, type: array, default: [1]}"},
	{name: "default combinators", schema: "{oneOf: [{type: integer}, {type: number}], default: 1}", want: []string{"/s/default 0: matches more than one of the schemas of oneOf"}},
	{name: "default anyOf", schema: "{anyOf: [{type: integer}, {type: string}], default: true}", want: []string{"/s/default 0: matches none of the schemas of anyOf"}},
	{name: "default not", schema: "{not: {type: string}, default: x}", want: []string{"/s/default 0: matches the schema of not"}},
	{name: "default const", v31: true, schema: "{const: 1, default: 2}", want: []string{"/s/default 0: is not the value const names"}},
	{name: "default prefixItems", v31: true, schema: "{prefixItems: [{type: string}], items: false, default: [a, b]}", want: []string{"/s/default 0: at /1, the schema here is false"}},
	{name: "default of a broken schema is not judged", schema: "{type: integer, minimum: x, default: a}", want: []string{"/s/minimum 2: minimum must be a number"}},
}

func TestCheckSchema(t *testing.T) {
	for _, tc := range schemaCases {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := source.Parse("s.yaml", []byte(schemaComponents+"s: "+tc.schema+"\n"))
			if err != nil {
				t.Fatal(err)
			}
			d := &schemaDoc{root: doc.Root, openAPI31: tc.v31}
			got := checkSchema(doc.Root.Lookup("s"), "/s", d.scope())
			if len(got) != len(tc.want) {
				t.Fatalf("got %d problems, want %d:\n%s", len(got), len(tc.want), problemLines(got))
			}
			for i, w := range tc.want {
				at, message, _ := strings.Cut(w, ": ")
				pointer, class, _ := strings.Cut(at, " ")
				if got[i].Pointer != pointer || fmt.Sprint(int(got[i].Class)) != class || !strings.Contains(got[i].Message, message) {
					t.Errorf("problem %d:\ngot  %s\nwant %s", i, problemLines(got[i:i+1]), w)
				}
			}
		})
	}
}

func problemLines(problems []Problem) string {
	var b strings.Builder
	for _, p := range problems {
		fmt.Fprintf(&b, "%s %d: %s\n", p.Pointer, p.Class, p.Message)
	}
	return b.String()
}

// TestSchemaFormats: the formats a default is judged against.
func TestSchemaFormats(t *testing.T) {
	for _, tc := range []struct {
		format, value string
		ok            bool
	}{
		{"date", "2024-02-29", true},
		{"date", "2024-13-01", false},
		{"date", "2024-1-01", false},
		{"date-time", "2024-02-29T23:59:60.123+05:30", true},
		{"date-time", "2024-02-29t10:00:00z", true},
		{"date-time", "2024-02-29T24:00:00Z", false},
		{"date-time", "2024-02-29T10:00:00", false},
		{"date-time", "2024-02-29T10:00:00.Z", false},
		{"byte", "U3dhZ2dlciByb2Nrcw==", true},
		{"byte", "", true},
		{"byte", "a=b", false},
		{"uuid", "anything", true},
	} {
		if got := matchesFormat(tc.format, tc.value); got != tc.ok {
			t.Errorf("%s %q: got %v", tc.format, tc.value, got)
		}
	}
}

// TestGoRegexp: ECMA-262's \uXXXX becomes Go's \x{XXXX}; an escaped
// backslash before a u stays what it is.
func TestGoRegexp(t *testing.T) {
	for in, want := range map[string]string{
		`^\u00e9$`: `^\x{00e9}$`,
		`\\u0041`:  `\\u0041`,
		`\u12`:     `\u12`,
		`a+`:       `a+`,
	} {
		if got := goRegexp(in); got != want {
			t.Errorf("%s: got %s, want %s", in, got, want)
		}
	}
}

// BenchmarkCheckSchema checks every schema of GitHub's API description
// (thousands), as validating it does.
func BenchmarkCheckSchema(b *testing.B) {
	src, err := os.ReadFile("../../shared/bench/api.github.com.json")
	if err != nil {
		b.Skip("../shared/bench is absent")
	}
	doc, err := source.Parse("api.github.com.json", src)
	if err != nil {
		b.Fatal(err)
	}
	d := &schemaDoc{root: doc.Root}
	targets := schemaTargets(doc.Root)
	scope := d.scope()
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		for _, target := range targets {
			if problems := checkSchema(target.node, target.pointer, scope); len(problems) > 0 {
				b.Fatal(problems)
			}
		}
	}
	b.ReportMetric(float64(len(targets)), "schemas")
}
