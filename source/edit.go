package source

// Building and changing trees: what the converters and patch write. A
// node made here has no position.

// NewString returns a string scalar.
func NewString(s string) *Node { return &Node{Kind: Scalar, Tag: TagStr, Value: s} }

// NewMapping returns an empty mapping.
func NewMapping() *Node { return &Node{Kind: Mapping, Tag: TagMap} }

// NewStringList returns a sequence of strings.
func NewStringList(items []string) *Node {
	n := &Node{Kind: Sequence, Tag: TagSeq}
	for _, s := range items {
		n.Content = append(n.Content, NewString(s))
	}
	return n
}

// Set sets a mapping's key: in place when it exists, else at the end.
func (n *Node) Set(key string, value *Node) {
	for i := 0; i < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			n.Content[i+1] = value
			return
		}
	}
	n.Content = append(n.Content, NewString(key), value)
}

// Delete removes a mapping's key, if it has it.
func (n *Node) Delete(key string) {
	for i := 0; i < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			n.Content = append(n.Content[:i], n.Content[i+2:]...)
			return
		}
	}
}
