package validate

import (
	"context"
	"fmt"
	"net/url"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apigw-oas/apigw-oas/source"
)

// kin-openapi is the reference the validator is tested against
// (TestEquivalentToKin): this file and decode_test.go, errors_test.go and
// encode_test.go drive it as the validator did before it was ours.

// checker3 is one validation with kin-openapi.
type checker3 struct {
	enc encoder
	// renamed maps the path keys kin-openapi was given to the keys as
	// written (see pathParts).
	renamed map[string]string
	// rootFailed is set when the root's own fields could not be decoded.
	rootFailed bool
	problems   []Problem // found while decoding
}

// withKin validates a definition with kin-openapi, after the problems
// found with its $refs.
func (c *checker3) withKin(def *source.Node, location string, files Files, problems []Problem) []Problem {
	doc := c.decode(def)
	problems = append(problems, c.problems...)

	loader := openapi3.NewLoader()
	loader.ReadFromURIFunc = func(_ *openapi3.Loader, u *url.URL) ([]byte, error) {
		if n := lookupFile(files, u.Path); n != nil && u.Scheme == "" && u.Host == "" {
			return c.enc.json(nil, n, "", ""), nil
		}
		return nil, fmt.Errorf("%s cannot be read", u)
	}
	if err := loader.ResolveRefsIn(doc, &url.URL{Path: location}); err != nil {
		// A broken $ref inside another file: validating without it would
		// report everything that depends on it as unresolved.
		return append(problems, Problem{Message: "cannot resolve $refs: " + err.Error(), Class: BrokenRef})
	}
	ctx := context.Background()
	// Examples are not validated: the specification says an example
	// SHOULD match its schema, so a mismatch does not make a document
	// invalid.
	opts := []openapi3.ValidationOption{openapi3.EnableMultiError(), openapi3.DisableExamplesValidation()}
	if version := def.Lookup("openapi"); version.IsString() && strings.HasPrefix(version.Value, "3.1") {
		// T.Validate sets it; the parts validated alone need it too.
		opts = append(opts, openapi3.IsOpenAPI31OrLater())
	}
	var found []Problem
	if !c.rootFailed {
		found = c.fromError(doc.Validate(ctx, opts...), "")
	} else {
		// The root's own fields could not be read, and kin-openapi would
		// report each of them missing; the paths and components still can
		// be validated.
		if doc.Components != nil {
			found = c.fromError(doc.Components.Validate(ctx, opts...), "/components")
		}
		if doc.Paths != nil {
			found = append(found, c.fromError(doc.Paths.Validate(ctx, opts...), "/paths")...)
		}
	}
	return append(problems, withoutEchoes(found, problems)...)
}
