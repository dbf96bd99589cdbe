package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// A character device is not a terminal: output sent to /dev/null (as a
// benchmark or a script does) must not get snippets and colour, nor keep
// every file's text in memory for them.
func TestIsTerminalOnlyForTerminals(t *testing.T) {
	devNull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Skipf("no %s: %v", os.DevNull, err)
	}
	defer devNull.Close()
	file, err := os.Create(filepath.Join(t.TempDir(), "out"))
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	for name, out := range map[string]io.Writer{
		"/dev/null":          devNull,
		"/dev/null, checked": &checkedWriter{w: devNull},
		"a file":             file,
		"a pipe":             &checkedWriter{w: w},
		"a buffer":           &bytes.Buffer{},
		"a buffer, checked":  &checkedWriter{w: &bytes.Buffer{}},
	} {
		if isTerminal(out) {
			t.Errorf("%s is taken for a terminal", name)
		}
	}
}
