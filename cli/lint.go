package cli

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	ucli "github.com/urfave/cli/v3"
	"golang.org/x/term"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/internal/memlimit"
	"github.com/apigw-oas/apigw-oas/internal/version"
	"github.com/apigw-oas/apigw-oas/lint"
	"github.com/apigw-oas/apigw-oas/lint/rules"
	"github.com/apigw-oas/apigw-oas/report"
	"github.com/apigw-oas/apigw-oas/walk"
)

func lintCommand() *ucli.Command {
	return &ucli.Command{
		Name:      "lint",
		Usage:     "check API definitions against API Gateway's payload conversions",
		ArgsUsage: "PATH... (files, directories, or - for standard input)",
		Description: "lint checks every API definition in the given files and directories (hidden folders are\n" +
			"skipped; files that hold no API definition are skipped quietly) and reports findings as\n" +
			"file:line:col: severity: message [rule-id]. 'apigw-oas rules' lists the rules.\n\n" +
			"Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 bad usage, an\n" +
			"input that could not be read, or no API definition in the paths at all, 3 internal error.\n\n" +
			"Examples:\n" +
			"   apigw-oas lint .\n" +
			"   apigw-oas lint . --diff          (then --fix to apply it; docs/fix.md)\n" +
			"   apigw-oas lint api.yaml --format sarif --output text=lint.txt\n" +
			"   apigw-oas lint specs/ --fail-on warning --output sarif=results.sarif --output junit=junit.xml",
		Flags: []ucli.Flag{
			formatFlag(formatChoices()...),
			&ucli.StringSliceFlag{Name: "output", Usage: "also write FORMAT=FILE (repeatable)"},
			&ucli.StringFlag{Name: "fail-on", Usage: "lowest severity that makes lint exit 1: error, warning, info or never (default: the configuration's, else error)"},
			&ucli.StringFlag{Name: "config", Usage: "the configuration file of every file (default: each file's nearest .apigw-oas.yaml or .apigw-oas.yml, up to the git root)"},
			&ucli.StringFlag{Name: "baseline", Usage: "hide the findings recorded in this baseline file"},
			&ucli.StringFlag{Name: "write-baseline", Usage: "record today's findings in this file (then --baseline FILE shows only new ones)"},
			&ucli.StringFlag{Name: "stdin-filename", Usage: "the name to report for standard input", Value: "<stdin>"},
			&ucli.BoolFlag{Name: "only-definitions", Usage: "skip named files that hold no API definition quietly, as a directory walk does, and pass when no path holds one (for pre-commit, which passes every changed file)"},
			maxSizeFlag,
			&ucli.BoolFlag{Name: "fix", Usage: "apply the safe fixes in place, then report what remains"},
			&ucli.BoolFlag{Name: "unsafe-fixes", Usage: "with --fix or --diff, also apply the fixes that change what some client gets (implies --fix)"},
			&ucli.BoolFlag{Name: "diff", Usage: "print the fixes as a unified diff and change nothing (exit 1 when there is something to fix)"},
			colorFlag,
		},
		Action: runLint,
	}
}

func runLint(_ context.Context, cmd *ucli.Command) error {
	if !cmd.Args().Present() {
		return usageError("lint needs at least one PATH (a file, a directory, or - for standard input)")
	}
	outputs, err := parseOutputs(cmd.StringSlice("output"))
	if err != nil {
		return err
	}
	opts, err := importOptions(cmd)
	if err != nil {
		return err
	}
	memlimit.Relax() // a folder's trees are garbage once linted: fewer, later collections
	inputs := collectInputs(cmd)
	if err := refuseOverwritingInputs(cmd, outputs, inputs.Inputs); err != nil {
		return err
	}
	runOpts, err := configure(cmd, inputs.Inputs)
	if err != nil {
		return err
	}
	failOn, err := failOnFor(cmd, runOpts)
	if err != nil {
		return err
	}
	runOpts.Rules, runOpts.Import = rules.All, opts
	runOpts.Stdin, runOpts.StdinName = cmd.Root().Reader, cmd.String("stdin-filename")
	runOpts.Fixes = fixing(cmd) || showsFixes(cmd.String("format"), outputs)
	runOpts.DropSources = !fixing(cmd) && !showsSnippets(cmd)
	found := lint.Run(lintInputs(inputs.Inputs), runOpts)
	if err := requireDefinitions(cmd, len(found.Files), inputs); err != nil {
		return err
	}
	if err := applyBaseline(cmd, found); err != nil {
		return err
	}
	if fixing(cmd) {
		if found, err = fixAndRelint(cmd, found, runOpts, lintInputs(inputs.Inputs)); err != nil || found == nil {
			return err
		}
	}
	// folders the walk could not read are findings too (never baselined)
	found.Diagnostics = append(found.Diagnostics, inputs.Problems...)
	diag.Sort(found.Diagnostics)
	if err := writeReports(cmd, reportOf(found), outputs); err != nil {
		return err
	}
	return exitFor(found.Diagnostics, failOn)
}

