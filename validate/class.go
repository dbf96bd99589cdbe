package validate

import (
	"regexp"
	"strings"
)

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

// kinClasses classifies kin-openapi's own messages by how they start; a
// message no entry names is a Specification problem.
var kinClasses = []struct {
	prefix string
	class  Class
}{
	{"value of openapi ", Structure},
	{"value of ", Missing},         // "value of version must be a non-empty string", "value of responses must be an object"
	{"must be an object", Missing}, // a section missing: info
	{"a short description of the response is required", Missing},
	{"the responses object MUST contain at least one response code", Missing},
	{"invalid ", Structure}, // "invalid schema: value MUST be an object"
}

// kinProblem is a problem kin-openapi found at pointer. Its "value of
// version must be…" is placed on the field it names, as our own checks
// place a missing field.
func kinProblem(pointer, message string) Problem {
	p := Problem{Pointer: pointer, Message: message}
	for _, k := range kinClasses {
		if strings.HasPrefix(message, k.prefix) {
			p.Class = k.class
			break
		}
	}
	if m := kinMissingField.FindStringSubmatch(message); m != nil {
		p.Pointer += "/" + m[1]
	}
	if message == "must be an object" { // a section, named only by the pointer
		p.Message = pointer[strings.LastIndexByte(pointer, '/')+1:] + " " + message
	}
	return p
}

var kinMissingField = regexp.MustCompile(`^value of (\w+) must be`)
