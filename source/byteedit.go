package source

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// Byte-exact edits: what `lint --fix` writes. Each edit of a JSON Patch
// operation becomes one Replacement of the document's bytes, written in the
// style the file already uses around it (quoting, flow or block layout,
// indentation, separators, line endings); everything outside the
// replacement stays as it is. An edit whose style cannot be matched is an
// error, never a guess: callers then offer no fix.

// Replacement changes Src[Start:End] to Text.
type Replacement struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Apply returns src with the replacements made; they must be sorted by
// Start and must not overlap.
func Apply(src []byte, reps []Replacement) []byte {
	var out bytes.Buffer
	at := 0
	for _, r := range reps {
		out.Write(src[at:r.Start])
		out.WriteString(r.Text)
		at = r.End
	}
	out.Write(src[at:])
	return out.Bytes()
}

// errStyle is returned when an edit cannot be written in the file's style.
var errStyle = errors.New("cannot be written in the style of the file")

// ReplaceBytes is the replacement that sets the value at ptr, a scalar or
// a flow collection, to value (a string, or a []string written in
// brackets).
func (d *Document) ReplaceBytes(ptr string, value any) (Replacement, error) {
	e, err := d.Root.LookupPointer(ptr)
	if err != nil {
		return Replacement{}, err
	}
	n := e.Value
	if n.End.Offset <= n.Start.Offset || d.Shared(n) || (n.Kind != Scalar && !d.isFlow(n)) {
		return Replacement{}, fmt.Errorf("%s: only a written scalar or flow collection can be replaced", ptr)
	}
	text, err := d.flowValue(d.text(n), value)
	return Replacement{int(n.Start.Offset), int(n.End.Offset), text}, err
}

// RemoveBytes is the replacement that removes the mapping entry or list
// item at ptr, with its separator or its line.
func (d *Document) RemoveBytes(ptr string) (Replacement, error) {
	parent, last, err := d.parentOf(ptr)
	if err != nil {
		return Replacement{}, err
	}
	i, err := d.indexIn(parent, last, false)
	if err != nil {
		return Replacement{}, err
	}
	units := unitsOf(parent)
	u := units[i]
	if d.lineBased(parent, u) {
		if len(units) == 1 && d.Syntax != HCL {
			return d.emptyCollection(parent)
		}
		start, ok := d.blockLineStart(u.start, parent.Kind == Sequence)
		if !ok {
			return Replacement{}, fmt.Errorf("%s: %w", ptr, errStyle)
		}
		if d.Syntax == YAML {
			start = d.ownComments(start)
		}
		return Replacement{start, d.lineEndAfter(u.end), ""}, nil
	}
	switch {
	case len(units) == 1:
		return d.emptyCollection(parent)
	case i+1 < len(units):
		return d.checkedGap(u.end, units[i+1].start, Replacement{u.start, units[i+1].start, ""})
	}
	return d.checkedGap(units[i-1].end, u.start, Replacement{units[i-1].end, u.end, ""})
}

// lineBased reports whether the entries of a collection are lines, one
// removed or added as a line: YAML's block style, and HCL's block bodies
// and objects written one attribute a line. Everything else is flow: items
// between separators.
func (d *Document) lineBased(n *Node, u unit) bool {
	switch {
	case d.Syntax == YAML:
		return !d.isFlow(n)
	case d.Syntax == HCL && n.Kind == Mapping:
		// (a jsonencode body's node ends before the call's ")")
		rest := strings.TrimLeft(strings.TrimSpace(string(d.Src[u.end:d.lineEndAfter(u.end)])), ")")
		own := strings.TrimLeft(string(d.Src[d.lineStartOf(u.start):u.start]), " \t") == ""
		return own && (rest == "" || strings.HasPrefix(rest, "#") || strings.HasPrefix(rest, "//"))
	}
	return false
}

