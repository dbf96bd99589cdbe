// Package source reads YAML and JSON into a tree of Nodes in which every
// node knows exactly where it was written: line, column and byte offset of
// its first character and of the character after its last one.
//
// Lines and columns are 1-based; columns count Unicode code points, which is
// what editors, SARIF's "unicodeCodePoints" column kind and YAML parsers use.
// Offsets are 0-based byte offsets into the file as it is on disk (a UTF-8
// byte order mark counts).
package source

import "fmt"

// Pos is one point in a file. The zero Pos means "unknown".
type Pos struct {
	Line   int32 `json:"line"`
	Col    int32 `json:"column"`
	Offset int32 `json:"offset"`
}

// makePos is the Pos of a line, column and offset counted as ints. Parse
// turns away files whose offsets do not fit (MaxSize).
func makePos(line, col, offset int) Pos {
	return Pos{Line: int32(line), Col: int32(col), Offset: int32(offset)}
}

// IsValid reports whether p names a real position.
func (p Pos) IsValid() bool { return p.Line > 0 }

func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return "-"
	case p.Col == 0:
		return fmt.Sprintf("%d", p.Line)
	}
	return fmt.Sprintf("%d:%d", p.Line, p.Col)
}

// Span is a half-open range [Start, End) of one file.
type Span struct {
	File  string `json:"file"`
	Start Pos    `json:"start"`
	End   Pos    `json:"end"`
}

// String renders "file:line:col", the prefix every diagnostic starts with.
// Parts that are unknown are left out.
func (s Span) String() string {
	if !s.Start.IsValid() {
		return s.File
	}
	return s.File + ":" + s.Start.String()
}
