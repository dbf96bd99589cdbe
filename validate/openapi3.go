package validate

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apigw-oas/apigw-oas/internal/goroutine"
	"github.com/apigw-oas/apigw-oas/source"
)

// Files gives the validator the documents a definition's $refs name. It is
// called with an absolute path and returns nil for a file that may not or
// cannot be read; the validator never reads the disk itself, so what a
// $ref may reach is the caller's policy (the importer's: no URLs, nothing
// outside the project folder).
type Files func(path string) *source.Node

// OpenAPI3 validates an OpenAPI 3.x definition with kin-openapi. location
// is the definition's absolute file path, against which relative $refs are
// resolved ("" when it has none, e.g. standard input). A definition built
// only of shapes kin-openapi is known to accept (see plainlyValid) is not
// handed to kin-openapi at all. Placeholders filled in at deploy time
// (${…}) are never a problem.
func OpenAPI3(def *source.Node, location string, files Files) []Problem {
	return ignoringPlaceholders(def, func(def *source.Node) []Problem { return openAPI3(def, location, files) })
}

func openAPI3(def *source.Node, location string, files Files) (problems []Problem) {
	defer func() {
		// kin-openapi is third-party code run on any input: a panic in it
		// is reported as a problem with the document rather than ending
		// the run.
		if r := recover(); r != nil {
			if p, ours := r.(*goroutine.Panic); ours {
				panic(p) // a bug of ours in the walk below, not kin-openapi's
			}
			problems = append(problems, Problem{Message: fmt.Sprintf("kin-openapi failed to validate the document: %v", r)})
		}
	}()
	// $refs that lead nowhere are reported here and left out of what
	// kin-openapi sees: its loader stops at the first one, leaving every
	// later $ref unresolved and reported again.
	//
	// Both walks run at once, on the cores lint leaves idle.
	var broken map[*source.Node]bool
	var refsChecked goroutine.Group
	refsChecked.Go(func() { broken, problems = brokenRefs(def, location, files) })
	plainly := plainlyValid(def, encoder{skipExamples: true})
	refsChecked.Wait()
	if len(problems) == 0 && plainly {
		return nil
	}
	c := &checker3{enc: encoder{broken: broken, skipExamples: true}, renamed: map[string]string{}}
	return c.withKin(def, location, files, problems)
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

// withoutEchoes drops what kin-openapi found in a path item or component
// that holds a broken $ref: kin-openapi saw an empty object there and
// reports its missing fields, which are the broken $ref again.
func withoutEchoes(found, broken []Problem) []Problem {
	var parts []string
	for _, b := range broken {
		parts = append(parts, partOf(b.Pointer))
	}
	return slices.DeleteFunc(found, func(p Problem) bool {
		return slices.ContainsFunc(parts, func(part string) bool {
			return p.Pointer == part || strings.HasPrefix(p.Pointer, part+"/")
		})
	})
}

// partOf is the path item or component a pointer is in ("" for the rest).
func partOf(pointer string) string {
	tokens := strings.SplitN(pointer, "/", 5) // "", "paths", path, … or "", "components", section, name, …
	switch {
	case len(tokens) >= 3 && tokens[1] == "paths":
		return strings.Join(tokens[:3], "/")
	case len(tokens) >= 4 && tokens[1] == "components":
		return strings.Join(tokens[:4], "/")
	}
	return pointer
}

// checker3 is one validation of an OpenAPI 3 definition.
type checker3 struct {
	enc encoder
	// renamed maps the path keys kin-openapi was given to the keys as
	// written (see pathParts).
	renamed map[string]string
	// rootFailed is set when the root's own fields could not be decoded.
	rootFailed bool
	problems   []Problem // found while decoding
}

func lookupFile(files Files, path string) *source.Node {
	if files == nil || path == "" {
		return nil
	}
	return files(path)
}