// AddBytes is the replacement that adds value (a string or a []string) at
// ptr: a new mapping key (or a new value for an existing one), or a list
// item before an index or at the end ("-").
func (d *Document) AddBytes(ptr string, value any) (Replacement, error) {
	parent, last, err := d.parentOf(ptr)
	if err != nil {
		return Replacement{}, err
	}
	if parent.Kind == Mapping && parent.Lookup(last) != nil {
		return d.ReplaceBytes(ptr, value)
	}
	i, err := d.indexIn(parent, last, true)
	if err != nil {
		return Replacement{}, err
	}
	if parent.Kind == Mapping {
		return d.addEntry(parent, last, value)
	}
	item, ok := value.(string)
	if !ok {
		return Replacement{}, fmt.Errorf("%s: a list item must be a string", ptr)
	}
	return d.addItem(parent, i, item)
}

// unit is the text of one mapping entry (key to value) or list item.
type unit struct{ start, end int }

func unitsOf(n *Node) []unit {
	var out []unit
	if n.Kind == Mapping {
		for i := 0; i+1 < len(n.Content); i += 2 {
			out = append(out, unit{int(n.Content[i].Start.Offset), int(n.Content[i+1].End.Offset)})
		}
		return out
	}
	for _, c := range n.Content {
		out = append(out, unit{int(c.Start.Offset), int(c.End.Offset)})
	}
	return out
}

func (d *Document) text(n *Node) string { return string(d.Src[n.Start.Offset:n.End.Offset]) }

// parentOf finds the container an edit at ptr works in, and the last token.
func (d *Document) parentOf(ptr string) (*Node, string, error) {
	tokens, err := SplitPointer(ptr)
	if err != nil {
		return nil, "", err
	}
	if len(tokens) == 0 {
		return nil, "", fmt.Errorf("the document root cannot be edited")
	}
	e, err := d.Root.LookupPointer(Pointer(tokens[:len(tokens)-1]...))
	if err != nil {
		return nil, "", err
	}
	n := e.Value
	if n.Kind == Scalar || d.Shared(n) || n.End.Offset <= n.Start.Offset {
		return nil, "", fmt.Errorf("%s: not a written mapping or list", ptr)
	}
	return n, tokens[len(tokens)-1], nil
}

// indexIn is the position of the token's entry or item in n; with adding,
// a new key is past the end and "-" or len is the end of a list.
func (d *Document) indexIn(n *Node, token string, adding bool) (int, error) {
	if n.Kind == Mapping {
		for i := 0; i < n.Len(); i++ {
			if n.Content[2*i].Value == token {
				return i, nil
			}
		}
		if adding {
			return n.Len(), nil
		}
		return 0, fmt.Errorf("no key %q", token)
	}
	if token == "-" && adding {
		return len(n.Content), nil
	}
	i, ok := arrayIndex(token)
	if !ok || i > len(n.Content) || (i == len(n.Content) && !adding) {
		return 0, fmt.Errorf("no item %q in a list of %d", token, len(n.Content))
	}
	return i, nil
}

// isFlow reports whether a collection is written in brackets or braces
// (JSON, YAML flow style, HCL tuples and objects).
func (d *Document) isFlow(n *Node) bool {
	c := d.Src[n.Start.Offset]
	return c == '[' || c == '{'
}

// checkedGap refuses to drop text between items that is more than
// separators: a YAML comment would be lost with it.
func (d *Document) checkedGap(from, to int, r Replacement) (Replacement, error) {
	if bytes.ContainsAny(d.Src[from:to], "#/") && d.Syntax != JSON {
		return Replacement{}, errStyle
	}
	return r, nil
}

// emptyCollection removes a collection's only entry: flow style keeps the
// brackets, block style becomes [] or {} after its key (or in its place).
func (d *Document) emptyCollection(n *Node) (Replacement, error) {
	empty := "[]"
	if n.Kind == Mapping {
		empty = "{}"
	}
	if d.isFlow(n) {
		return Replacement{int(n.Start.Offset) + 1, int(n.End.Offset) - 1, ""}, nil
	}
	if d.Syntax == HCL {
		return Replacement{}, errStyle
	}
	before := bytes.TrimRight(d.Src[:n.Start.Offset], " \t\r\n")
	if bytes.HasSuffix(before, []byte(":")) {
		return Replacement{len(before), int(n.End.Offset), " " + empty}, nil
	}
	return Replacement{int(n.Start.Offset), int(n.End.Offset), empty}, nil
}

