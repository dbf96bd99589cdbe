package importer

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzImport checks that no document panics the importer and that every
// operation it finds has a path, a method and a position.
func FuzzImport(f *testing.F) {
	seeds, _ := filepath.Glob("../fixtures/*.*")
	for _, path := range seeds {
		if data, err := os.ReadFile(path); err == nil {
			f.Add(filepath.Base(path), data)
		}
	}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		res := Bytes(name, data, "", Options{})
		for _, api := range res.APIs {
			for _, op := range api.Operations {
				if op.Method == "" || !op.Span.Start.IsValid() {
					t.Fatalf("operation %q without method or position", op.Name())
				}
			}
		}
	})
}
