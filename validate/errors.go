package validate

import (
	"errors"
	"fmt"
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
	case *openapi3.MediaTypeExampleValidationError:
		return c.fromError(e.Cause, pointer+"/examples/"+source.EscapeToken(e.ExampleName))
	case *openapi3.MediaTypeEncodingValidationError:
		return c.fromError(e.Cause, pointer+"/encoding/"+source.EscapeToken(e.EncodingName))
	case *openapi3.ExtraSiblingFieldsError:
		return []Problem{{Pointer: pointer, Message: fmt.Sprintf(
			"%s: not fields of this object in OpenAPI 3 (extensions start with \"x-\")", strings.Join(e.Fields, ", "))}}
	case *openapi3.HeaderFieldValidationError:
		return c.fromError(e.Cause, pointer+"/"+e.Field)
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