// blockLineStart is the start of the line an entry starts on, when only
// indentation (and, for a list item, its "- ") comes before it there.
func (d *Document) blockLineStart(at int, item bool) (int, bool) {
	ls := d.lineStartOf(at)
	prefix := string(d.Src[ls:at])
	if item {
		return ls, itemPrefix().MatchString(prefix)
	}
	return ls, strings.TrimLeft(prefix, " \t") == ""
}

// ownComments moves the start of an entry's first line (a block list item
// or mapping key) up over the comment lines right above it that are
// indented as it is: they describe it, and go with it. A blank line ends
// them, and a comment indented more deeply belongs to the entry above.
func (d *Document) ownComments(start int) int {
	indent := d.indentAt(start)
	for start > 0 {
		end := start - 1 // the line break before start
		if end > 0 && d.Src[end-1] == '\r' {
			end--
		}
		prev := d.lineStartOf(end)
		line := d.Src[prev:end]
		if !bytes.HasPrefix(bytes.TrimLeft(line, " \t"), []byte("#")) || d.indentAt(prev) != indent {
			break
		}
		start = prev
	}
	return start
}

// indentAt is the number of spaces and tabs a line starts with.
func (d *Document) indentAt(lineStart int) int {
	rest := d.Src[lineStart:]
	return len(rest) - len(bytes.TrimLeft(rest, " \t"))
}

// itemPrefix is what comes before a block list item's value on its line:
// indentation, "- ", and maybe a tag or anchor (- !Ref x), which a new
// item does not copy.
var itemPrefix = lazyRegexp(`^([ \t]*- +)(?:[!&][^ \t]* +)*$`)

func (d *Document) lineStartOf(at int) int {
	return bytes.LastIndexAny(d.Src[:at], "\r\n") + 1
}

// lineEndAfter is the offset after the line break that ends the line at
// (the end of the file when that line has none).
func (d *Document) lineEndAfter(at int) int {
	if at > 0 && d.Src[at-1] == '\n' {
		return at // a block scalar's text ends with its line break
	}
	i := bytes.IndexAny(d.Src[at:], "\r\n")
	if i < 0 {
		return len(d.Src)
	}
	i += at
	if d.Src[i] == '\r' && i+1 < len(d.Src) && d.Src[i+1] == '\n' {
		return i + 2
	}
	return i + 1
}

// lineBreak is the file's line ending: CRLF when its first line ends so.
func (d *Document) lineBreak() string {
	if i := bytes.IndexByte(d.Src, '\n'); i > 0 && d.Src[i-1] == '\r' {
		return "\r\n"
	}
	return "\n"
}

// addItem inserts a string item before item i (i == len: at the end).
func (d *Document) addItem(list *Node, i int, value string) (Replacement, error) {
	items := list.Content
	like := ""
	for _, c := range items {
		if styleOf(c) {
			like = d.text(c)
			break
		}
	}
	text, err := d.scalarLike(like, value)
	if err != nil {
		return Replacement{}, err
	}
	if d.isFlow(list) {
		return d.addFlow(list, i, text)
	}
	anchor := items[min(i, len(items)-1)]
	ls, ok := d.blockLineStart(int(anchor.Start.Offset), true)
	if !ok {
		return Replacement{}, errStyle
	}
	line := itemPrefix().FindStringSubmatch(string(d.Src[ls:anchor.Start.Offset]))[1] + text + d.lineBreak()
	if i < len(items) {
		return Replacement{ls, ls, line}, nil
	}
	return d.afterLine(int(anchor.End.Offset), line), nil
}

// afterLine inserts a line after the line at ends on.
func (d *Document) afterLine(at int, line string) Replacement {
	end := d.lineEndAfter(at)
	if end == len(d.Src) && (end == 0 || (d.Src[end-1] != '\n' && d.Src[end-1] != '\r')) {
		line = d.lineBreak() + strings.TrimSuffix(line, d.lineBreak())
	}
	return Replacement{end, end, line}
}

