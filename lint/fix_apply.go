package lint

import (
	"cmp"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/importer"
	"github.com/apigw-oas/apigw-oas/source"
)

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
// Options.Fixes) to the files their edits address — the files linted, and
// the bodies and .tf files of a module they read — in rounds: a round
// applies every fix whose bytes no other fix of the round touches, then
// lints again each file whose fixes address a file the round changed,
// until no fix applies. A file two linted files read gets a fix they both
// find once; when they ask for different edits for the same finding,
// neither is applied, and the second result says so. Nothing is written;
// the first result lists the files whose text changed. Standard input is
// never fixed.
func Fix(found *Findings, opts Options, fo FixOptions) ([]Fixed, []string) {
	w := &fixWork{found: found, opts: opts, fo: fo, texts: overlay{}, applied: map[string]int{}, refused: map[string]bool{}}
	byOrigin := map[string][]diag.Diagnostic{}
	for _, d := range found.Diagnostics {
		if d.Fix != nil {
			byOrigin[d.Fix.Origin] = append(byOrigin[d.Fix.Origin], d)
		}
	}
	for range fixRounds {
		var candidates []diag.Diagnostic
		for _, origin := range found.Files {
			candidates = append(candidates, byOrigin[origin]...)
		}
		changed := w.round(candidates)
		if len(changed) == 0 {
			break
		}
		for _, origin := range found.Files {
			if changed[origin] || slices.ContainsFunc(byOrigin[origin], func(d diag.Diagnostic) bool { return changed[d.Fix.File] }) {
				byOrigin[origin] = w.relint(origin)
			}
		}
	}
	return w.results(), w.notes
}

// fixWork is the state of one Fix.
type fixWork struct {
	found   *Findings
	opts    Options
	fo      FixOptions
	texts   overlay         // the files changed so far, with their text now
	applied map[string]int  // fixes applied, by file
	refused map[string]bool // findings (findingKey) whose fixes are not applied
	notes   []string
}

// wants reports whether a finding's fix is to be applied.
func (w *fixWork) wants(d diag.Diagnostic) bool {
	fix := d.Fix
	return fix != nil && len(fix.Replacements) > 0 && !d.Suppressed() && (fix.Safety == diag.Safe || w.fo.Unsafe) &&
		(w.fo.Skip == nil || !w.fo.Skip(d)) && fix.File != stdinName(w.opts) && fix.Origin != stdinName(w.opts) &&
		!w.refused[findingKey(d)]
}

// findingKey names a finding whatever linted file found it.
func findingKey(d diag.Diagnostic) string {
	return fmt.Sprintf("%s %s %s", d.Rule, d.Span, d.Pointer)
}

// round applies each chosen fix, in the order given, whose replacements
// touch none of those chosen before it in the same file, and returns the
// files it changed.
func (w *fixWork) round(ds []diag.Diagnostic) map[string]bool {
	chosen := map[string][]diag.Diagnostic{} // by file
	for _, d := range ds {
		if !w.wants(d) {
			continue
		}
		file := d.Fix.File
		if slices.ContainsFunc(chosen[file], func(o diag.Diagnostic) bool { return sameEdits(o.Fix, d.Fix) }) {
			continue // one fix found from two linted files
		}
		if i := slices.IndexFunc(chosen[file], func(o diag.Diagnostic) bool { return findingKey(o) == findingKey(d) }); i >= 0 {
			w.refuse(d, chosen[file][i])
			chosen[file] = slices.Delete(chosen[file], i, i+1)
			continue
		}
		if !slices.ContainsFunc(chosen[file], func(o diag.Diagnostic) bool { return touches(o.Fix, d.Fix) }) {
			chosen[file] = append(chosen[file], d)
		}
	}
	changed := map[string]bool{}
	for file, fixes := range chosen {
		var reps []source.Replacement
		for _, d := range fixes {
			reps = append(reps, d.Fix.Replacements...)
		}
		slices.SortFunc(reps, func(a, b source.Replacement) int { return a.Start - b.Start })
		w.texts[file] = source.Apply(w.text(file), reps)
		w.applied[file] += len(fixes)
		changed[file] = true
	}
	return changed
}

