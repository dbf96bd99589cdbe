package cli

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"sync"
	"syscall"
)

// tempMarker is in the name of every temporary file we write, so that one
// left by a crash (kill -9, power loss) is recognisable next to its
// destination: ".api.yaml.apigw-oas-tmp-1a2b3c4d".
const tempMarker = ".apigw-oas-tmp-"

// writeFileAtomically writes a destination the user named. A regular file (or a new
// one, or a link to either) is replaced atomically: a temporary file in the
// same folder is written and renamed into place, so a reader never sees
// half a file and a failure leaves the old one as it was. A replaced file
// keeps its permissions; a new one gets 0666 minus the umask, as the shell's
// > would. Anything else (/dev/null, /dev/stdout, a FIFO) is written
// directly: renaming over it would replace a device with a regular file.
func writeFileAtomically(path string, write func(io.Writer) error) error {
	target, err := filepath.EvalSymlinks(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if _, err := os.Lstat(path); err == nil {
			// a dangling link, or one the kernel resolves itself
			// (/dev/stdout → /proc/self/fd/1 → pipe:[…]): write through it
			return writeDirectly(path, write)
		}
		return replaceAtomically(path, nil, write)
	case err != nil:
		return err
	}
	info, err := os.Stat(target)
	switch {
	case err != nil:
		return err
	case info.IsDir():
		return errors.New("is a directory")
	case !info.Mode().IsRegular():
		return writeDirectly(target, write)
	}
	return replaceAtomically(target, info, write) // a link stays a link: its target is replaced
}

func writeDirectly(path string, write func(io.Writer) error) error {
	f, err := openForWriting(path, os.O_TRUNC)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// openForWriting opens a destination that is written, not replaced,
// without blocking: opening a named pipe for writing otherwise waits for a
// reader, forever when none comes; with no reader it fails at once.
func openForWriting(path string, flag int) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|syscall.O_NONBLOCK|flag, 0o666)
	if errors.Is(err, syscall.ENXIO) {
		return nil, errors.New("a named pipe that nothing reads")
	}
	return f, err
}

func replaceAtomically(path string, old fs.FileInfo, write func(io.Writer) error) error {
	tmp, err := createTemp(path)
	if err != nil {
		return err
	}
	defer forgetTemp(tmp.Name()) // after a successful rename there is nothing left to remove
	if old != nil {
		if err := tmp.Chmod(old.Mode().Perm()); err != nil {
			tmp.Close()
			return err
		}
	}
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// createTemp creates the temporary file beside path with mode 0666, which
// the umask reduces as for any new file, and registers it for removal on
// SIGINT and SIGTERM.
func createTemp(path string) (*os.File, error) {
	for {
		var random [4]byte
		rand.Read(random[:])
		name := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+tempMarker+hex.EncodeToString(random[:]))
		temps.add(name)
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if errors.Is(err, fs.ErrExist) {
			temps.forget(name)
			continue
		}
		if err != nil {
			temps.forget(name)
			return nil, err
		}
		return f, nil
	}
}

func forgetTemp(name string) {
	os.Remove(name)
	temps.forget(name)
}

// temps are the temporary files being written. On SIGINT or SIGTERM they
// are removed and the signal is raised again, so the process still ends as
// the signal says (exit status 130 or 143 in a shell).
var temps = tempFiles{names: map[string]bool{}}

type tempFiles struct {
	once  sync.Once
	mu    sync.Mutex
	names map[string]bool
}

// raise ends the process by sig after the temporary files are gone; tests
// replace it. Where a process cannot signal itself (Windows), it exits
// with 130, a shell's status for an interrupted command.
var raise = func(sig os.Signal) {
	signal.Reset(sig)
	if p, err := os.FindProcess(os.Getpid()); err == nil && p.Signal(sig) == nil {
		return // the default action ends the process
	}
	os.Exit(130)
}

func (t *tempFiles) add(name string) {
	t.once.Do(func() {
		signals := make(chan os.Signal, 1)
		signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
		// the one goroutine not started with internal/goroutine: it lives as
		// long as the process, and no run waits for it
		go func() {
			for sig := range signals {
				t.removeAll()
				raise(sig)
			}
		}()
	})
	t.mu.Lock()
	defer t.mu.Unlock()
	t.names[name] = true
}

func (t *tempFiles) forget(name string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.names, name)
}

func (t *tempFiles) removeAll() {
	t.mu.Lock()
	defer t.mu.Unlock()
	for name := range t.names {
		os.Remove(name)
		delete(t.names, name)
	}
}
