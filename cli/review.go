package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	ucli "github.com/urfave/cli/v3"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/importer"
	"github.com/apigw-oas/apigw-oas/internal/goroutine"
	"github.com/apigw-oas/apigw-oas/lint"
	"github.com/apigw-oas/apigw-oas/lint/rules"
	"github.com/apigw-oas/apigw-oas/review"
	"github.com/apigw-oas/apigw-oas/walk"
)

func reviewCommand() *ucli.Command {
	return &ucli.Command{
		Name:      "review",
		Usage:     "show what a change to API definitions does to every client, before it is deployed",
		ArgsUsage: "OLD NEW, or --base REV [PATH...]",
		Description: "review simulates both versions of every API (any format apigw-oas reads; two files or two\n" +
			"folders, or with --base the version at a git revision against the working tree) for every\n" +
			"client profile, every media type an operation produces or accepts and the CORS preflight, and\n" +
			"reports each outcome that changed as a regression, a fix or neutral; the operations added and\n" +
			"removed; the lint findings introduced and removed; and the patchOperations that deploy the change.\n\n" +
			"Formats: text, json (versioned), markdown (a pull-request comment) and html (one self-contained\n" +
			"page: a grid of operations and clients, each cell opening both sides' explanation).\n\n" +
			"Exit codes: 0 nothing at --fail-on, 1 a regression (or, with --fail-on any, any change),\n" +
			"2 bad usage or an input that could not be read, 3 internal error.\n\n" +
			"Examples:\n" +
			"   apigw-oas review old/openapi.yaml openapi.yaml\n" +
			"   apigw-oas review --base origin/main --format markdown > comment.md\n" +
			"   apigw-oas review --base HEAD~1 template.yaml --format html -o review.html",
		Flags: []ucli.Flag{
			&ucli.StringFlag{Name: "base", Usage: "read the old side from this git revision, the new side from the working tree"},
			formatFlag("text", "json", "markdown", "html"),
			&ucli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (atomically) instead of standard output"},
			&ucli.StringFlag{Name: "fail-on", Usage: "what makes review exit 1: regression, any (any change) or never", Value: "regression"},
			&ucli.StringFlag{Name: "config", Usage: "the lint configuration file (default: .apigw-oas.yaml in the working folder or above)"},
			maxSizeFlag,
		},
		Action: runReview,
	}
}

func runReview(ctx context.Context, cmd *ucli.Command) error {
	failOn := cmd.String("fail-on")
	if failOn != "regression" && failOn != "any" && failOn != "never" {
		return usageError("--fail-on %q: want regression, any or never", failOn)
	}
	opts, err := importOptions(cmd)
	if err != nil {
		return err
	}
	oldSide, newSide, cleanup, err := reviewSides(ctx, cmd, opts.MaxBytes)
	if err != nil {
		return err
	}
	defer cleanup()
	if err := refuseOverwritingSides(cmd, oldSide, newSide); err != nil {
		return err
	}
	cfg, err := reviewConfig(cmd)
	if err != nil {
		return err
	}
	files, err := importAndLint(cmd, append(oldSide.files, newSide.files...), cfg, opts)
	if err != nil {
		return err
	}
	r := review.Compare(oldSide.label, files[:len(oldSide.files)], newSide.label, files[len(oldSide.files):])
	if err := writeReview(cmd, r); err != nil {
		return err
	}
	s := r.Summarize()
	if (failOn == "regression" && s.Regressions > 0) || (failOn == "any" && !s.Empty()) {
		return &exitError{code: ExitFindings}
	}
	return nil
}

// refuseOverwritingSides stops review before -o overwrites a file it
// reads: a definition of either side, or the configuration.
func refuseOverwritingSides(cmd *ucli.Command, sides ...reviewSide) error {
	path := cmd.String("output")
	if path == "" {
		return nil
	}
	read := []string{cmd.String("config")}
	for _, side := range sides {
		for _, f := range side.files {
			read = append(read, f.path)
		}
	}
	if in := overwrittenInput(path, read); in != "" {
		return usageError("-o %s would overwrite the input %s; write somewhere else", path, in)
	}
	return nil
}

// reviewSide is one version to review: the files to read and how to
// show it.
type reviewSide struct {
	label string
	files []sideFile
}

// sideFile is one file of a side: where it is read, the key that pairs it
// with the other side's file, and the name reports show.
type sideFile struct {
	path, key, name string
	explicit        bool // named on the command line: it must hold a definition
	// rename names the files of an extracted git revision as REV:path in
	// findings; nil elsewhere.
	rename func(file string) string
}