// refuse records that two linted files reading one file ask for different
// edits of it for the same finding: neither is applied.
func (w *fixWork) refuse(d, other diag.Diagnostic) {
	w.refused[findingKey(d)] = true
	w.notes = append(w.notes, fmt.Sprintf("%s: fix not applied: %s and %s, which both read %s, ask for different edits for this finding [%s]",
		d.Span, other.Fix.Origin, d.Fix.Origin, d.Fix.File, d.Rule))
}

func sameEdits(a, b *diag.Fix) bool { return slices.Equal(a.Replacements, b.Replacements) }

// touches reports whether two fixes of one file touch each other's bytes
// or edit the same list or mapping: each was judged on the file without
// the other, and two edits of one list may only be right apart (removing
// an entry another covers, and narrowing the one that covers it).
func touches(a, b *diag.Fix) bool {
	return slices.ContainsFunc(a.Replacements, func(r source.Replacement) bool { return touchesAny(r, b.Replacements) }) ||
		slices.ContainsFunc(a.Edits, func(e diag.Edit) bool {
			return slices.ContainsFunc(b.Edits, func(o diag.Edit) bool { return parentOf(e.Pointer) == parentOf(o.Pointer) })
		})
}

func parentOf(ptr string) string { return ptr[:max(0, strings.LastIndexByte(ptr, '/'))] }

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

// text is a file's text now.
func (w *fixWork) text(file string) []byte {
	if text, ok := w.texts[file]; ok {
		return text
	}
	return w.original(file)
}

// original is a file's text as it was linted.
func (w *fixWork) original(file string) []byte {
	if src, ok := w.found.Sources[file]; ok {
		return src
	}
	src, _ := source.ReadFile(file, maxBytesOf(w.opts.Import))
	return src
}

// relint lints a file again as Run would, with the texts the files it
// reads have now, and returns its findings with fixes.
func (w *fixWork) relint(file string) []diag.Diagnostic {
	opts := w.opts
	res := importer.Bytes(file, w.text(file), filepath.Dir(file), opts.Import)
	root := w.found.roots[file]
	var ds []diag.Diagnostic
	if w.readsChanged(res) {
		copied, m, copyRoot, err := importOverlay(res, w.texts, root, opts.Import)
		if err != nil {
			return nil
		}
		defer m.remove()
		ds = File(copied, opts.Rules, w.settings(file))
		resolveFixes(copied, ds, opts.Rules, opts.Import, copyRoot)
		m.rename(ds)
	} else {
		ds = File(res, opts.Rules, w.settings(file))
		resolveFixes(res, ds, opts.Rules, opts.Import, root)
	}
	if cfg := opts.ConfigFor(file); cfg != nil {
		cfg.Suppress(file, ds)
	}
	return slices.DeleteFunc(ds, func(d diag.Diagnostic) bool { return d.Fix == nil })
}

func (w *fixWork) settings(file string) Config {
	if cfg := w.opts.ConfigFor(file); cfg != nil {
		return cfg
	}
	return Defaults{}
}

// readsChanged reports whether an import read a file Fix has changed,
// other than the imported one.
func (w *fixWork) readsChanged(res *importer.Result) bool {
	return slices.ContainsFunc(involvedFiles(res), func(name string) bool {
		_, changed := w.texts[name]
		return changed && name != res.File
	})
}

// results are the changed files, those linted first, in their order.
func (w *fixWork) results() []Fixed {
	var names []string
	for name := range w.texts {
		names = append(names, name)
	}
	order := func(name string) int {
		if i := slices.Index(w.found.Files, name); i >= 0 {
			return i
		}
		return len(w.found.Files)
	}
	slices.SortFunc(names, func(a, b string) int {
		if d := order(a) - order(b); d != 0 {
			return d
		}
		return cmp.Compare(a, b)
	})
	var out []Fixed
	for _, name := range names {
		if before := w.original(name); string(before) != string(w.texts[name]) {
			out = append(out, Fixed{File: name, Before: before, After: w.texts[name], Applied: w.applied[name]})
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

func maxBytesOf(opts importer.Options) int64 {
	if opts.MaxBytes > 0 {
		return opts.MaxBytes
	}
	return source.DefaultMaxBytes
}

// Covers is the baseline as FixOptions.Skip: the findings it records.
func (b *Baseline) Covers() func(diag.Diagnostic) bool {
	keys := map[string]bool{}
	for _, e := range b.Findings {
		keys[e.key()] = true
	}
	return func(d diag.Diagnostic) bool { return keys[entryOf(d).key()] }
}
