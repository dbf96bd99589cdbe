package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"

	ucli "github.com/urfave/cli/v3"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/importer"
	"github.com/apigw-oas/apigw-oas/lint"
	"github.com/apigw-oas/apigw-oas/lint/rules"
	"github.com/apigw-oas/apigw-oas/report"
)

func lintCommand() *ucli.Command {
	return &ucli.Command{
		Name:      "lint",
		Usage:     "check API definitions against API Gateway's payload conversions",
		ArgsUsage: "PATH... (files, directories, or - for standard input)",
		Description: "lint checks every API definition in the given files and directories (hidden folders are\n" +
			"skipped; files that hold no API definition are skipped quietly) and reports findings as\n" +
			"file:line:col: severity: message [rule-id]. 'apigw-oas rules' lists the rules.\n\n" +
			"Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 bad usage or an\n" +
			"input that could not be read, 3 internal error.\n\n" +
			"Examples:\n" +
			"   apigw-oas lint .\n" +
			"   apigw-oas lint api.yaml --format sarif --output text=lint.txt\n" +
			"   apigw-oas lint specs/ --fail-on warning --output sarif=results.sarif --output junit=junit.xml",
		Flags: []ucli.Flag{
			formatFlag(append([]string{"text"}, without(report.FormatNames(), "text")...)...),
			&ucli.StringSliceFlag{Name: "output", Usage: "also write FORMAT=FILE (repeatable)"},
			&ucli.StringFlag{Name: "fail-on", Usage: "lowest severity that makes lint exit 1: error, warning, info or never (default: the configuration's, else error)"},
			&ucli.StringFlag{Name: "config", Usage: "the configuration file (default: .apigw-oas.yaml in the working folder or above)"},
			&ucli.StringFlag{Name: "baseline", Usage: "hide the findings recorded in this baseline file"},
			&ucli.StringFlag{Name: "write-baseline", Usage: "record today's findings in this file (then --baseline FILE shows only new ones)"},
			&ucli.StringFlag{Name: "stdin-filename", Usage: "the name to report for standard input", Value: "<stdin>"},
			&ucli.BoolFlag{Name: "only-definitions", Usage: "skip named files that hold no API definition quietly, as a directory walk does (for pre-commit, which passes every changed file)"},
			maxSizeFlag,
		},
		Action: runLint,
	}
}

func runLint(_ context.Context, cmd *ucli.Command) error {
	if !cmd.Args().Present() {
		return usageError("lint needs at least one PATH (a file, a directory, or - for standard input)")
	}
	cfg, err := loadConfig(cmd)
	if err != nil {
		return err
	}
	failOn, err := parseFailOn(failOnSetting(cmd, cfg))
	if err != nil {
		return err
	}
	outputs, err := parseOutputs(cmd.StringSlice("output"))
	if err != nil {
		return err
	}
	opts, err := importOptions(cmd)
	if err != nil {
		return err
	}
	inputs, err := collectInputs(cmd.Args().Slice(), cmd.Bool("only-definitions"))
	if err != nil {
		return err
	}
	if err := refuseOverwritingInputs(cmd, outputs, inputs); err != nil {
		return err
	}
	results := importAll(cmd, inputs, opts)
	run := lintResults(results, cfg)
	if err := applyBaseline(cmd, &run); err != nil {
		return err
	}
	if err := writeReports(cmd, run, outputs); err != nil {
		return err
	}
	return exitFor(run.Diagnostics, failOn)
}

// loadConfig reads --config, or the .apigw-oas.yaml found from the working
// folder up; nil when there is none. A broken configuration stops the run.
func loadConfig(cmd *ucli.Command) (*lint.FileConfig, error) {
	path := cmd.String("config")
	if path == "" {
		if path = lint.FindConfig("."); path == "" {
			return nil, nil
		}
	}
	cfg, problems := lint.LoadConfig(path, rules.All)
	for _, d := range problems {
		fmt.Fprintln(cmd.Root().ErrWriter, d)
	}
	if problems != nil {
		return nil, &exitError{code: ExitInput}
	}
	return cfg, nil
}

func failOnSetting(cmd *ucli.Command, cfg *lint.FileConfig) string {
	switch {
	case cmd.IsSet("fail-on"):
		return cmd.String("fail-on")
	case cfg != nil && cfg.FailOn != "":
		return cfg.FailOn
	}
	return "error"
}

