package cli

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"slices"

	ucli "github.com/urfave/cli/v3"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/lint"
	"github.com/apigw-oas/apigw-oas/report"
)

// lint --fix, --unsafe-fixes and --diff (docs/fix.md).

func fixing(cmd *ucli.Command) bool {
	return cmd.Bool("fix") || cmd.Bool("unsafe-fixes") || cmd.Bool("diff")
}

// showsFixes reports whether a report format of the run shows fixes.
func showsFixes(format string, outs []output) bool {
	shows := func(f report.Format) bool { return f == report.JSON || f == report.SARIF }
	f, _ := report.ParseFormat(format)
	return shows(f) || slices.ContainsFunc(outs, func(o output) bool { return shows(o.format) })
}

// fixAndRelint applies the chosen fixes of a run. With --diff it prints
// them and returns no findings (the exit code says whether there was
// something to fix); otherwise it writes each changed file, says how many
// fixes it applied there, and lints again for what remains.
func fixAndRelint(cmd *ucli.Command, found *lint.Findings, opts lint.Options, inputs []lint.Input) (*lint.Findings, error) {
	fo := lint.FixOptions{Unsafe: cmd.Bool("unsafe-fixes")}
	if path := cmd.String("baseline"); path != "" {
		b, err := lint.ReadBaseline(path, maxBytes(cmd))
		if err != nil {
			return nil, &exitError{code: ExitInput, err: fmt.Errorf("--baseline %s: %v", path, err)}
		}
		fo.Skip = b.Covers()
	}
	fixed, refused := lint.Fix(found, opts, fo)
	for _, note := range refused {
		fmt.Fprintln(cmd.Root().ErrWriter, note)
	}
	if cmd.Bool("diff") {
		for _, f := range fixed {
			fmt.Fprint(cmd.Root().Writer, lint.UnifiedDiff(filepath.ToSlash(f.File), f.Before, f.After))
		}
		if err := exitFor(found.Diagnostics, func(string) diag.Severity { return diag.Error + 1 }); err != nil {
			for _, d := range found.Diagnostics {
				if d.Rule == diag.RuleSyntax || d.Rule == diag.RuleConfig {
					fmt.Fprintln(cmd.Root().ErrWriter, d)
				}
			}
			return nil, err // an input that could not be read: 2
		}
		if len(fixed) > 0 {
			return nil, &exitError{code: ExitFindings}
		}
		return nil, nil
	}
	for _, f := range fixed {
		if err := writeFile(f.File, func(w io.Writer) error { _, err := w.Write(f.After); return err }); err != nil {
			return nil, err
		}
		fmt.Fprintf(cmd.Root().ErrWriter, "%s: %s applied\n", f.File, plural(f.Applied, "fix", "fixes"))
	}
	if len(fixed) > 0 {
		if text, ok := found.Sources[opts.StdinName]; ok {
			opts.Stdin = bytes.NewReader(text) // read once already
		}
		found = lint.Run(inputs, opts)
		if err := applyBaseline(cmd, found); err != nil {
			return nil, err
		}
	}
	if !fo.Unsafe {
		noteUnsafe(cmd.Root().ErrWriter, found, fo.Skip)
	}
	return found, nil
}

// noteUnsafe says, for each remaining finding with an unsafe fix, what
// applying it would serve differently.
func noteUnsafe(w io.Writer, found *lint.Findings, skip func(diag.Diagnostic) bool) {
	for _, d := range found.Diagnostics {
		if fix := d.Fix; fix != nil && len(fix.Replacements) > 0 && fix.Safety == diag.Unsafe && !d.Suppressed() && (skip == nil || !skip(d)) {
			fmt.Fprintf(w, "%s: fix not applied, %s [%s]\n", d.Span, fix.Describe(), d.Rule)
		}
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
