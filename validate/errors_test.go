package validate

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apigw-oas/apigw-oas/source"
)

// fromError turns kin-openapi's validation error into problems. kin-openapi
// wraps each failure in "context" errors that name where it happened (a
// section, a path, an operation, a component); those become the pointer,
// and the innermost error's text the message, so the message does not
// repeat what the position already says.
func (c *checker3) fromError(err error, pointer string) []Problem {
	switch e := err.(type) {
	case nil:
		return nil
	case *openapi3.EitherFieldRequiredError:
		// kin-openapi requires an Example object to have a value or an
		// externalValue; the specification requires neither (an example
		// may be a summary alone, or the literal null).
		var leaf *openapi3.ExampleValueOrExternalValueRequired
		if errors.As(e, &leaf) {
			return nil
		}
	case openapi3.MultiError:
		var out []Problem
		for _, sub := range e {
			out = append(out, c.fromError(sub, pointer)...)
		}
		return out
	case *openapi3.SectionValidationError:
		return c.fromError(e.Cause, pointer+"/"+sectionKey(e.Section))
	case *openapi3.PathValidationError:
		return c.fromError(e.Cause, pointer+"/"+source.EscapeToken(c.path(e.Path)))
	case *openapi3.PathParametersError:
		// Reported by Paths, above the path it is about.
		at := pointer + "/" + source.EscapeToken(c.path(e.Path)) + "/" + strings.ToLower(e.Method)
		return []Problem{{Pointer: at, Message: fmt.Sprintf(
			"the path and the operation's path parameters do not match (%s): each {name} in the path needs a parameter with \"in: path\", and each such parameter a {name} in the path",
			strings.Join(e.Missing, ", "))}}
	case *openapi3.OperationValidationError:
		return c.fromError(e.Cause, pointer+"/"+strings.ToLower(e.Method))
	case *openapi3.ComponentValidationError:
		return c.fromError(e.Cause, pointer+"/"+componentKey(e.Section)+"/"+source.EscapeToken(e.Name))
	case *openapi3.WebhookValidationError:
		return c.fromError(e.Cause, pointer+"/"+source.EscapeToken(e.Name))
	case *openapi3.MediaTypeExampleValidationError, *openapi3.MediaTypeEncodingValidationError:
		// The example or encoding is the media type's, but the pointer
		// names the operation or component the media type is in.
		return c.fromError(errors.Unwrap(e), pointer)
	case *openapi3.ExtraSiblingFieldsError:
		return []Problem{{Pointer: pointer, Message: fmt.Sprintf(
			"%s: not fields of this object in OpenAPI 3 (extensions start with \"x-\")", strings.Join(e.Fields, ", "))}}
	case *openapi3.HeaderFieldValidationError:
		// The field is the header's, but the pointer names the
		// operation or component the header is in.
		return c.fromError(e.Cause, pointer)
	}
	return []Problem{kinProblem(pointer, err.Error())}
}

// path is a path as written, given the path kin-openapi was given.
func (c *checker3) path(kinPath string) string {
	if p, ok := c.renamed[kinPath]; ok {
		return p
	}
	return kinPath
}

// sectionKey is the document key of a section kin-openapi names in words.
func sectionKey(section string) string {
	if section == "external docs" {
		return "externalDocs"
	}
	return section
}

// componentKey is the components key of a component kind kin-openapi names
// in the singular, in words.
func componentKey(kind string) string {
	switch kind {
	case "request body":
		return "requestBodies"
	case "security scheme":
		return "securitySchemes"
	}
	return kind + "s"
}

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
