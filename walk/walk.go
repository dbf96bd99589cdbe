// Package walk turns the paths a user typed into the files to import:
// named files as they are, folders walked for the files that may hold an
// API definition. A walk honours .gitignore files as git does, reads only
// regular files inside the walked folder, and reports what it could not
// read instead of passing over it silently.
package walk

import (
	"errors"
	"io/fs"
	"os"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/internal/goroutine"
	"github.com/apigw-oas/apigw-oas/source"
)

// Input is one file to import.
type Input struct {
	Path string
	// Explicit inputs were typed by the user: they are reported even when they
	// hold no definition. Walked ones are skipped quietly then.
	Explicit bool
	// Root is the folder the user named that a walked file was found in,
	// absolute with links resolved; "" for a file named itself. Fixes may
	// edit the files inside it that the file's definition reads.
	Root string
	// Candidate inputs are kept only when their start holds a definition's
	// mark (HasMarker), which the caller checks as it reads them
	// (Options.CallerReadsMarks); false when the walk has checked.
	Candidate bool
}

// Notice is something a walk passed over that the user should hear about,
// though it does not fail the run: a named pipe, a dangling link.
type Notice struct {
	Path, Message string
}

func (n Notice) String() string { return n.Path + ": " + n.Message }

// Result is what the given paths hold.
type Result struct {
	Inputs  []Input
	Notices []Notice
	// Problems are folders that could not be read; they fail the run.
	Problems []diag.Diagnostic
}

// Options tune a walk.
type Options struct {
	// OnlyDefinitions treats named files like walked ones: kept only when
	// they may hold a definition (for pre-commit, which passes every changed
	// file).
	OnlyDefinitions bool
	// CallerReadsMarks leaves the check of each candidate's mark to the
	// caller, which reads the file anyway (Input.Candidate): each file is
	// then read once, by the caller's workers, instead of its start first
	// by the walk and then whole. Otherwise Paths drops the unmarked ones.
	CallerReadsMarks bool
}

// Paths collects the inputs the given paths hold, in a stable order:
// arguments in the order given, each folder's files in lexical order. "-"
// is standard input.
func Paths(args []string, opts Options) Result {
	var c collected
	for _, arg := range args {
		info, err := os.Stat(arg)
		switch {
		case arg == "-" || err != nil || !info.IsDir():
			if opts.OnlyDefinitions && err == nil && info.Mode().IsRegular() {
				c.addCandidate(Input{Path: arg})
				continue
			}
			// what cannot be read is reported by the import, with its reason
			c.Inputs = append(c.Inputs, Input{Path: arg, Explicit: true})
		default:
			walkRoot(arg, &c)
		}
	}
	if opts.CallerReadsMarks {
		for _, at := range c.candidates {
			c.Inputs[at].Candidate = true
		}
	} else {
		c.dropUnmarked()
	}
	return c.Result
}

// collected is a Result being collected.
type collected struct {
	Result
	// candidates are the indices of the Inputs kept only when they may
	// hold a definition: their heads are read once the walk is done, one
	// reader per core, as reading them is most of a walk's time.
	candidates []int
}

func (c *collected) addCandidate(in Input) {
	c.candidates = append(c.candidates, len(c.Inputs))
	c.Inputs = append(c.Inputs, in)
}

// dropUnmarked drops the candidates that hold no definition's mark,
// keeping the order of the rest.
func (c *collected) dropUnmarked() {
	unmarked := make([]bool, len(c.Inputs))
	goroutine.Each(len(c.candidates), 0, func(i int) {
		at := c.candidates[i]
		unmarked[at] = !MayHoldDefinition(c.Inputs[at].Path)
	})
	kept := c.Inputs[:0]
	for i, in := range c.Inputs {
		if !unmarked[i] {
			kept = append(kept, in)
		}
	}
	c.Inputs = kept
}

// problem is a folder the walk could not read.
func problem(path string, err error) diag.Diagnostic {
	return diag.Diagnostic{Rule: diag.RuleSyntax, Severity: diag.Error, Span: source.Span{File: path},
		Message: "cannot read folder: " + reason(err)}
}

// reason is an error without the path it names: the message names it.
func reason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