// applyBaseline writes the baseline (--write-baseline) and hides the
// findings a baseline records (--baseline).
func applyBaseline(cmd *ucli.Command, run *report.Result) error {
	if path := cmd.String("write-baseline"); path != "" {
		err := writeFileAtomically(path, func(w io.Writer) error { return lint.WriteBaseline(w, run.Diagnostics) })
		if err != nil {
			return &exitError{code: ExitInput, err: fmt.Errorf("--write-baseline %s: %v", path, err)}
		}
	}
	if path := cmd.String("baseline"); path != "" {
		b, err := lint.ReadBaseline(path)
		if err != nil {
			return &exitError{code: ExitInput, err: fmt.Errorf("--baseline %s: %v", path, err)}
		}
		run.Diagnostics, _ = b.Filter(run.Diagnostics)
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
type output struct{ format, path string }

func parseOutputs(specs []string) ([]output, error) {
	var outs []output
	for _, spec := range specs {
		format, path, ok := strings.Cut(spec, "=")
		if !ok || path == "" {
			return nil, usageError("--output %q: want FORMAT=FILE, e.g. sarif=results.sarif", spec)
		}
		if _, known := report.Formats[format]; !known {
			return nil, usageError("--output %q: unknown format %q (want %s)", spec, format, strings.Join(report.FormatNames(), ", "))
		}
		outs = append(outs, output{format, path})
	}
	return outs, nil
}

// importAll imports the inputs in parallel, keeping their order.
func importAll(cmd *ucli.Command, inputs []input, opts importer.Options) []*importer.Result {
	results := make([]*importer.Result, len(inputs))
	var wg sync.WaitGroup
	work := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				results[i] = importInput(cmd, inputs[i], opts)
			}
		}()
	}
	for i := range inputs {
		work <- i
	}
	close(work)
	wg.Wait()
	var kept []*importer.Result
	for i, res := range results {
		if inputs[i].explicit {
			res.RequireDefinition()
		}
		// a walked file is kept when it holds a definition, or when it looked
		// like one but could not be read (a broken definition is reported)
		if inputs[i].explicit || res.Format != "" || len(res.Diagnostics) > 0 {
			kept = append(kept, res)
		}
	}
	return kept
}

func importInput(cmd *ucli.Command, in input, opts importer.Options) *importer.Result {
	if in.path == "-" {
		return importer.Reader(cmd.String("stdin-filename"), cmd.Root().Reader, opts)
	}
	return importer.File(in.path, opts)
}

// lintResults runs every rule over every imported file, with the
// configuration's severities, options and ignores when there is one.
func lintResults(results []*importer.Result, cfg *lint.FileConfig) report.Result {
	run := report.Result{Tool: "apigw-oas", Version: version(), Rules: reportRules(rules.All)}
	var settings lint.Config = lint.Defaults{}
	if cfg != nil {
		settings = cfg
	}
	sources := map[string][]byte{}
	for _, res := range results {
		run.Files = append(run.Files, res.File)
		ds := lint.File(res, rules.All, settings)
		if cfg != nil {
			cfg.Suppress(res.File, ds)
		}
		run.Diagnostics = append(run.Diagnostics, ds...)
		if res.Doc != nil {
			sources[res.File] = res.Doc.Src
		}
	}
	if cfg != nil {
		run.Diagnostics = append(run.Diagnostics, cfg.Unused()...)
	}
	diag.Sort(run.Diagnostics)
	run.Source = func(file string) []byte { return sources[file] }
	return run
}

func reportRules(rs []*lint.Rule) []report.Rule {
	out := make([]report.Rule, len(rs))
	for i, r := range rs {
		out[i] = report.Rule{ID: r.ID, Category: string(r.Category), Severity: r.Severity, Summary: r.Summary,
			Help: r.Help + "\n\nHow to fix: " + r.Fix, HelpURI: ruleDocURL(r.ID)}
	}
	return out
}

// ruleDocURL is where a rule's documentation is published.
func ruleDocURL(id string) string {
	return "https://github.com/apigw-oas/apigw-oas/blob/main/docs/rules.md#" + id
}

// writeReports writes the main format to stdout and every --output file.
func writeReports(cmd *ucli.Command, run report.Result, outs []output) error {
	out := cmd.Root().Writer
	// a terminal gets snippets and colors; NO_COLOR (no-color.org) turns colors off
	tty := isTerminal(out)
	if err := report.Write(cmd.String("format"), out, run, report.Options{Snippets: tty, Color: tty && os.Getenv("NO_COLOR") == ""}); err != nil {
		return &exitError{code: ExitInternal, err: err}
	}
	for _, o := range outs {
		if err := writeFileAtomically(o.path, func(w io.Writer) error { return report.Write(o.format, w, run, report.Options{}) }); err != nil {
			return &exitError{code: ExitInput, err: fmt.Errorf("--output %s=%s: %v", o.format, o.path, err)}
		}
	}
	return nil
}

// exitFor: 2 when an input could not be read, 1 for findings at or above
// the threshold, else 0. Suppressed findings never count.
func exitFor(ds []diag.Diagnostic, failOn diag.Severity) error {
	code := ExitOK
	for _, d := range ds {
		switch {
		case d.Rule == diag.RuleSyntax || (d.Rule == diag.RuleConfig && d.Severity == diag.Error):
			return &exitError{code: ExitInput}
		case !d.Suppressed() && d.Severity >= failOn:
			code = ExitFindings
		}
	}
	if code != ExitOK {
		return &exitError{code: code}
	}
	return nil
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(interface{ Stat() (os.FileInfo, error) }) // an *os.File, or the checkedWriter around one
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

func without(list []string, drop string) []string {
	var out []string
	for _, s := range list {
		if s != drop {
			out = append(out, s)
		}
	}
	return out
}
