package lint

import (
	"fmt"
	"strconv"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/source"
)

// ApplyFix applies a fix's edits, in order, to a document tree: the tree
// the advice test writes back and lints again. (`lint --fix` will write the
// same edits into the file's bytes instead.) The tree is changed in place,
// so it must be parsed for the purpose: YAML aliases share nodes.
func ApplyFix(root *source.Node, fix *diag.Fix) error {
	for _, e := range fix.Edits {
		if err := applyEdit(root, e); err != nil {
			return fmt.Errorf("%s %s: %w", e.Op, e.Pointer, err)
		}
	}
	return nil
}

func applyEdit(root *source.Node, e diag.Edit) error {
	tokens, err := source.SplitPointer(e.Pointer)
	if err != nil {
		return err
	}
	if len(tokens) == 0 {
		return fmt.Errorf("the document root cannot be edited")
	}
	parent, err := root.LookupPointer(source.Pointer(tokens[:len(tokens)-1]...))
	if err != nil {
		return err
	}
	var value *source.Node
	if e.Op != diag.EditRemove {
		if value, err = valueNode(e.Value); err != nil {
			return err
		}
	}
	last := tokens[len(tokens)-1]
	switch parent.Value.Kind {
	case source.Mapping:
		return editMapping(parent.Value, e.Op, last, value)
	case source.Sequence:
		return editSequence(parent.Value, e.Op, last, value)
	}
	return fmt.Errorf("the parent is a scalar")
}

func editMapping(m *source.Node, op diag.EditOp, key string, value *source.Node) error {
	if op != diag.EditAdd && m.Lookup(key) == nil {
		return fmt.Errorf("no key %q", key)
	}
	if op == diag.EditRemove {
		m.Delete(key)
	} else {
		m.Set(key, value)
	}
	return nil
}

func editSequence(s *source.Node, op diag.EditOp, token string, value *source.Node) error {
	i, err := strconv.Atoi(token)
	switch {
	case token == "-" && op == diag.EditAdd:
		i = len(s.Content)
	case err != nil || i < 0 || i > len(s.Content) || (i == len(s.Content) && op != diag.EditAdd):
		return fmt.Errorf("no item %q in a list of %d", token, len(s.Content))
	}
	switch op {
	case diag.EditAdd:
		s.Content = append(s.Content[:i], append([]*source.Node{value}, s.Content[i:]...)...)
	case diag.EditReplace:
		s.Content[i] = value
	case diag.EditRemove:
		s.Content = append(s.Content[:i], s.Content[i+1:]...)
	}
	return nil
}

// valueNode builds the node an edit writes: a string or a list of strings.
func valueNode(v any) (*source.Node, error) {
	switch v := v.(type) {
	case string:
		return source.NewString(v), nil
	case []string:
		return source.NewStringList(v), nil
	}
	return nil, fmt.Errorf("cannot write a %T", v)
}
