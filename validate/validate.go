// Package validate checks that a definition is valid OpenAPI: kin-openapi
// validates OpenAPI 3.x, and our own structural checks cover Swagger 2.0,
// which kin-openapi only validates after converting it (losing where each
// problem was written).
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