// addFlow inserts an item's or entry's text into a flow collection before
// its i-th unit, with the separator its units already use.
func (d *Document) addFlow(n *Node, i int, text string) (Replacement, error) {
	units := unitsOf(n)
	if len(units) == 0 {
		return Replacement{int(n.Start.Offset) + 1, int(n.Start.Offset) + 1, text}, nil
	}
	sep := ", "
	if len(units) > 1 {
		j := max(1, min(i, len(units)-1))
		sep = string(d.Src[units[j-1].end:units[j].start])
		if strings.ContainsAny(sep, "#/") && d.Syntax != JSON {
			return Replacement{}, errStyle
		}
	}
	if i < len(units) {
		at := units[i].start
		return Replacement{at, at, text + sep}, nil
	}
	at := units[len(units)-1].end
	return Replacement{at, at, sep + text}, nil
}

// addEntry adds a key to a mapping, after its last entry, written as its
// other entries are.
func (d *Document) addEntry(m *Node, key string, value any) (Replacement, error) {
	if m.Len() == 0 && !d.isFlow(m) {
		return Replacement{}, errStyle
	}
	keyLike, sep, valueLike := "", ": ", ""
	if d.Syntax == HCL {
		sep = " = "
	}
	for i := 0; i < m.Len(); i++ {
		k, v := m.Pair(i)
		if styleOf(v) && valueLike == "" {
			valueLike = d.text(v)
		}
		if styleOf(k) && keyLike == "" {
			keyLike = d.text(k)
		}
	}
	var last unit
	lastKey := ""
	if m.Len() > 0 {
		k, v := m.Pair(m.Len() - 1)
		last, lastKey = unit{int(k.Start.Offset), int(v.End.Offset)}, d.text(k)
		if between := string(d.Src[k.End.Offset:v.Start.Offset]); separator().MatchString(between) && (v.Kind == Scalar || d.Syntax != YAML) {
			sep = between
		}
	}
	keyText, err := d.keyLike(keyLike, key)
	if err != nil {
		return Replacement{}, err
	}
	if d.Syntax == HCL {
		sep = alignedLike(lastKey, sep, keyText)
	}
	if m.Len() == 0 || !d.lineBased(m, last) {
		valueText, err := d.flowValue(valueLike, value)
		if err != nil {
			return Replacement{}, err
		}
		return d.addFlow(m, m.Len(), keyText+sep+valueText)
	}
	ls, ok := d.blockLineStart(last.start, false)
	indent := string(d.Src[ls:last.start])
	if !ok {
		if !itemPrefix().MatchString(indent) {
			return Replacement{}, errStyle
		}
		indent = strings.Repeat(" ", len(indent)) // the key after a list item's "- "
	}
	var line string
	switch value := value.(type) {
	case string:
		text, err := d.scalarLike(valueLike, value)
		if err != nil {
			return Replacement{}, err
		}
		line = indent + keyText + sep + text + d.lineBreak()
	case []string:
		if d.Syntax != YAML {
			text, err := d.flowValue(valueLike, value)
			if err != nil {
				return Replacement{}, err
			}
			line = indent + keyText + sep + text + d.lineBreak()
			break
		}
		line = indent + keyText + ":" + d.lineBreak()
		step := strings.Repeat(" ", d.sequenceIndent())
		for _, item := range value {
			text, err := d.scalarLike("", item)
			if err != nil {
				return Replacement{}, err
			}
			line += indent + step + "- " + text + d.lineBreak()
		}
	default:
		return Replacement{}, fmt.Errorf("cannot write a %T", value)
	}
	return d.afterLine(last.end, line), nil
}

// separator is what may stand between a key and its value on one line (not
// a tag, an anchor or a function call such as HCL's "= jsonencode(").
var separator = lazyRegexp(`^[ \t]*[:=][ \t]*$`)

