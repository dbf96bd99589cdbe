package lint

import (
	"fmt"
	"path/filepath"
	"slices"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/importer"
	"github.com/apigw-oas/apigw-oas/source"
)

// resolveFixes writes the fix of each of a file's findings into the file's
// bytes (FixBytes) and judges it: Unsafe when its rule says so or when
// simulating the API before and after shows an exchange that worked
// being served differently, else Safe. A fix that cannot be written in the
// file's style, or that addresses another file (a body a container refers
// to), is dropped.
func resolveFixes(res *importer.Result, ds []diag.Diagnostic, rules []*Rule, opts importer.Options) {
	if res.Doc == nil {
		return
	}
	parse := ParserFor(res, opts)
	var before []map[string]Served
	for i := range ds {
		d := &ds[i]
		if d.Fix == nil || d.Suppressed() {
			continue
		}
		if d.Span.File != res.Doc.File {
			d.Fix = nil
			continue
		}
		reps, fixed, err := FixBytes(res.Doc, d.Fix, parse)
		if err != nil {
			d.Fix = nil
			continue
		}
		if before == nil {
			for _, api := range res.APIs {
				before = append(before, Simulate(api))
			}
		}
		fix := *d.Fix
		fix.Replacements = reps
		fix.Safety, fix.Changes = judge(before, importer.Bytes(res.File, fixed, folderOf(res), opts))
		if r := ruleByID(rules, d.Rule); r != nil && r.Autofix == diag.Unsafe {
			fix.Safety = diag.Unsafe
		}
		d.Fix = &fix
	}
}

// judge compares every exchange of the file's APIs before and after a fix.
func judge(before []map[string]Served, after *importer.Result) (diag.Safety, []string) {
	if len(after.APIs) != len(before) {
		return diag.Unsafe, []string{"the APIs the file declares"}
	}
	var changes []string
	for i, api := range after.APIs {
		changes = append(changes, Changed(before[i], Simulate(api))...)
	}
	if len(changes) > 0 {
		return diag.Unsafe, changes
	}
	return diag.Safe, nil
}

func ruleByID(rules []*Rule, id string) *Rule {
	for _, r := range rules {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// folderOf is the folder an imported file's $refs may reach ("" for
// standard input).
func folderOf(res *importer.Result) string {
	if res.Location() == "" {
		return ""
	}
	return filepath.Dir(res.File)
}

// ParserFor reads the file's bytes as the importer did: Terraform's tree
// is the importer's own.
func ParserFor(res *importer.Result, opts importer.Options) Parser {
	if res.Doc.Syntax != source.HCL {
		return func(src []byte) (*source.Document, error) { return source.Parse(res.Doc.File, src) }
	}
	folder := folderOf(res)
	return func(src []byte) (*source.Document, error) {
		r := importer.Bytes(res.File, src, folder, opts)
		if r.Doc == nil || len(r.Diagnostics) > 0 {
			return nil, fmt.Errorf("the edited file does not import: %v", r.Diagnostics)
		}
		return r.Doc, nil
	}
}

// FixOptions choose the fixes Fix applies.
type FixOptions struct {
	// Unsafe also applies fixes that change what some client gets.
	Unsafe bool
	// Skip names findings whose fixes are not applied (baselined ones);
	// suppressed findings are never fixed.
	Skip func(diag.Diagnostic) bool
}

// Fixed is one file's text before and after its fixes.
type Fixed struct {
	File          string
	Before, After []byte
	Applied       int // the number of fixes applied
}

// fixRounds bounds how often a file is linted again for fixes that
// conflicted with others or that earlier fixes made possible.
const fixRounds = 10

// Fix applies the chosen fixes of a run's findings (a Run with
// Options.Fixes) to the text of each file that has some (not standard
// input), in rounds: a round applies
// every fix whose bytes no other applied fix touches, then lints the file
// again, until no fix applies. Nothing is written; the result lists the
// files whose text changed.
func Fix(found *Findings, opts Options, fo FixOptions) []Fixed {
	var out []Fixed
	for _, file := range found.Files {
		src, ok := found.Sources[file]
		if !ok || file == stdinName(opts) {
			continue
		}
		ds := inFile(found.Diagnostics, file)
		f := Fixed{File: file, Before: src, After: src}
		for range fixRounds {
			after, applied := applyRound(f.After, ds, fo)
			if applied == 0 {
				break
			}
			f.After, f.Applied = after, f.Applied+applied
			ds = relint(file, f.After, opts)
		}
		if f.Applied > 0 {
			out = append(out, f)
		}
	}
	return out
}

func inFile(ds []diag.Diagnostic, file string) []diag.Diagnostic {
	var out []diag.Diagnostic
	for _, d := range ds {
		if d.Span.File == file {
			out = append(out, d)
		}
	}
	return out
}

func stdinName(opts Options) string {
	if opts.StdinName == "" {
		return "<stdin>"
	}
	return opts.StdinName
}

// applyRound applies each chosen fix, in the order of the findings, whose
// replacements touch none of the ones applied before it.
func applyRound(src []byte, ds []diag.Diagnostic, fo FixOptions) ([]byte, int) {
	var taken []source.Replacement
	applied := 0
	for _, d := range ds {
		fix := d.Fix
		if fix == nil || len(fix.Replacements) == 0 || d.Suppressed() || (fix.Safety != diag.Safe && !fo.Unsafe) || (fo.Skip != nil && fo.Skip(d)) {
			continue
		}
		if slices.ContainsFunc(fix.Replacements, func(r source.Replacement) bool { return touchesAny(r, taken) }) {
			continue
		}
		taken = append(taken, fix.Replacements...)
		applied++
	}
	slices.SortFunc(taken, func(a, b source.Replacement) int { return a.Start - b.Start })
	return source.Apply(src, taken), applied
}

// touchesAny reports whether r overlaps a replacement, or inserts where
// one inserts or inside one.
func touchesAny(r source.Replacement, rs []source.Replacement) bool {
	return slices.ContainsFunc(rs, func(o source.Replacement) bool {
		overlap := r.Start < o.End && o.Start < r.End
		insertInside := (r.Start == r.End && o.Start <= r.Start && r.Start <= o.End) ||
			(o.Start == o.End && r.Start <= o.Start && o.Start <= r.End)
		return overlap || insertInside
	})
}

// relint lints a file's new text as Run would, for the next round.
func relint(file string, src []byte, opts Options) []diag.Diagnostic {
	res := importer.Bytes(file, src, filepath.Dir(file), opts.Import)
	var settings Config = Defaults{}
	if opts.Config != nil {
		settings = opts.Config
	}
	ds := File(res, opts.Rules, settings)
	if opts.Config != nil {
		opts.Config.Suppress(res.File, ds)
	}
	resolveFixes(res, ds, opts.Rules, opts.Import)
	return inFile(ds, file)
}

// Covers is the baseline as FixOptions.Skip: the findings it records.
func (b *Baseline) Covers() func(diag.Diagnostic) bool {
	keys := map[string]bool{}
	for _, e := range b.Findings {
		keys[e.key()] = true
	}
	return func(d diag.Diagnostic) bool { return keys[entryOf(d).key()] }
}
