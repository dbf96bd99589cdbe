package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"unicode"

	ucli "github.com/urfave/cli/v3"

	"github.com/apigw-oas/apigw-oas/walk"
)

// checkedWriter is standard output as commands see it. It remembers the
// first write error and drops everything after it, so that Main can report
// a full disk or a closed pipe even where a command prints with
// fmt.Fprintln and ignores the result.
type checkedWriter struct {
	w   io.Writer
	err error
}

func (c *checkedWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	if err == nil && n < len(p) {
		err = io.ErrShortWrite
	}
	c.err = err
	return n, err
}

// Fd lets isTerminal ask whether standard output is a terminal: a
// character device alone is not one (/dev/null is a character device).
// A writer that is not a file answers an invalid descriptor.
func (c *checkedWriter) Fd() uintptr {
	if f, ok := c.w.(interface{ Fd() uintptr }); ok {
		return f.Fd()
	}
	return ^uintptr(0)
}

// flush flushes a buffered standard output (a caller's bufio.Writer) and
// returns its error; an *os.File has nothing buffered.
func flush(w io.Writer) error {
	if f, ok := w.(interface{ Flush() error }); ok {
		return f.Flush()
	}
	return nil
}

// overwrittenInput returns the input a destination would overwrite: the
// same file after links are resolved (os.SameFile), or "" when none.
// Destinations that do not exist yet and standard output overwrite nothing.
func overwrittenInput(destination string, inputs []string) string {
	if destination == "-" {
		return ""
	}
	out, err := os.Stat(destination)
	if err != nil || !out.Mode().IsRegular() {
		return ""
	}
	for _, in := range inputs {
		if info, err := os.Stat(in); err == nil && os.SameFile(out, info) {
			return in
		}
	}
	return ""
}

// refuseOverwritingInputs stops lint before it writes a report or a
// baseline over a file it reads: a definition, the configuration or the
// baseline.
func refuseOverwritingInputs(cmd *ucli.Command, outputs []output, inputs []walk.Input) error {
	read := []string{cmd.String("config"), cmd.String("baseline")}
	candidates := map[string]bool{}
	for _, in := range inputs {
		read = append(read, in.Path)
		candidates[in.Path] = in.Candidate
	}
	type destination struct{ path, flag string }
	var destinations []destination
	for _, o := range outputs {
		destinations = append(destinations, destination{o.path, "--output " + string(o.format) + "=" + o.path})
	}
	if path := cmd.String("write-baseline"); path != "" {
		destinations = append(destinations, destination{path, "--write-baseline " + path})
	}
	for _, d := range destinations {
		// a walked file lint will not read (no definition's mark) may be overwritten
		if in := overwrittenInput(d.path, read); in != "" && (!candidates[in] || walk.MayHoldDefinition(in)) {
			return usageError("%s would overwrite the input %s; write somewhere else", d.flag, in)
		}
	}
	return nil
}

// writeFile writes a destination the user named (see writeFileAtomically).
// Whichever command and flag named it, a failure reads "cannot write PATH:
// reason" and exits 2, as one on standard output does; an error of write
// that the destination did not cause (an encoder's) is a bug: exit 3.
func writeFile(path string, write func(io.Writer) error) error {
	var dest *checkedWriter
	var writeErr error
	err := writeFileAtomically(path, func(w io.Writer) error {
		dest = &checkedWriter{w: w}
		writeErr = write(dest)
		return writeErr
	})
	if err != nil && writeErr != nil && dest.err == nil {
		return &exitError{code: ExitInternal, err: writeErr}
	}
	return writeFailure(path, err)
}

// writeFailure is the error of a destination that could not be written;
// nil for no error.
func writeFailure(path string, err error) error {
	if err == nil {
		return nil
	}
	return &exitError{code: ExitInput, err: fmt.Errorf("cannot write %s: %v", path, withoutPaths(err))}
}

// withoutPaths drops the "write /path:" or "rename /a /b:" prefix of an
// *fs.PathError or *os.LinkError for a message that names the file
// already.
func withoutPaths(err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		return pe.Err
	case errors.As(err, &le):
		return le.Err
	}
	return err
}

// escapeControl writes the control characters of definition text as Go
// escapes (\n, \x1b, \u0085), as lint's messages quote them, so that text
// printed as it was written cannot end a line early (forging a GitHub
// "::error" workflow command or another tool's output line) or drive the
// terminal (ESC and BEL sequences). Line and paragraph separators and the
// bidirectional overrides, which reorder what a reader sees, count too.
func escapeControl(s string) string {
	if strings.IndexFunc(s, isControl) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if isControl(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isControl(r rune) bool {
	return unicode.IsControl(r) || r == '\u2028' || r == '\u2029' ||
		('\u202a' <= r && r <= '\u202e') || ('\u2066' <= r && r <= '\u2069')
}
