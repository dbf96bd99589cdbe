package source

import (
	"fmt"
	"strconv"
	"strings"
)

// Pointer helpers implement RFC 6901 JSON pointers: "/paths/~1pets/get"
// names the "get" key of the "/pets" key of "paths".

// EscapeToken escapes one reference token: "~" → "~0", "/" → "~1".
func EscapeToken(s string) string {
	if !strings.ContainsAny(s, "~/") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + escapes(s))
	writeEscaped(&b, s)
	return b.String()
}

// UnescapeToken reverses EscapeToken.
func UnescapeToken(s string) string {
	if !strings.Contains(s, "~") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for {
		i := strings.IndexByte(s, '~')
		if i < 0 || i+1 == len(s) {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		switch s[i+1] {
		case '0':
			b.WriteByte('~')
		case '1':
			b.WriteByte('/')
		default: // not an escape: kept as written
			b.WriteByte('~')
			s = s[i+1:]
			continue
		}
		s = s[i+2:]
	}
}

// Pointer builds a JSON pointer from unescaped tokens.
func Pointer(tokens ...string) string { return Append("", tokens...) }

// Append adds unescaped tokens to a pointer in one allocation: an importer
// appends a token for every field it reads.
func Append(ptr string, tokens ...string) string {
	size := len(ptr)
	for _, t := range tokens {
		size += 1 + len(t) + escapes(t)
	}
	var b strings.Builder
	b.Grow(size)
	b.WriteString(ptr)
	for _, t := range tokens {
		b.WriteByte('/')
		writeEscaped(&b, t)
	}
	return b.String()
}

// escapes counts the characters of a token that escaping doubles.
func escapes(t string) int { return strings.Count(t, "~") + strings.Count(t, "/") }

func writeEscaped(b *strings.Builder, t string) {
	for {
		i := strings.IndexAny(t, "~/")
		if i < 0 {
			b.WriteString(t)
			return
		}
		b.WriteString(t[:i])
		if t[i] == '~' {
			b.WriteString("~0")
		} else {
			b.WriteString("~1")
		}
		t = t[i+1:]
	}
}

// SplitPointer returns the unescaped tokens of a pointer. A leading "#"
// (a URI fragment, as in "$ref": "#/components/…") is accepted.
func SplitPointer(ptr string) ([]string, error) {
	ptr = strings.TrimPrefix(ptr, "#")
	if ptr == "" {
		return nil, nil
	}
	if ptr[0] != '/' {
		return nil, fmt.Errorf("JSON pointer %q must start with '/'", ptr)
	}
	tokens := strings.Split(ptr[1:], "/")
	for i, t := range tokens {
		if strings.Contains(strings.ReplaceAll(strings.ReplaceAll(t, "~0", ""), "~1", ""), "~") {
			return nil, fmt.Errorf("JSON pointer %q has an invalid escape in %q (only ~0 and ~1 are allowed)", ptr, t)
		}
		tokens[i] = UnescapeToken(t)
	}
	return tokens, nil
}

// Entry is what a JSON pointer addresses: the value and, for mapping
// entries, the key it is written under (nil for sequence items and the root).
type Entry struct {
	Key   *Node
	Value *Node
}

// LookupPointer finds the node a JSON pointer addresses. It walks the tree rather
// than keeping a table of every pointer: a 5 MB document holds hundreds of
// thousands of values, and most callers look up a handful of them (a
// Finder serves those that look up many).
func (n *Node) LookupPointer(ptr string) (Entry, error) {
	var f *Finder // scans each mapping
	return f.Lookup(n, ptr)
}

// Finder looks up JSON pointers as Node.LookupPointer does, and remembers
// the keys of the large mappings it passes through: a rule reporting on
// thousands of paths, or thousands of $refs into a large components
// section, then cost a map access per step instead of a scan of the
// mapping, which made them quadratic. Its zero value is ready to use; nil
// remembers nothing. It is not safe for concurrent use, and the trees it
// looks into must not change while it is used.
type Finder struct {
	keys map[*Node]map[string]int // a mapping's first index of each key
}

// indexedEntries is the size from which a Finder indexes a mapping rather
// than scanning it.
const indexedEntries = 32

// Lookup finds ptr from root.
func (f *Finder) Lookup(root *Node, ptr string) (Entry, error) {
	tokens, err := SplitPointer(ptr)
	if err != nil {
		return Entry{}, err
	}
	e := Entry{Value: root}
	for i, t := range tokens {
		next, ok := f.child(e.Value, t)
		if !ok {
			return Entry{}, fmt.Errorf("%s does not exist", Pointer(tokens[:i+1]...))
		}
		e = next
	}
	return e, nil
}

func (f *Finder) child(n *Node, token string) (Entry, bool) {
	if f == nil || n.Kind != Mapping || len(n.Content) < 2*indexedEntries {
		return n.child(token)
	}
	keys, ok := f.keys[n]
	if !ok {
		keys = make(map[string]int, len(n.Content)/2)
		for i := len(n.Content) - 2; i >= 0; i -= 2 { // the first of equal keys wins, as in Get
			keys[n.Content[i].Value] = i
		}
		if f.keys == nil {
			f.keys = map[*Node]map[string]int{}
		}
		f.keys[n] = keys
	}
	i, ok := keys[token]
	if !ok {
		return Entry{}, false
	}
	return Entry{Key: n.Content[i], Value: n.Content[i+1]}, true
}

func (n *Node) child(token string) (Entry, bool) {
	switch n.Kind {
	case Mapping:
		k, v := n.Get(token)
		return Entry{Key: k, Value: v}, k != nil
	case Sequence:
		i, ok := arrayIndex(token)
		if !ok || i >= len(n.Content) {
			return Entry{}, false
		}
		return Entry{Value: n.Content[i]}, true
	}
	return Entry{}, false
}

// arrayIndex reads an RFC 6901 array index: "0" or digits without a
// leading zero, nothing else (no sign, no spaces).
func arrayIndex(token string) (int, bool) {
	if token == "" || (len(token) > 1 && token[0] == '0') {
		return 0, false
	}
	for _, c := range token {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	i, err := strconv.Atoi(token)
	return i, err == nil
}
