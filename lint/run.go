package lint

import (
	"io"
	"slices"
	"strings"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/importer"
	"github.com/apigw-oas/apigw-oas/internal/goroutine"
	"github.com/apigw-oas/apigw-oas/source"
	"github.com/apigw-oas/apigw-oas/walk"
)

// Stdin is the Input.Path that reads Options.Stdin.
const Stdin = "-"

// Input is one file to lint, as a command line or a directory walk names it.
type Input struct {
	// Path is the file, or Stdin.
	Path string
	// Explicit inputs were asked for by name: they are reported even when
	// they hold no API definition. A walked file that holds none is dropped.
	Explicit bool
	// Root is the folder a walked file was found in ("" for a file named
	// itself). A fix may edit another file than this one (a body the
	// definition refers to, a .tf file of its module) only inside the
	// file's own folder or inside Root.
	Root string
	// Candidate inputs are linted only when their start holds a
	// definition's mark (walk.HasMarker), checked as they are read; the
	// others are dropped without a word, as a walk drops them.
	Candidate bool
}

// Options are the settings of one run.
type Options struct {
	// Rules are the rules to run (rules.All for every rule).
	Rules []*Rule
	// Config, when set, is the configuration of every file (what
	// apigw-oas lint --config FILE does).
	Config *FileConfig
	// Configs, when Config is nil, gives each file its nearest
	// configuration (NewConfigs); the problems of the configurations it
	// reads are among the findings. With neither, every rule runs with its
	// default severity.
	Configs *Configs
	// Import bounds what the importer reads.
	Import importer.Options
	// Stdin is read for an input whose path is Stdin; StdinName is the
	// name findings give it ("<stdin>" when empty).
	Stdin     io.Reader
	StdinName string
	// Fixes writes each finding's fix into byte edits and judges whether
	// it is safe (diag.Fix.Replacements and Safety), at the cost of an
	// import per fix: what Fix, --diff and the JSON and SARIF reports need.
	// Without it, fixes are the rules' edits only.
	Fixes bool
	// DropSources keeps in Findings.Sources only standard input's text (it
	// cannot be read again): for a caller that shows no snippets and
	// applies no fixes, a folder's memory is then that of the few files
	// being linted, not also the text of every file with findings.
	DropSources bool
}

// Findings are what one run found.
type Findings struct {
	// Files are the files linted, in the order of the inputs, clean ones
	// included; a walked file without a definition is not among them.
	Files []string
	// Diagnostics are sorted with diag.Sort. Suppressed ones are included
	// (with their Suppression); problems reading an input are syntax
	// diagnostics, problems in the configuration config diagnostics.
	Diagnostics []diag.Diagnostic
	// Sources holds the text of every parsed file that diagnostics name,
	// by that name, for snippets.
	Sources map[string][]byte
	// roots are the Input.Root of the files linted, for Fix.
	roots map[string]string
}

// Run lints the inputs as the apigw-oas lint command does: it imports and
// lints them in parallel, runs the rules over every API found, applies
// ignore comments and the configuration's ignore entries, and reports
// entries that matched nothing. The result does not depend on scheduling.
//
// A baseline is not applied: Baseline.Filter does that, after
// WriteBaseline, when a caller wants both.
func Run(inputs []Input, opts Options) *Findings {
	found := &Findings{Sources: map[string][]byte{}, roots: map[string]string{}}
	textless := map[string]bool{} // files parsed whose text was not kept
	if opts.Import.Cache == nil {
		opts.Import.Cache = importer.NewCache() // a folder's .tf files, parsed once for the run
	}
	outcomes := lintAll(inputs, opts)
	called := readElsewhere(outcomes, func(o *outcome) []string { return o.moduleCalls })
	included := readElsewhere(outcomes, func(o *outcome) []string { return o.includes })
	for i, o := range outcomes {
		if o == nil || called[o.moduleInputs] || o.body && included[o.resolved] {
			continue // a walked file without a definition, a module its caller read, or a body its template read
		}
		found.Files = append(found.Files, o.file)
		found.roots[o.file] = inputs[i].Root
		if o.cfg != nil {
			o.cfg.Suppress(o.file, o.diags) // here, not in the workers: it records which entries were used
		}
		found.Diagnostics = append(found.Diagnostics, o.diags...)
		switch {
		case o.src != nil:
			found.Sources[o.file] = o.src
		case o.parsed && inputs[i].Path != Stdin && !opts.DropSources:
			textless[o.file] = true
		}
	}
	readNamedSources(found, textless, opts)
	switch {
	case opts.Config != nil:
		found.Diagnostics = append(found.Diagnostics, opts.Config.Unused()...)
	case opts.Configs != nil:
		found.Diagnostics = append(found.Diagnostics, opts.Configs.Problems()...)
		found.Diagnostics = append(found.Diagnostics, opts.Configs.Unused()...)
	}
	diag.Sort(found.Diagnostics)
	found.Diagnostics = withoutRepeats(found.Diagnostics)
	return found
}

// withoutRepeats drops a finding that another file's import found too: a
// file another definition's $ref reads is also linted on its own when a
// folder walk meets it, and the same setting must be reported once. ds is
// sorted, so repeats are next to each other.
func withoutRepeats(ds []diag.Diagnostic) []diag.Diagnostic {
	return slices.CompactFunc(ds, func(a, b diag.Diagnostic) bool {
		return a.Rule == b.Rule && a.Span == b.Span && a.Message == b.Message && a.Severity == b.Severity &&
			a.Suppressed() == b.Suppressed()
	})
}