// reviewSides reads the arguments: OLD NEW, or --base REV [PATH...].
func reviewSides(ctx context.Context, cmd *ucli.Command, maxBytes int64) (oldSide, newSide reviewSide, cleanup func(), err error) {
	cleanup = func() {}
	args := cmd.Args().Slice()
	if rev := cmd.String("base"); rev != "" {
		if len(args) == 0 {
			args = []string{"."}
		}
		return baseSides(ctx, rev, args, maxBytes)
	}
	if len(args) != 2 {
		return oldSide, newSide, cleanup, usageError("review needs OLD and NEW (two files or two folders), or --base REV [PATH...]")
	}
	if isDir(args[0]) != isDir(args[1]) {
		return oldSide, newSide, cleanup, usageError("review %s %s: one is a folder and the other is not; give two files or two folders", args[0], args[1])
	}
	if oldSide, err = pathSide(args[0]); err != nil {
		return oldSide, newSide, cleanup, err
	}
	if newSide, err = pathSide(args[1]); err != nil {
		return oldSide, newSide, cleanup, err
	}
	if len(oldSide.files) == 0 && len(newSide.files) == 0 {
		return oldSide, newSide, cleanup, usageError("no API definition in %s or %s: nothing was reviewed", args[0], args[1])
	}
	return oldSide, newSide, cleanup, nil
}

func isDir(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}

// pathSide reads a file, or the definitions in a folder keyed by their
// path within it.
func pathSide(root string) (reviewSide, error) {
	side := reviewSide{label: root}
	if !isDir(root) {
		side.files = []sideFile{{path: root, key: root, name: root, explicit: true}}
		return side, nil
	}
	walked := walk.Paths([]string{root}, walk.Options{})
	if len(walked.Problems) > 0 {
		return side, &exitError{code: ExitInput, err: errors.New(walked.Problems[0].String())}
	}
	for _, in := range walked.Inputs {
		rel, err := filepath.Rel(root, in.Path)
		if err != nil {
			return side, usageError("%s: %v", in.Path, err)
		}
		side.files = append(side.files, sideFile{path: in.Path, key: filepath.ToSlash(rel), name: in.Path})
	}
	return side, nil
}

// importAndLint imports and lints every file of both sides in parallel; a
// file that cannot be read stops the review (exit 2).
func importAndLint(cmd *ucli.Command, files []sideFile, cfg *lint.FileConfig, opts importer.Options) ([]review.File, error) {
	out := make([]review.File, len(files))
	problems := make([][]string, len(files))
	var settings lint.Config = lint.Defaults{}
	if cfg != nil {
		settings = cfg
	}
	goroutine.Each(len(files), 0, func(i int) { out[i], problems[i] = importAndLintFile(files[i], settings, opts) })
	if cfg != nil { // not in the workers: Suppress records which entries were used
		for i, f := range files {
			cfg.Suppress(f.key, out[i].Findings)
		}
	}
	failed := false
	for _, ps := range problems {
		for _, p := range ps {
			fmt.Fprintln(cmd.Root().ErrWriter, p)
			failed = true
		}
	}
	if failed {
		return nil, &exitError{code: ExitInput}
	}
	return out, nil
}

func importAndLintFile(f sideFile, settings lint.Config, opts importer.Options) (review.File, []string) {
	res := importer.File(f.path, opts)
	if f.explicit {
		res.RequireDefinition()
	}
	findings := lint.File(res, rules.All, settings)
	var problems []string
	for i, d := range findings {
		if f.rename != nil {
			findings[i].Span.File = f.rename(d.Span.File)
			for j := range d.Related {
				d.Related[j].Span.File = f.rename(d.Related[j].Span.File)
			}
		}
		if d.Rule == diag.RuleSyntax {
			problems = append(problems, findings[i].String())
		}
	}
	return review.File{Path: f.name, Key: f.key, APIs: res.APIs, Findings: findings}, problems
}

func writeReview(cmd *ucli.Command, r *review.Report) error {
	write := func(w io.Writer) error {
		switch cmd.String("format") {
		case "json":
			return review.WriteJSON(w, r)
		case "markdown":
			return review.WriteMarkdown(w, r)
		case "html":
			return review.WriteHTML(w, r)
		}
		return review.WriteText(w, r)
	}
	if path := cmd.String("output"); path != "" {
		return writeFile(path, write)
	}
	if err := write(cmd.Root().Writer); err != nil {
		return &exitError{code: ExitInternal, err: err}
	}
	return nil
}

// reviewConfig is --config, else the configuration of the working folder:
// both sides of a review are judged by the same one (the old side may be
// a git revision, with no folder of its own). A broken one stops the run.
func reviewConfig(cmd *ucli.Command) (*lint.FileConfig, error) {
	var cfg *lint.FileConfig
	var problems []diag.Diagnostic
	if path := cmd.String("config"); path != "" {
		cfg, problems = lint.LoadConfig(path, rules.All)
	} else {
		configs := lint.NewConfigs(rules.All)
		cfg, problems = configs.For(lint.Stdin), configs.Problems()
	}
	for _, d := range problems {
		fmt.Fprintln(cmd.Root().ErrWriter, d)
	}
	if problems != nil {
		return nil, &exitError{code: ExitInput}
	}
	return cfg, nil
}