// configure reads --config for every file, or the nearest configuration
// of each input, before linting anything: a broken configuration stops
// the run.
func configure(cmd *ucli.Command, inputs []walk.Input) (lint.Options, error) {
	var run lint.Options
	var problems []diag.Diagnostic
	if path := cmd.String("config"); path != "" {
		run.Config, problems = lint.LoadConfig(path, rules.All)
	} else {
		run.Configs = lint.NewConfigs(rules.All)
		asked := map[string]bool{} // a file's configuration is its folder's: ask once a folder
		for _, in := range inputs {
			name := in.Path
			if name == lint.Stdin {
				name = cmd.String("stdin-filename")
			}
			if dir := filepath.Dir(name); !asked[dir] {
				asked[dir] = true
				run.Configs.For(name)
			}
		}
		problems = run.Configs.Problems()
	}
	for _, d := range problems {
		fmt.Fprintln(cmd.Root().ErrWriter, d)
	}
	if problems != nil {
		return run, &exitError{code: ExitInput}
	}
	return run, nil
}

// failOnFor gives the lowest severity that fails the run, for the file a
// finding is in: --fail-on, else the fail-on of the file's configuration,
// else error.
func failOnFor(cmd *ucli.Command, run lint.Options) (func(file string) diag.Severity, error) {
	if cmd.IsSet("fail-on") {
		sev, err := parseFailOn(cmd.String("fail-on"))
		return func(string) diag.Severity { return sev }, err
	}
	return func(file string) diag.Severity {
		cfg := run.ConfigFor(file)
		if cfg == nil || cfg.FailOn == "" {
			return diag.Error
		}
		sev, _ := parseFailOn(cfg.FailOn) // the decoder accepts only valid values
		return sev
	}, nil
}

// applyBaseline writes the baseline (--write-baseline) and hides the
// findings a baseline records (--baseline).
func applyBaseline(cmd *ucli.Command, found *lint.Findings) error {
	if path := cmd.String("write-baseline"); path != "" {
		if err := writeFile(path, func(w io.Writer) error { return lint.WriteBaseline(w, found.Diagnostics) }); err != nil {
			return err
		}
	}
	if path := cmd.String("baseline"); path != "" {
		b, err := lint.ReadBaseline(path, maxBytes(cmd))
		if err != nil {
			return &exitError{code: ExitInput, err: fmt.Errorf("--baseline %s: %v", path, err)}
		}
		found.Diagnostics, _ = b.Filter(found.Diagnostics)
	}
	return nil
}

// parseFailOn reads --fail-on; never is the severity above error.
func parseFailOn(s string) (diag.Severity, error) {
	if s == "never" {
		return diag.Error + 1, nil
	}
	sev, err := diag.ParseSeverity(s)
	if err != nil || sev == diag.Off {
		return 0, usageError("--fail-on %q: want error, warning, info or never", s)
	}
	return sev, nil
}

// output is one --output FORMAT=FILE.
type output struct {
	format report.Format
	path   string
}

func parseOutputs(specs []string) ([]output, error) {
	var outs []output
	for _, spec := range specs {
		name, path, ok := strings.Cut(spec, "=")
		if !ok || path == "" {
			return nil, usageError("--output %q: want FORMAT=FILE, e.g. sarif=results.sarif", spec)
		}
		format, err := report.ParseFormat(name)
		if err != nil {
			return nil, usageError("--output %q: %v", spec, err)
		}
		outs = append(outs, output{format, path})
	}
	return outs, nil
}

// lintInputs are the collected inputs as lint.Run takes them.
func lintInputs(inputs []walk.Input) []lint.Input {
	out := make([]lint.Input, len(inputs))
	for i, in := range inputs {
		out[i] = lint.Input{Path: in.Path, Explicit: in.Explicit, Root: in.Root, Candidate: in.Candidate}
	}
	return out
}

