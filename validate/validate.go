// Package validate checks that a definition is valid OpenAPI 2.0, 3.0 or
// 3.1, with a walk over our own tree: a third-party validator would bring
// its own decoding of the document (without positions) and its
// dependencies into the binary. kin-openapi is the reference the OpenAPI 3
// checks are tested against (TestEquivalentToKin).
//
// Problems are JSON pointers into the definition plus a message; callers
// turn a pointer into a position with source.Node.LookupPointer, falling
// back to the nearest node that exists (a missing field is reported on its
// parent).
package validate

import "strconv"

// Problem is one way a definition breaks the OpenAPI specification.
type Problem struct {
	// Pointer is where the problem is, relative to the definition's root.
	Pointer string
	Message string
	Class   Class
}

func quote(s string) string { return strconv.Quote(s) }

func itoa(i int) string { return strconv.Itoa(i) }
