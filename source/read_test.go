package source

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// ReadFileIf decides on the head alone, reads a kept file whole within the
// limit, passes over what keep refuses whatever its size, and keeps what
// it cannot read with the reason.
func TestReadFileIf(t *testing.T) {
	dir := t.TempDir()
	file := func(name, text string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	const head = 16
	marked := func(h []byte) bool { return bytes.Contains(h, []byte("MARK")) }
	long := strings.Repeat("x", 40)
	for _, c := range []struct {
		name, path string
		max        int64
		kept       bool
		data, err  string
	}{
		{"short, marked", file("a", "MARK short"), 100, true, "MARK short", ""},
		{"short, unmarked", file("b", "short"), 100, false, "", ""},
		{"longer than the head, marked in it", file("c", "MARK"+long), 100, true, "MARK" + long, ""},
		{"marked only after the head", file("d", long+"MARK"), 100, false, "", ""},
		{"marked, over the limit", file("e", "MARK"+long), 20, true, "", "larger than the 20-byte size limit"},
		{"short, marked, over the limit", file("f", "MARK short"), 8, true, "", "larger than the 8-byte size limit"},
		{"unmarked, over the limit", file("g", long), 20, false, "", ""},
		{"a folder", dir, 100, false, "", ""},
		{"missing", filepath.Join(dir, "none"), 100, true, "", "no such file"},
	} {
		data, kept, err := ReadFileIf(c.path, c.max, head, marked)
		switch {
		case kept != c.kept || string(data) != c.data:
			t.Errorf("%s: kept %v, %q; want %v, %q", c.name, kept, data, c.kept, c.data)
		case c.err == "" && err != nil, c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("%s: error %v, want %q", c.name, err, c.err)
		}
	}
}
