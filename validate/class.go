package validate

// Class is the kind of rule a problem breaks. Callers weigh problems by
// class: API Gateway rejects a document that is not OpenAPI, but imports
// one that only breaks a rule of the specification (see
// lint/rules/openapi_invalid.go and its documentation).
type Class int

const (
	// Specification: a rule of the OpenAPI specification that none of the
	// classes below names (path parameters that do not match their path,
	// a field the object does not have, a schema keyword's constraint).
	Specification Class = iota
	// Structure: the document is not OpenAPI: it names no OpenAPI
	// version, or a part of it that must be an object or a list (paths, a
	// path item, an operation, a parameter, a schema…) is something else,
	// or cannot be read at all.
	Structure
	// ValueType: a single value of another type than the specification's
	// (a number where a string is expected).
	ValueType
	// Missing: a field the specification requires is missing or empty
	// (info, a title, responses, a response's description). The problem's
	// pointer names the field where it can (its parent when it does not
	// exist).
	Missing
	// BrokenRef: a $ref whose target does not exist.
	BrokenRef
)