// alignedLike pads an HCL "=" so that it lines up with the one of the
// entry before (lastKey, sep), as terraform fmt aligns the attributes of a
// group.
func alignedLike(lastKey, sep, key string) string {
	eq := strings.IndexAny(sep, "=:")
	if eq < 0 {
		return " = "
	}
	pad := len(lastKey) + eq - len(key)
	if pad < 1 || lastKey == "" {
		pad = 1
	}
	return strings.Repeat(" ", pad) + strings.TrimLeft(sep, " \t")
}

// flowValue writes a value inside a flow collection: a string, or a list
// of strings in brackets.
func (d *Document) flowValue(like string, value any) (string, error) {
	switch value := value.(type) {
	case string:
		return d.scalarLike(like, value)
	case []string:
		parts := make([]string, len(value))
		for i, item := range value {
			text, err := d.scalarLike(like, item)
			if err != nil {
				return "", err
			}
			parts[i] = text
		}
		return "[" + strings.Join(parts, ", ") + "]", nil
	}
	return "", fmt.Errorf("cannot write a %T", value)
}

// sequenceIndent is how far the file indents a block list's "- " past
// its key (0 or 2, usually), from the first block list under a key.
func (d *Document) sequenceIndent() int {
	var found = -1
	var walk func(n *Node)
	walk = func(n *Node) {
		if found >= 0 || n.Kind != Mapping {
			for _, c := range n.Content {
				if found < 0 {
					walk(c)
				}
			}
			return
		}
		for i := 0; i < n.Len() && found < 0; i++ {
			k, v := n.Pair(i)
			if v.Kind == Sequence && len(v.Content) > 0 && !d.isFlow(v) && v.Start.Line > k.Start.Line {
				found = int(v.Start.Col - k.Start.Col)
			}
			walk(v)
		}
	}
	walk(d.Root)
	if found < 0 {
		return 2
	}
	return found
}

// keyLike writes a mapping key as like (a sibling key as written) is.
func (d *Document) keyLike(like, key string) (string, error) {
	if d.Syntax == HCL && identifier().MatchString(key) && !strings.HasPrefix(like, `"`) {
		return key, nil
	}
	return d.scalarLike(like, key)
}

var identifier = lazyRegexp(`^[A-Za-z_][A-Za-z0-9_-]*$`)

// plainSafe are the strings YAML reads back as the same string when
// written without quotes (media types, enum values, keys); anything else
// is quoted.
var plainSafe = lazyRegexp(`^[A-Za-z_][A-Za-z0-9_./+-]*$`)

// scalarLike writes a string as like (a sibling or the old value, as
// written) is written: double-quoted, single-quoted or plain; JSON and
// HCL always double-quote.
func (d *Document) scalarLike(like, value string) (string, error) {
	quoted, err := jsonQuote(value)
	if err != nil {
		return "", err
	}
	switch {
	case d.Syntax == HCL:
		if strings.Contains(value, "${") || strings.Contains(value, "%{") || strings.HasPrefix(like, "<<") {
			return "", errStyle
		}
		return quoted, nil
	case d.Syntax == JSON, strings.HasPrefix(like, `"`):
		return quoted, nil
	case strings.HasPrefix(like, "'"):
		return "'" + strings.ReplaceAll(value, "'", "''") + "'", nil
	case strings.HasPrefix(like, "|") || strings.HasPrefix(like, ">"):
		return "", errStyle
	case plainSafe().MatchString(value) && !reserved[strings.ToLower(value)]:
		return value, nil
	}
	return quoted, nil
}

// styleOf reports whether a value shows how the file quotes strings: one
// that could be written plain ("200" must be quoted, so it shows nothing).
func styleOf(n *Node) bool {
	return n.IsString() && plainSafe().MatchString(n.Value) && !reserved[strings.ToLower(n.Value)]
}

// reserved are plain words YAML reads as something other than a string.
var reserved = map[string]bool{"true": true, "false": true, "null": true, "yes": true, "no": true, "on": true, "off": true, "y": true, "n": true}

func jsonQuote(s string) (string, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		return "", err
	}
	return strings.TrimSuffix(b.String(), "\n"), nil
}
