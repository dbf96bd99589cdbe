package patchops

import (
	"slices"

	"github.com/apigw-oas/apigw-oas/source"
)

// listIndex is a sequence of strings being changed by many operations: a
// value's positions are kept in a map, and a removed item is a hole (nil)
// until compact, so each operation costs the same however long the list.
type listIndex struct {
	list      *source.Node
	positions map[string][]int // value → its positions in list.Content, ascending
}

func newListIndex(list *source.Node) *listIndex {
	x := &listIndex{list: list, positions: map[string][]int{}}
	for i, item := range list.Content {
		x.positions[item.Value] = append(x.positions[item.Value], i)
	}
	return x
}

// add appends s unless the list has it.
func (x *listIndex) add(s string) {
	if len(x.positions[s]) > 0 {
		return
	}
	x.positions[s] = []int{len(x.list.Content)}
	x.list.Content = append(x.list.Content, source.NewString(s))
}

// remove removes the first s, reporting whether there was one.
func (x *listIndex) remove(s string) bool {
	at := x.positions[s]
	if len(at) == 0 {
		return false
	}
	x.list.Content[at[0]] = nil
	x.positions[s] = at[1:]
	return true
}

func (x *listIndex) compact() {
	x.list.Content = slices.DeleteFunc(x.list.Content, isNil)
}

// mappingIndex is a mapping being changed by many operations, indexed by
// key (its first entry of each key, as Lookup finds); a deleted entry is
// a hole until compact.
type mappingIndex struct {
	m    *source.Node
	keys map[string]int // key → position of the key in m.Content
	live int            // entries that are not holes
}

func newMappingIndex(m *source.Node) *mappingIndex {
	x := &mappingIndex{m: m, keys: map[string]int{}}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if _, seen := x.keys[m.Content[i].Value]; !seen {
			x.keys[m.Content[i].Value] = i
		}
		x.live++
	}
	return x
}

// set replaces key's value in place, or adds the entry at the end.
func (x *mappingIndex) set(key string, value *source.Node) {
	if i, ok := x.keys[key]; ok {
		x.m.Content[i+1] = value
		return
	}
	x.keys[key] = len(x.m.Content)
	x.m.Content = append(x.m.Content, source.NewString(key), value)
	x.live++
}

// delete removes key's entry, reporting whether there was one.
func (x *mappingIndex) delete(key string) bool {
	i, ok := x.keys[key]
	if !ok {
		return false
	}
	x.m.Content[i], x.m.Content[i+1] = nil, nil
	delete(x.keys, key)
	x.live--
	return true
}

func (x *mappingIndex) compact() {
	x.m.Content = slices.DeleteFunc(x.m.Content, isNil)
}

// isNil marks the holes removals leave, closed when the operations are done.
func isNil(n *source.Node) bool { return n == nil }
