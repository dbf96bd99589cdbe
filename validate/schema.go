package validate

import "github.com/apigw-oas/apigw-oas/source"

// schemaScope is what checking a Schema Object needs from the document it is in.
type schemaScope struct {
	// openAPI31 selects OpenAPI 3.1's Schema Object (JSON Schema 2020-12) over OpenAPI 3.0's.
	openAPI31 bool
	// resolve returns the node a $ref written in the document names, or nil when it does not
	// resolve (broken $refs are reported by the caller, never by checkSchema).
	resolve func(ref string) *source.Node
}

// checkSchema reports what is wrong with the Schema Object n, written at pointer, and with the
// schemas nested in it. It does not descend into $ref targets (each component is checked once
// where it is written) but may read them to judge a value (a default) against its schema.
func checkSchema(n *source.Node, pointer string, scope schemaScope) []Problem { return nil }
