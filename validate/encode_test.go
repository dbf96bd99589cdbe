package validate

import (
	"github.com/apigw-oas/apigw-oas/source"
)

// encoder writes a tree as compact JSON for kin-openapi.
type encoder struct {
	// broken are {"$ref": …} mappings whose target does not exist; they
	// are written as {} so that kin-openapi's loader does not stop at them.
	broken map[*source.Node]bool
	// skipExamples writes example values as a placeholder (see isExample).
	skipExamples bool
}

// json appends n as compact JSON. kin-openapi decodes JSON only, and a
// YAML tree carries values JSON spells differently, so each scalar is
// written the way a JSON reader would have seen it:
//   - numbers in YAML-only forms (0x1F, 1_000, .inf) become JSON numbers
//     where possible and strings otherwise;
//   - timestamps and custom tags (a CloudFormation !Sub) become strings,
//     which is how API Gateway's importer reads an unquoted date;
//   - mapping keys are always strings.
//
// key is the key n is written under and parent the key of the mapping
// that holds it ("" when unknown); see isExample.
func (e encoder) json(b []byte, n *source.Node, key, parent string) []byte {
	switch n.Kind {
	case source.Mapping:
		if e.broken[n] {
			return append(b, "{}"...)
		}
		b = append(b, '{')
		for i := 0; i < len(n.Content); i += 2 {
			if i > 0 {
				b = append(b, ',')
			}
			k := n.Content[i].Value
			b = source.AppendJSONString(b, k)
			b = append(b, ':')
			if v := n.Content[i+1]; e.skipExamples && v.Tag != source.TagNull && isExample(k, key, parent) {
				b = append(b, '0')
				continue
			}
			b = e.json(b, n.Content[i+1], k, key)
		}
		return append(b, '}')
	case source.Sequence:
		b = append(b, '[')
		for i, item := range n.Content {
			if i > 0 {
				b = append(b, ',')
			}
			b = e.json(b, item, "", key)
		}
		return append(b, ']')
	}
	return source.AppendJSONScalar(b, n)
}
