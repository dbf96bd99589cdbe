//go:build unix

// Package unprivileged lets a test about file permissions run where the
// tests run as root (CI does), whom permissions do not stop: the test is
// run again, alone, as the user nobody.
package unprivileged

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// nobody is the conventional unprivileged user and group.
const nobody = 65534

// envRerun marks the process that runs the test as nobody.
const envRerun = "APIGW_OAS_UNPRIVILEGED"

// Run returns true when the calling test should go on: it does not run as
// root, or it is the re-run. As root, it runs the test again as nobody,
// passes or fails with it, and returns false; where that cannot be done
// (no such user in a user namespace) the test is skipped, saying why. It
// is for top-level tests, which -test.run can name alone.
func Run(t *testing.T) bool {
	t.Helper()
	if os.Geteuid() != 0 {
		return true
	}
	if os.Getenv(envRerun) != "" {
		t.Fatal("the re-run as nobody still runs as root")
	}
	// the test binary and the re-run's temporary files go where nobody can reach them
	scratch, err := os.MkdirTemp("", "unprivileged")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(scratch) })
	tmp := filepath.Join(scratch, "tmp")
	if err := os.Mkdir(tmp, 0o777); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{scratch, tmp} {
		if err := os.Chmod(dir, 0o1777); err != nil {
			t.Fatal(err)
		}
	}
	bin := filepath.Join(scratch, "test.bin")
	if err := copyExecutable(bin); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-test.run=^"+t.Name()+"$", "-test.v", "-test.count=1")
	cmd.Dir = tmp
	cmd.Env = append(os.Environ(), envRerun+"=1", "TMPDIR="+tmp)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
	out, err := cmd.CombinedOutput()
	switch {
	case err != nil && !strings.Contains(string(out), "=== RUN"):
		t.Skipf("the tests run as root, whom permissions do not stop, and cannot run as nobody (%v): %s", err, out)
	case err != nil:
		t.Fatalf("as nobody:\n%s", out)
	case strings.Contains(string(out), "--- SKIP"):
		t.Skipf("as nobody:\n%s", out)
	}
	return false
}

func copyExecutable(to string) error {
	self, err := os.Executable()
	if err != nil {
		return err
	}
	in, err := os.Open(self)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o755)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
