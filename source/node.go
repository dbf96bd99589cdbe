package source

// Kind says what a Node holds.
type Kind uint8

const (
	Scalar Kind = iota + 1
	Mapping
	Sequence
)

func (k Kind) String() string {
	switch k {
	case Scalar:
		return "scalar"
	case Mapping:
		return "mapping"
	case Sequence:
		return "sequence"
	}
	return "invalid"
}

// Scalar tags. YAML documents may carry other tags (CloudFormation's !Ref,
// !Sub, …); those are kept verbatim in Node.Tag.
const (
	TagStr       = "!!str"
	TagInt       = "!!int"
	TagFloat     = "!!float"
	TagBool      = "!!bool"
	TagNull      = "!!null"
	TagTimestamp = "!!timestamp"
	TagMap       = "!!map"
	TagSeq       = "!!seq"
)

// Node is one value of a document. Mappings keep their keys in source order
// as Content[0], Content[1] = first key, first value, and so on; sequences
// keep their items in Content. Nodes are shared, never copied, when a YAML
// alias refers to them, so a tree must be treated as read-only.
type Node struct {
	Kind  Kind
	Tag   string // "!!str", "!!int", …, or a custom tag such as "!Ref"
	Value string // scalars: the decoded value; numbers exactly as written
	// Start and End enclose the node's own text: a YAML tag or anchor
	// before it is not part of it.
	Start   Pos
	End     Pos
	Content []*Node
	// Comments are the YAML comments written around the node, kept so
	// that converting YAML to YAML keeps them; nil when there are none.
	Comments *Comments
}

// Comments are the comments yaml.v3 attaches to a node: the lines above
// it, the end of its line, and the lines below it.
type Comments struct {
	Head, Line, Foot string
}

// Len is the number of entries of a mapping or items of a sequence.
func (n *Node) Len() int {
	if n.Kind == Mapping {
		return len(n.Content) / 2
	}
	return len(n.Content)
}

// Pair returns the i-th key and value of a mapping.
func (n *Node) Pair(i int) (key, value *Node) {
	return n.Content[2*i], n.Content[2*i+1]
}

// Get returns the key and value of a mapping entry, or nils when n is not a
// mapping or has no such key.
func (n *Node) Get(key string) (k, v *Node) {
	if n == nil || n.Kind != Mapping {
		return nil, nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i], n.Content[i+1]
		}
	}
	return nil, nil
}

// Lookup returns the value of a mapping entry, or nil.
func (n *Node) Lookup(key string) *Node {
	_, v := n.Get(key)
	return v
}

// IsString reports whether n is a string scalar (quoted or not).
func (n *Node) IsString() bool { return n != nil && n.Kind == Scalar && n.Tag == TagStr }

// entryIndex finds keys in a mapping under construction. Small mappings are
// searched directly; an index is built once a mapping grows large.
type entryIndex struct {
	byKey map[string]int // key → position of the key among the entries
	// spare holds the cleared maps of closed mappings, for the next large
	// one to reuse (nil: none are kept): a large JSON document has
	// thousands of mappings of a few dozen keys.
	spare *[]map[string]int
}

const linearSearchLimit = 16

// find returns the position of key in entries (keys at even positions,
// each followed by its value), or -1.
func (x *entryIndex) find(entries []*Node, key string) int {
	if x.byKey == nil && len(entries) >= 2*linearSearchLimit {
		x.byKey = x.newMap(len(entries))
		for i := 0; i < len(entries); i += 2 {
			x.byKey[entries[i].Value] = i
		}
	}
	if x.byKey != nil {
		if i, ok := x.byKey[key]; ok {
			return i
		}
		return -1
	}
	for i := 0; i < len(entries); i += 2 {
		if entries[i].Value == key {
			return i
		}
	}
	return -1
}

func (x *entryIndex) newMap(size int) map[string]int {
	if x.spare == nil || len(*x.spare) == 0 {
		return make(map[string]int, size)
	}
	last := len(*x.spare) - 1
	m := (*x.spare)[last]
	*x.spare = (*x.spare)[:last]
	return m
}

// release keeps the index's map for another mapping to reuse.
func (x *entryIndex) release() {
	if x.byKey != nil && x.spare != nil {
		clear(x.byKey)
		*x.spare = append(*x.spare, x.byKey)
	}
}

// set adds an entry to the mapping held in (*entries)[from:], or replaces
// the entry with the same key and returns the key it replaced. The last of
// duplicate keys wins, as in the JSON parsers API Gateway and CloudFormation
// are built on. (The JSON parser keeps the entries of every open mapping on
// one stack, hence from.)
func (x *entryIndex) set(entries *[]*Node, from int, key, value *Node) (replaced *Node) {
	mapping := (*entries)[from:]
	if i := x.find(mapping, key.Value); i >= 0 {
		replaced = mapping[i]
		mapping[i], mapping[i+1] = key, value
		return replaced
	}
	if x.byKey != nil {
		x.byKey[key.Value] = len(mapping)
	}
	*entries = append(*entries, key, value)
	return nil
}

// DeepCopy returns a copy of n and of every node under it, for a caller
// that changes the copy. Nodes a YAML alias shares become separate copies;
// comments are shared (they are never changed in place).
func DeepCopy(n *Node) *Node {
	c := *n
	c.Content = make([]*Node, len(n.Content))
	for i, child := range n.Content {
		c.Content[i] = DeepCopy(child)
	}
	return &c
}
