package source

import (
	"bytes"
	"fmt"
	"math"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"
)

// Syntax is the notation a document was written in.
type Syntax uint8

const (
	YAML Syntax = iota + 1
	JSON
	// HCL is Terraform's language, which importers parse themselves into
	// Nodes (see NewDocument).
	HCL
)

func (s Syntax) String() string {
	switch s {
	case JSON:
		return "json"
	case HCL:
		return "hcl"
	}
	return "yaml"
}

// Document is one parsed file.
type Document struct {
	File   string // the name diagnostics use
	Syntax Syntax
	Src    []byte // the file's bytes, unchanged
	Root   *Node
	lines  *lineTable
	// shared holds the nodes YAML aliases refer to, which appear in the
	// tree more than once.
	shared map[*Node]bool
}

// Shared reports whether n is the target of YAML aliases and so appears in
// the tree more than once. A walk over the whole tree visits such nodes
// once, or a small file of nested aliases costs it exponential time.
func (d *Document) Shared(n *Node) bool { return d.shared[n] }

// Span returns the span of n in this document.
func (d *Document) Span(n *Node) Span {
	return Span{File: d.File, Start: n.Start, End: n.End}
}

// Line returns the text of a 1-based line without its line break.
func (d *Document) Line(line int) string {
	if line < 1 || line > len(d.lines.starts) {
		return ""
	}
	return string(d.Src[d.lines.starts[line-1]:d.lines.lineEnd(line)])
}

// LineCount is the number of lines of the document.
func (d *Document) LineCount() int { return len(d.lines.starts) }

var bom = []byte{0xEF, 0xBB, 0xBF}

// MaxSize is the size of the largest document: positions hold 32-bit
// numbers, which keeps a parsed tree a fifth smaller than 64-bit ones.
const MaxSize = math.MaxInt32

// NewDocument makes a Document of a file another parser read (Terraform's
// HCL): root is the tree that parser's result was turned into, with
// positions from PosAt. It checks the text as Parse does.
func NewDocument(file string, src []byte, syntax Syntax, root *Node) (*Document, error) {
	base := 0
	if bytes.HasPrefix(src, bom) {
		base = len(bom)
	}
	d := &Document{File: file, Src: src, Syntax: syntax, Root: root, lines: newLineTable(src, base, false)}
	if err := d.checkText(base); err != nil {
		return nil, Errors{err}
	}
	return d, nil
}

// PosAt returns the position of a byte offset of the document's text.
func (d *Document) PosAt(offset int) Pos { return d.lines.atOffset(offset) }

// Parse reads src as JSON or YAML. JSON is recognised by its first
// character ('{' or '['), or by a .json name; everything else is YAML. A
// document that starts like JSON but is not (a YAML flow mapping such as
// "{openapi: 3.0.1, …}") is read as YAML unless its name ends in .json.
//
// The returned error, when not nil, is an Errors value. A Document may be
// returned together with errors: a document with duplicate keys is still
// read, its last keys winning. Its Root is nil when nothing could be read.
//
// The Document keeps src as its Src, and the values of a JSON document's
// nodes share its memory (a copy would double the memory a large file
// takes): src must not be changed afterwards.
func Parse(file string, src []byte) (*Document, error) {
	base := 0
	if bytes.HasPrefix(src, bom) {
		base = len(bom)
	}
	d := &Document{File: file, Src: src, Syntax: YAML}
	if err := d.checkText(base); err != nil {
		return nil, Errors{err}
	}
	var errs Errors
	ext := strings.ToLower(filepath.Ext(file))
	if ext == ".json" || startsLikeJSON(src[base:]) {
		d.Syntax = JSON
		d.Root, d.lines, errs = parseJSON(file, src, base)
		if errs == nil || ext == ".json" {
			return d, errs.orNil()
		}
		root, shared, yamlErrs := parseYAML(file, src, base, d.lines)
		if yamlErrs != nil && ext != ".yaml" && ext != ".yml" {
			return d, errs // the JSON error says more about a file that starts like JSON
		}
		d.Syntax, d.Root, d.shared = YAML, root, shared
		return d, yamlErrs.orNil()
	}
	d.lines = newLineTable(src, base, false)
	d.Root, d.shared, errs = parseYAML(file, src, base, d.lines)
	return d, errs.orNil()
}

func startsLikeJSON(src []byte) bool {
	trimmed := bytes.TrimLeft(src, " \t\r\n")
	return len(trimmed) > 0 && (trimmed[0] == '{' || trimmed[0] == '[')
}

// checkText rejects input that is not UTF-8 text before any parser sees it,
// so the message says what is wrong with the file rather than with its syntax.
func (d *Document) checkText(base int) *Error {
	src := d.Src
	if len(src) > MaxSize {
		return errorAt(d.File, Pos{}, fmt.Sprintf("the file is larger than %s, the most positions can name", HumanBytes(MaxSize+1)))
	}
	if len(bytes.TrimSpace(src[base:])) == 0 {
		return errorAt(d.File, Pos{}, "the file is empty")
	}
	if bytes.HasPrefix(src, []byte{0xFF, 0xFE}) || bytes.HasPrefix(src, []byte{0xFE, 0xFF}) {
		return errorAt(d.File, Pos{}, "the file is UTF-16 encoded; save it as UTF-8")
	}
	if looksBinary(src[base:]) {
		return errorAt(d.File, Pos{}, "the file is binary, not text")
	}
	if utf8.Valid(src[base:]) && bytes.IndexByte(src[base:], 0) < 0 {
		return nil // the common case, checked many bytes at a time
	}
	for i := base; i < len(src); {
		b := src[i]
		if b < utf8.RuneSelf {
			if b == 0 {
				return d.errorAtOffset(base, i, "the file contains a NUL byte; it is not a text file")
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size == 1 {
			return d.errorAtOffset(base, i, fmt.Sprintf("the file is not valid UTF-8 (byte 0x%02X); save it as UTF-8", b))
		}
		i += size
	}
	return nil
}

// looksBinary applies git's test (a NUL byte in the first 8000 bytes) and
// also calls a file binary when more than a tenth of that prefix is control
// characters or invalid UTF-8.
func looksBinary(src []byte) bool {
	head := src[:min(len(src), 8000)]
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	odd := 0
	for i := 0; i < len(head); {
		r, size := utf8.DecodeRune(head[i:])
		if (r == utf8.RuneError && size == 1) || (r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f') {
			odd++
		}
		i += size
	}
	return odd*10 > len(head)
}

func (d *Document) errorAtOffset(base, off int, msg string) *Error {
	return errorAt(d.File, newLineTable(d.Src, base, false).atOffset(off), msg)
}

// lazyRegexp compiles a pattern on first use rather than when the program
// starts: most runs never edit a document or meet a YAML error.
func lazyRegexp(pattern string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(pattern) })
}
