package source

import "strings"

// Error is input that could not be read as a document: a syntax error, a
// duplicate key, a file that is not text. Span.Start is zero when the
// problem has no position (an empty file, a file too large to read).
type Error struct {
	Span    Span
	Message string
}

func (e *Error) Error() string { return e.Span.String() + ": " + e.Message }

// Errors is every problem found in one file, in the order found.
type Errors []*Error

func (es Errors) Error() string {
	msgs := make([]string, len(es))
	for i, e := range es {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// orNil returns a nil error for no errors, so callers can test err != nil.
func (es Errors) orNil() error {
	if len(es) == 0 {
		return nil
	}
	return es
}

func errorAt(file string, at Pos, msg string) *Error {
	return &Error{Span: Span{File: file, Start: at, End: at}, Message: msg}
}

func nodeError(file string, n *Node, msg string) *Error {
	return &Error{Span: Span{File: file, Start: n.Start, End: n.End}, Message: msg}
}
