package golden

import (
	"bytes"
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// CompareSection fails t when got differs from the file named section in
// the txtar archive at path, showing the first differing line; with
// APIGW_OAS_UPDATE set it rewrites that file of the archive (adding it at
// the end when it is missing) and leaves the rest as it was.
func CompareSection(t testing.TB, path, section string, got []byte) {
	t.Helper()
	archive, err := txtar.ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	i := sectionIndex(archive, section)
	if Updating() {
		if i < 0 {
			archive.Files = append(archive.Files, txtar.File{Name: section})
			i = len(archive.Files) - 1
		}
		archive.Files[i].Data = got
		if err := os.WriteFile(path, txtar.Format(archive), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if i < 0 {
		t.Fatalf("%s has no %q section (APIGW_OAS_UPDATE=1 adds it)", path, section)
	}
	if want := archive.Files[i].Data; !bytes.Equal(got, want) {
		t.Errorf("%q differs in %s (APIGW_OAS_UPDATE=1 rewrites it):\n%s", section, path, FirstDifference(string(want), string(got)))
	}
}

func sectionIndex(a *txtar.Archive, name string) int {
	for i, f := range a.Files {
		if f.Name == name {
			return i
		}
	}
	return -1
}
