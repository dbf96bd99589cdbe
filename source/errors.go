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
