package source

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"syscall"
)

// DefaultMaxBytes is the largest file read unless the caller raises it.
const DefaultMaxBytes = 64 << 20

// ReadFile reads a file of at most maxBytes bytes. Errors are *Error values
// that name the file and say what to do. Every file apigw-oas reads goes
// through here (or ReadAll), so that none — a device such as /dev/zero,
// a FIFO, a file that grows while read — can take more memory than the
// limit, and none can wait forever.
//
// The file is opened without blocking and judged by the open file, not by
// its name beforehand (which a rename can change): opening a named pipe
// otherwise waits for a writer, forever when none comes. A pipe is read
// (process substitution, <(...), hands one over with its writer running),
// and one that gives nothing is an error; a device is read up to the limit.
func ReadFile(path string, maxBytes int64) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, openError(path, err)
	}
	defer f.Close()
	info, err := f.Stat()
	switch {
	case err != nil:
		return nil, readError(path, err)
	case info.IsDir():
		return nil, &Error{Span: Span{File: path}, Message: "is a directory, not a file"}
	case info.Mode().IsRegular() && info.Size() > maxBytes:
		return nil, tooLarge(path, maxBytes)
	case info.Mode().IsRegular():
		return readAll(path, f, maxBytes, info.Size())
	}
	data, err := readAll(path, f, maxBytes, 0)
	if err == nil && len(data) == 0 && info.Mode()&fs.ModeNamedPipe != 0 {
		return nil, &Error{Span: Span{File: path}, Message: "a named pipe with nothing written to it"}
	}
	return data, err
}

// ReadFileIf reads a file as ReadFile does, but only when keep accepts
// its first headBytes bytes (all of it when it is shorter): otherwise, and
// when the path is not a regular file, it returns kept false and reads no
// further. A walk's candidate files are read this way, each once: most are
// shorter than the head, and a large file that keep refuses is neither
// read whole nor held to the size limit. A file that cannot be opened or
// read is kept, with the error that says why.
func ReadFileIf(path string, maxBytes int64, headBytes int, keep func(head []byte) bool) (data []byte, kept bool, err error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, true, openError(path, err)
	}
	defer f.Close()
	info, err := f.Stat()
	switch {
	case err != nil:
		return nil, true, readError(path, err)
	case !info.Mode().IsRegular():
		return nil, false, nil
	case info.Size() <= int64(headBytes) && info.Size() <= maxBytes: // the head is the whole file
		if data, err = readAll(path, f, maxBytes, info.Size()); err != nil {
			return nil, true, err
		}
		if !keep(data[:min(len(data), headBytes)]) {
			return nil, false, nil
		}
		return data, true, nil
	}
	head := make([]byte, headBytes)
	n, err := io.ReadFull(f, head)
	switch {
	case err != nil && err != io.ErrUnexpectedEOF:
		return nil, true, readError(path, err)
	case !keep(head[:n]):
		return nil, false, nil
	case info.Size() > maxBytes:
		return nil, true, tooLarge(path, maxBytes)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, true, readError(path, err)
	}
	data, err = readAll(path, f, maxBytes, info.Size())
	return data, true, err
}

// openError says why a file could not be opened; a link to nothing is
// told from a missing file, whose name may simply be mistyped.
func openError(path string, err error) *Error {
	if errors.Is(err, fs.ErrNotExist) {
		if info, lerr := os.Lstat(path); lerr == nil && info.Mode()&fs.ModeSymlink != 0 {
			return &Error{Span: Span{File: path}, Message: "a symbolic link to nothing (dangling)"}
		}
		return &Error{Span: Span{File: path}, Message: "no such file"}
	}
	return readError(path, err)
}

// ReadAll reads r (a file or standard input) up to maxBytes.
func ReadAll(name string, r io.Reader, maxBytes int64) ([]byte, error) {
	return readAll(name, r, maxBytes, 0)
}

// readAll reads r up to maxBytes into a buffer of the size r is expected
// to have, so that a file is held once: io.ReadAll's growing buffer held
// it more than twice over while copying.
func readAll(name string, r io.Reader, maxBytes, size int64) ([]byte, error) {
	// one byte more than the limit tells a file at the limit from a larger
	// one; at math.MaxInt64 that byte would overflow to a negative limit,
	// which reads nothing and made every file "empty"
	limit := min(maxBytes, math.MaxInt64-1) + 1
	buf := bytes.NewBuffer(make([]byte, 0, min(size, limit)+bytes.MinRead))
	_, err := buf.ReadFrom(io.LimitReader(r, limit))
	data := buf.Bytes()
	if err != nil {
		return nil, readError(name, err)
	}
	if int64(len(data)) > maxBytes {
		return nil, tooLarge(name, maxBytes)
	}
	return data, nil
}

func readError(name string, err error) *Error {
	return &Error{Span: Span{File: name}, Message: "cannot read: " + unwrapPathError(err)}
}

func tooLarge(name string, maxBytes int64) *Error {
	return &Error{Span: Span{File: name}, Message: fmt.Sprintf("the file is larger than the %s size limit", HumanBytes(maxBytes))}
}

// HumanBytes writes a size as the messages about limits show it.
func HumanBytes(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d-byte", n)
}

// unwrapPathError drops the "open /path:" prefix of an *fs.PathError; the
// caller already names the file.
func unwrapPathError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
