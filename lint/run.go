package lint

import (
	"io"
	"runtime"
	"strings"
	"sync"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/importer"
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
	// Sources holds the text of every file that could be parsed, by the
	// name diagnostics give it, for snippets.
	Sources map[string][]byte
}

// Run lints the inputs as the apigw-oas lint command does: it imports them
// in parallel, runs the rules over every API found, applies ignore comments
// and the configuration's ignore entries, and reports entries that matched
// nothing. The result does not depend on scheduling.
//
// A baseline is not applied: Baseline.Filter does that, after
// WriteBaseline, when a caller wants both.
func Run(inputs []Input, opts Options) *Findings {
	imports := importAll(inputs, opts)
	found := &Findings{Sources: map[string][]byte{}}
	perFile := make([][]diag.Diagnostic, len(imports))
	for i, res := range imports {
		found.Files = append(found.Files, res.File)
		var settings Config = Defaults{}
		cfg := opts.ConfigFor(res.File)
		if cfg != nil {
			settings = cfg
		}
		perFile[i] = File(res, opts.Rules, settings)
		if cfg != nil {
			cfg.Suppress(res.File, perFile[i])
		}
		if res.Doc != nil {
			found.Sources[res.File] = res.Doc.Src
		}
	}
	if opts.Fixes {
		forEach(len(imports), func(i int) { resolveFixes(imports[i], perFile[i], opts.Rules, opts.Import) })
	}
	for _, ds := range perFile {
		found.Diagnostics = append(found.Diagnostics, ds...)
	}
	switch {
	case opts.Config != nil:
		found.Diagnostics = append(found.Diagnostics, opts.Config.Unused()...)
	case opts.Configs != nil:
		found.Diagnostics = append(found.Diagnostics, opts.Configs.Problems()...)
		found.Diagnostics = append(found.Diagnostics, opts.Configs.Unused()...)
	}
	diag.Sort(found.Diagnostics)
	return found
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

// forEach calls do(0), …, do(n-1) on every core.
func forEach(n int, do func(i int)) {
	var wg sync.WaitGroup
	work := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				do(i)
			}
		}()
	}
	for i := range n {
		work <- i
	}
	close(work)
	wg.Wait()
}

// importAll imports the inputs on every core, keeping their order, and
// drops walked files that hold no definition.
func importAll(inputs []Input, opts Options) []*importer.Result {
	imports := make([]*importer.Result, len(inputs))
	forEach(len(inputs), func(i int) { imports[i] = importInput(inputs[i], opts) })
	var kept []*importer.Result
	for i, res := range imports {
		if inputs[i].Explicit {
			res.RequireDefinition()
		}
		// a walked file is kept when it holds a definition, or when it looked
		// like one but could not be read (a broken definition is reported)
		if inputs[i].Explicit || res.IsDefinition() || len(res.Diagnostics) > 0 {
			kept = append(kept, res)
		}
	}
	return kept
}

func importInput(in Input, opts Options) *importer.Result {
	if in.Path != Stdin {
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
