//go:build unix

package walk

import (
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/apigw-oas/apigw-oas/internal/unprivileged"
)

// pathsWithin runs Paths and fails the test if it does not return in
// time: a walk that opens a named pipe waits for a writer forever.
func pathsWithin(t *testing.T, args ...string) Result {
	t.Helper()
	done := make(chan Result, 1)
	go func() { done <- Paths(args, Options{}) }()
	select {
	case res := <-done:
		return res
	case <-time.After(10 * time.Second):
		t.Fatalf("walk of %v hangs", args)
		return Result{}
	}
}

func inputPaths(res Result) []string {
	var paths []string
	for _, in := range res.Inputs {
		paths = append(paths, filepath.Base(in.Path))
	}
	return paths
}

func noticeFor(res Result, name string) string {
	for _, n := range res.Notices {
		if filepath.Base(n.Path) == name {
			return n.Message
		}
	}
	return ""
}

// Only regular files are read: a named pipe, a link to one, a socket and
// a device are notices, and so is a .gitignore that is a named pipe.
func TestWalkSkipsSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "api.yaml", definition)
	mkfifo(t, filepath.Join(dir, "pipe.yaml"))
	mkfifo(t, filepath.Join(dir, ".gitignore"))
	symlink(t, filepath.Join(dir, "pipe.yaml"), filepath.Join(dir, "link-to-pipe.yaml"))
	symlink(t, "/dev/null", filepath.Join(dir, "dev.yaml")) // a device, and outside the folder
	symlink(t, filepath.Join(dir, "api.yaml"), filepath.Join(dir, "link.yaml"))
	sock, err := net.Listen("unix", filepath.Join(dir, "s.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer sock.Close()

	res := pathsWithin(t, dir)
	if got := inputPaths(res); !slices.Equal(got, []string{"api.yaml", "link.yaml"}) {
		t.Errorf("inputs %q, want api.yaml and the link to it", got)
	}
	for name, want := range map[string]string{
		"pipe.yaml":         "a named pipe, not a regular file; skipped",
		"link-to-pipe.yaml": "a named pipe, not a regular file; skipped",
		"s.json":            "a socket, not a regular file; skipped",
		"dev.yaml":          "a symbolic link out of the walked folder (to /dev/null); not followed",
		".gitignore":        "a named pipe, not a regular file; not read",
	} {
		if got := noticeFor(res, name); got != want {
			t.Errorf("%s: notice %q, want %q", name, got, want)
		}
	}
	if len(res.Problems) > 0 {
		t.Errorf("special files are not problems: %v", res.Problems)
	}
}

// A device met in a walk is skipped (links to devices are refused before,
// for leading out of the folder; a device node inside it needs root).
func TestWalkSkipsDevices(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mknod(filepath.Join(dir, "null.yaml"), syscall.S_IFCHR|0o666, int(unixDev(1, 3))); err != nil {
		t.Skipf("cannot make a device node here (%v): making one needs root", err)
	}
	res := pathsWithin(t, dir)
	if got := noticeFor(res, "null.yaml"); got != "a device, not a regular file; skipped" || len(res.Inputs) > 0 {
		t.Errorf("device: inputs %v, notice %q", res.Inputs, got)
	}
}

// unixDev is Linux's encoding of a device number.
func unixDev(major, minor uint64) uint64 {
	return (major << 8) | minor
}

// Links lead within the walked folder only; a dangling one is a notice.
func TestWalkLinks(t *testing.T) {
	outside := writeFile(t, t.TempDir(), "secret.yaml", definition)
	dir := t.TempDir()
	writeFile(t, dir, "specs/api.yaml", definition)
	symlink(t, "../specs/api.yaml", filepath.Join(dir, "v2", "api.yaml"))
	symlink(t, outside, filepath.Join(dir, "out.yaml"))
	symlink(t, filepath.Join(dir, "missing.yaml"), filepath.Join(dir, "dangling.yaml"))
	symlink(t, "loop.yaml", filepath.Join(dir, "loop.yaml"))

	res := pathsWithin(t, dir)
	var got []string
	for _, in := range res.Inputs {
		rel, _ := filepath.Rel(dir, in.Path)
		got = append(got, filepath.ToSlash(rel))
	}
	if !slices.Equal(got, []string{"specs/api.yaml", "v2/api.yaml"}) {
		t.Errorf("inputs %q, want the file and the link to it within the folder", got)
	}
	for name, want := range map[string]string{
		"out.yaml":      "a symbolic link out of the walked folder (to " + outside + "); not followed",
		"dangling.yaml": "a symbolic link to nothing (dangling); skipped",
		"loop.yaml":     "a symbolic link that cannot be followed (",
	} {
		if got := noticeFor(res, name); !strings.HasPrefix(got, want) {
			t.Errorf("%s: notice %q, want %q", name, got, want)
		}
	}
	// the folder itself may be reached through a link: its files are inside it
	link := filepath.Join(t.TempDir(), "linked")
	symlink(t, filepath.Join(dir, "specs"), link)
	if res := pathsWithin(t, link); len(res.Inputs) != 1 || len(res.Notices) > 0 {
		t.Errorf("walk through a linked folder: inputs %v, notices %v", res.Inputs, res.Notices)
	}
}

// A folder that cannot be read is a problem with its path, given or met.
func TestWalkUnreadableFolders(t *testing.T) {
	if !unprivileged.Run(t) {
		return
	}
	dir := t.TempDir()
	writeFile(t, dir, "api.yaml", definition)
	locked := filepath.Join(dir, "locked")
	writeFile(t, locked, "hidden.yaml", definition)
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(locked, 0o755) })
	if _, err := os.ReadDir(locked); err == nil {
		t.Skip("a folder with mode 000 can be read here: the tests run with CAP_DAC_OVERRIDE, which permissions do not stop")
	}
	for _, arg := range []string{dir, locked} {
		res := pathsWithin(t, arg)
		if len(res.Problems) != 1 || res.Problems[0].Span.File != locked ||
			res.Problems[0].Message != "cannot read folder: permission denied" {
			t.Errorf("walk of %s: problems %v, want %s unreadable", arg, res.Problems, locked)
		}
	}
}

func mkfifo(t *testing.T, path string) {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Fatal(err)
	}
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}
