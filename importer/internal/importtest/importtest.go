// Package importtest holds what the tests of the format importers share:
// importing a source text through the facade and rendering what came out
// compactly enough to compare in one line.
package importtest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigw-oas/apigw-oas/importer"
	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

// All imports a document that may declare several APIs and fails on any
// diagnostic.
func All(t *testing.T, name, src string) []*model.API {
	t.Helper()
	res := importer.Bytes(name, []byte(src), "", importer.Options{})
	if len(res.Diagnostics) > 0 {
		t.Fatalf("import of %s: %v", name, res.Diagnostics)
	}
	return res.APIs
}

// EntryTexts renders binary media types as "value@line" ("?@line" when
// unknown), to compare what was read and where.
func EntryTexts(entries []model.MediaType) string {
	var parts []string
	for _, e := range entries {
		v := e.Value
		if e.Unknown {
			v = "?"
		}
		parts = append(parts, fmt.Sprintf("%s@%03d", v, e.Span.Start.Line))
	}
	return strings.Join(parts, " ")
}

// Operations renders an API's operations as "GET /a, POST /b".
func Operations(api *model.API) string {
	var parts []string
	for _, op := range api.Operations {
		parts = append(parts, op.Name())
	}
	return strings.Join(parts, ", ")
}

// Pos renders where a span starts, "line:col".
func Pos(s source.Span) string { return fmt.Sprintf("%d:%d", s.Start.Line, s.Start.Col) }

// WriteFile writes a test file, creating its folder.
func WriteFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