// ConfigFor is the configuration of file (as findings name it); nil for
// the defaults.
func (opts Options) ConfigFor(file string) *FileConfig {
	switch {
	case opts.Config != nil:
		return opts.Config
	case opts.Configs != nil:
		return opts.Configs.For(file)
	}
	return nil
}

// outcome is what a run keeps of one file once it is linted: its tree and
// model are dropped, so that a folder of many files takes the memory of the
// few being linted at once.
type outcome struct {
	file  string
	diags []diag.Diagnostic
	// src is the file's text when its findings name it (the text report
	// shows their lines); nil otherwise.
	src []byte
	// parsed says the file could be parsed, so that a finding of another
	// file may show its lines too.
	parsed bool
	// moduleCalls and moduleInputs are the importer.Result's: a module
	// read on its own is dropped when a file linted with it calls it.
	moduleCalls  []string
	moduleInputs string
	// includes are the files (absolute, links resolved) a template read
	// its APIs' definitions from (AWS::Include, DefinitionUri, a Terraform
	// file()); body says the file is a standalone definition, which a
	// template may include.
	includes []string
	body     bool
	// resolved is the file's path, absolute with links resolved, when it
	// is a body: found by the worker, not in Run's single-threaded loop.
	resolved string
	// cfg is the file's configuration; nil for the defaults.
	cfg *FileConfig
}

// readElsewhere collects, over all outcomes, the names one field lists:
// the Terraform module folders some file calls (moduleCalls) and the
// definition files some template includes (includes). A module's or a
// body's own reading would report again, less precisely or wrongly (it
// lacks what its caller or template adds, e.g. SAM's BinaryMediaTypes,
// which replace the body's), what the other reading reports at the same
// positions.
func readElsewhere(outcomes []*outcome, names func(*outcome) []string) map[string]bool {
	set := map[string]bool{}
	for _, o := range outcomes {
		if o != nil {
			for _, name := range names(o) {
				set[name] = true
			}
		}
	}
	return set
}

// lintAll imports and lints each input in one worker per core, keeping the
// outcomes in the order of the inputs; a walked file that holds no
// definition has none.
func lintAll(inputs []Input, opts Options) []*outcome {
	outcomes := make([]*outcome, len(inputs))
	goroutine.Each(len(inputs), 0, func(i int) { outcomes[i] = lintInput(inputs[i], opts) })
	return outcomes
}

func lintInput(in Input, opts Options) *outcome {
	res := importInput(in, opts)
	if res == nil {
		return nil // a candidate without a definition's mark
	}
	if in.Explicit {
		res.RequireDefinition()
	}
	// a walked file is kept when it holds a definition, or when it looked
	// like one but could not be read (a broken definition is reported)
	if !in.Explicit && !res.IsDefinition() && len(res.Diagnostics) == 0 {
		return nil
	}
	cfg := opts.ConfigFor(res.File)
	var settings Config = Defaults{}
	if cfg != nil {
		settings = cfg
	}
	o := &outcome{file: res.File, diags: File(res, opts.Rules, settings), parsed: res.Doc != nil,
		moduleCalls: res.ModuleCalls, moduleInputs: res.ModuleInputs,
		includes: includedFiles(res), body: res.Container == "", cfg: cfg}
	if o.body {
		o.resolved = resolvedPath(res.File)
	}
	if opts.Fixes {
		resolveFixes(res, o.diags, opts.Rules, opts.Import, in.Root)
	}
	keep := !opts.DropSources || in.Path == Stdin
	if keep && o.parsed && slices.ContainsFunc(o.diags, func(d diag.Diagnostic) bool { return d.Span.File == res.File }) {
		o.src = res.Doc.Src
	}
	return o
}

// includedFiles are the files other than res's own that its APIs'
// definitions were read from.
func includedFiles(res *importer.Result) []string {
	var files []string
	for _, api := range res.APIs {
		if doc := api.DefinitionDoc; doc != nil && doc.File != res.File {
			files = append(files, resolvedPath(doc.File))
		}
	}
	return files
}

// readNamedSources reads again the text of the files in textless that
// only another file's findings name (through a $ref): a file's outcome
// keeps its text only when its own findings name it.
func readNamedSources(found *Findings, textless map[string]bool, opts Options) {
	maxBytes := maxBytesOf(opts.Import)
	for _, d := range found.Diagnostics {
		if name := d.Span.File; textless[name] {
			if src, err := source.ReadFile(name, maxBytes); err == nil {
				found.Sources[name] = src
			}
			delete(textless, name)
		}
	}
}

func importInput(in Input, opts Options) *importer.Result {
	switch {
	case in.Candidate:
		return importer.FileIf(in.Path, opts.Import, walk.SniffBytes, walk.HasMarker)
	case in.Path != Stdin:
		return importer.File(in.Path, opts.Import)
	}
	name := opts.StdinName
	if name == "" {
		name = "<stdin>"
	}
	stdin := opts.Stdin
	if stdin == nil {
		stdin = strings.NewReader("") // no standard input given: an empty one
	}
	return importer.Reader(name, stdin, opts.Import)
}
