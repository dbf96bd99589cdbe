package exporter

import (
	"fmt"
	"strings"

	"github.com/apigw-oas/apigw-oas/source"
)

// SplitError stops a conversion between OpenAPI versions of a definition
// split over several files: the files its $refs name are in the old
// version, and converting only the main file would leave a document whose
// parts disagree.
// Converting between JSON and YAML, which keeps the $refs as written,
// works on split definitions.
type SplitError struct {
	Ref string     // the $ref as written
	Pos source.Pos // where it is written
}

func (e *SplitError) Error() string {
	return fmt.Sprintf("$ref %q names another file; converting between OpenAPI versions needs the whole definition in one file (bundle it first)", e.Ref)
}

// FileRef finds the first $ref that names another file, skipping the
// places where $ref is data (examples, enums, defaults, extensions).
func FileRef(n *source.Node) *SplitError {
	if n == nil {
		return nil
	}
	switch n.Kind {
	case source.Sequence:
		for _, item := range n.Content {
			if e := FileRef(item); e != nil {
				return e
			}
		}
	case source.Mapping:
		for i := 0; i+1 < len(n.Content); i += 2 {
			key, value := n.Content[i].Value, n.Content[i+1]
			switch {
			case key == "$ref" && value.Kind == source.Scalar && !strings.HasPrefix(value.Value, "#"):
				return &SplitError{Ref: value.Value, Pos: value.Start}
			case isData(key):
				continue
			}
			if e := FileRef(value); e != nil {
				return e
			}
		}
	}
	return nil
}

func isData(key string) bool {
	switch key {
	case "example", "examples", "enum", "default", "const":
		return true
	}
	return strings.HasPrefix(key, "x-")
}
