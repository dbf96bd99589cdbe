// Package importtest holds what the importer's tests share: Render, the
// compact rendering of an import that the format cases and the fixture
// models are compared in, and small helpers.
package importtest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigw-oas/apigw-oas/model"
)

// Operations renders an API's operations as "GET /a, POST /b".
func Operations(api *model.API) string {
	var parts []string
	for _, op := range api.Operations {
		parts = append(parts, op.Name())
	}
	return strings.Join(parts, ", ")
}

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
