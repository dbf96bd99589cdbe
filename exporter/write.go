// Package exporter writes definitions: a source tree as JSON or YAML in
// the order it was written, OpenAPI 2.0 ↔ 3.0 conversion that keeps every
// binary setting, and the effective OpenAPI document of an API declared in
// a container.
package exporter

import (
	"bytes"

	yaml "go.yaml.in/yaml/v3"

	"github.com/apigw-oas/apigw-oas/source"
)

// JSON writes a tree as JSON indented by two spaces, keys in the order
// they were written, with a final newline.
func JSON(n *source.Node) []byte {
	b := appendJSON(nil, n, 0)
	return append(b, '\n')
}

func appendJSON(b []byte, n *source.Node, depth int) []byte {
	switch n.Kind {
	case source.Mapping:
		if len(n.Content) == 0 {
			return append(b, "{}"...)
		}
		b = append(b, '{')
		for i := 0; i < len(n.Content); i += 2 {
			if i > 0 {
				b = append(b, ',')
			}
			b = newline(b, depth+1)
			b = source.AppendJSONString(b, n.Content[i].Value)
			b = append(b, ": "...)
			b = appendJSON(b, n.Content[i+1], depth+1)
		}
		return append(newline(b, depth), '}')
	case source.Sequence:
		if len(n.Content) == 0 {
			return append(b, "[]"...)
		}
		b = append(b, '[')
		for i, item := range n.Content {
			if i > 0 {
				b = append(b, ',')
			}
			b = newline(b, depth+1)
			b = appendJSON(b, item, depth+1)
		}
		return append(newline(b, depth), ']')
	}
	return source.AppendJSONScalar(b, n)
}

func newline(b []byte, depth int) []byte {
	b = append(b, '\n')
	for range depth {
		b = append(b, "  "...)
	}
	return b
}

// YAML writes a tree as block-style YAML indented by two spaces, keys in
// the order they were written, with the comments read from a YAML source.
// yaml.v3 quotes a string wherever plain text would read as another type,
// so "2024-01-01" and "200" stay strings.
func YAML(n *source.Node) ([]byte, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(toYAML(n)); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// toYAML builds yaml.v3's node for n. A node YAML aliases share is
// written out at each place it appears.
func toYAML(n *source.Node) *yaml.Node {
	y := &yaml.Node{Tag: n.Tag, Value: n.Value}
	switch n.Kind {
	case source.Mapping:
		y.Kind, y.Tag = yaml.MappingNode, source.TagMap
	case source.Sequence:
		y.Kind, y.Tag = yaml.SequenceNode, source.TagSeq
	default:
		y.Kind = yaml.ScalarNode
		if n.Tag == source.TagTimestamp {
			y.Tag = source.TagStr // a date read as a string stays one
		}
	}
	if source.IsCustomTag(n.Tag) {
		y.Tag = n.Tag // CloudFormation's !Ref, !Sub, …
	}
	if c := n.Comments; c != nil {
		y.HeadComment, y.LineComment, y.FootComment = c.Head, c.Line, c.Foot
	}
	for _, child := range n.Content {
		y.Content = append(y.Content, toYAML(child))
	}
	return y
}