// reportOf adds to a run's findings what the report formats say about the
// tool and its rules, and the root CI systems want file paths relative to.
func reportOf(found *lint.Findings) report.Findings {
	wd, _ := os.Getwd()
	return report.Findings{
		Tool: "apigw-oas", Version: version.Module(), Rules: func() []report.Rule { return reportRules(rules.All) },
		Files: found.Files, Diagnostics: found.Diagnostics,
		Source:  func(file string) []byte { return found.Sources[file] },
		Root:    repositoryRoot(wd),
		WorkDir: wd,
	}
}

// repositoryRoot is the nearest folder at or above wd that holds .git (a
// folder, or a worktree's file), else wd: GitHub and GitLab read report
// paths relative to the repository, whatever folder lint ran in.
func repositoryRoot(wd string) string {
	if wd == "" {
		return ""
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
			return dir
		}
		if filepath.Dir(dir) == dir {
			return wd
		}
	}
}

func reportRules(rs []*lint.Rule) []report.Rule {
	out := make([]report.Rule, len(rs))
	for i, r := range rs {
		out[i] = report.Rule{ID: r.ID, Category: string(r.Category), Severity: r.Severity, Summary: r.Summary,
			Help: r.Help() + "\n\nHow to fix: " + r.Fix, HelpURI: ruleDocURL(r.ID)}
	}
	return out
}

// ruleDocURL is where a rule's documentation is published.
func ruleDocURL(id string) string {
	return "https://github.com/apigw-oas/apigw-oas/blob/main/docs/rules.md#" + id
}

// showsSnippets reports whether the main report shows the lines findings
// are on: text to a terminal.
func showsSnippets(cmd *ucli.Command) bool {
	return cmd.String("format") == string(report.Text) && isTerminal(cmd.Root().Writer)
}

// writeReports writes the main format to stdout and every --output file.
func writeReports(cmd *ucli.Command, findings report.Findings, outs []output) error {
	out := cmd.Root().Writer
	// a terminal gets snippets; colors follow --color
	format, err := report.ParseFormat(cmd.String("format")) // the flag accepts only names it knows
	if err != nil {
		return &exitError{code: ExitInternal, err: err}
	}
	if err := report.Write(format, out, findings, report.Options{Snippets: showsSnippets(cmd), Color: useColor(cmd, out)}); err != nil {
		return &exitError{code: ExitInternal, err: err}
	}
	if path := os.Getenv("GITHUB_STEP_SUMMARY"); format == report.GitHub && path != "" {
		if err := appendStepSummary(path, findings); err != nil {
			return writeFailure(path+" (GITHUB_STEP_SUMMARY)", err)
		}
	}
	for _, o := range outs {
		if err := writeFile(o.path, func(w io.Writer) error { return report.Write(o.format, w, findings, report.Options{}) }); err != nil {
			return err
		}
	}
	return nil
}

// appendStepSummary adds the markdown report to the summary GitHub Actions
// shows for the job ($GITHUB_STEP_SUMMARY), where the findings that are not
// annotated can be read. The file holds other steps' summaries, so it is
// appended to, in one write to a file opened for appending: a reader sees
// the report whole or not at all.
func appendStepSummary(path string, findings report.Findings) error {
	var md bytes.Buffer
	if err := report.Write(report.Markdown, &md, findings, report.Options{}); err != nil {
		return err
	}
	f, err := openForWriting(path, os.O_APPEND)
	if err != nil {
		return err
	}
	_, err = f.Write(md.Bytes())
	if closeErr := f.Close(); err == nil {
		err = closeErr
	}
	return err
}

// exitFor: 2 when an input could not be read, 1 for findings at or above
// the threshold, else 0. Suppressed findings never count.
func exitFor(ds []diag.Diagnostic, failOn func(file string) diag.Severity) error {
	code := ExitOK
	for _, d := range ds {
		switch {
		case d.Rule == diag.RuleSyntax || (d.Rule == diag.RuleConfig && d.Severity == diag.Error):
			return &exitError{code: ExitInput}
		case !d.Suppressed() && d.Severity >= failOn(d.Span.File):
			code = ExitFindings
		}
	}
	if code != ExitOK {
		return &exitError{code: code}
	}
	return nil
}

// isTerminal reports whether w is a terminal, where snippets and colour
// are for a reader: a file, a pipe and /dev/null are not.
func isTerminal(w io.Writer) bool {
	f, ok := w.(interface{ Fd() uintptr }) // an *os.File, or the checkedWriter around one
	return ok && term.IsTerminal(int(f.Fd()))
}

// formatChoices are the report formats' names, text (the default) first.
func formatChoices() []string {
	choices := []string{string(report.Text)}
	for _, name := range report.Names() {
		if name != string(report.Text) {
			choices = append(choices, name)
		}
	}
	return choices
}
