package lint

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/importer"
	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

// resolveFixes writes the fix of each of a file's findings into the bytes
// of the file its edits address (FixBytes) and judges it: Unsafe when its
// rule says so, when simulating the file's APIs before and after shows an
// exchange that worked being served differently, or when what it changes
// cannot be simulated; else Safe. A fix that cannot be written in the
// file's style, or whose file may not be edited (fixJudge.target), is
// dropped.
func resolveFixes(res *importer.Result, ds []diag.Diagnostic, rules []*Rule, opts importer.Options, root string) {
	if res.Doc == nil {
		return
	}
	j := &fixJudge{res: res, opts: opts, root: root}
	for i := range ds {
		d := &ds[i]
		if d.Fix == nil || d.Suppressed() {
			continue
		}
		d.Fix = j.resolve(d.Span.File, d.Fix, ruleByID(rules, d.Rule))
	}
}

// fixJudge resolves and judges the fixes of one imported file.
type fixJudge struct {
	res    *importer.Result
	opts   importer.Options
	root   string
	before []map[string]Served // Simulate of each API, on first need
	// copyProblem says why a copy of the files the import reads does not
	// read as they do ("" when it does), once checked.
	copyProblem *string
}

func (j *fixJudge) resolve(file string, edits *diag.Fix, rule *Rule) *diag.Fix {
	doc, parse := j.target(file)
	if doc == nil {
		return nil
	}
	reps, fixed, err := FixBytes(doc, edits, parse)
	if err != nil {
		return nil
	}
	fix := *edits
	fix.File, fix.Origin, fix.Replacements = file, j.res.File, reps
	fix.Safety, fix.Changes, fix.Unchecked = j.judge(file, fixed)
	if rule != nil && rule.Autofix == diag.Unsafe {
		fix.Safety = diag.Unsafe
	}
	return &fix
}

// target is the parsed file a fix's pointers address, and how to read it
// again once edited; nil when the fix may not edit it: it must be the
// linted file, or a file its import read (a body, a .tf file of the
// module) inside the linted file's folder or the folder walked.
func (j *fixJudge) target(file string) (*source.Document, Parser) {
	if file == j.res.Doc.File {
		return j.res.Doc, ParserFor(j.res, j.opts)
	}
	if j.res.Location() == "" || !j.mayEdit(file) {
		return nil, nil
	}
	for _, api := range j.res.APIs {
		if doc := api.DefinitionDoc; doc != nil && doc.File == file && doc.Syntax != source.HCL {
			return doc, func(src []byte) (*source.Document, error) { return source.Parse(file, src) }
		}
	}
	if j.res.Doc.Syntax != source.HCL || !isTerraformFile(file) {
		return nil, nil
	}
	src, err := source.ReadFile(file, maxBytesOf(j.opts))
	if err != nil {
		return nil, nil
	}
	other := importer.Bytes(file, src, filepath.Dir(file), j.opts)
	if other.Doc == nil || len(other.Diagnostics) > 0 {
		return nil, nil
	}
	return other.Doc, ParserFor(other, j.opts)
}

// mayEdit: never a file outside the linted file's folder (the $ref
// policy) and the folder walked to find it.
func (j *fixJudge) mayEdit(file string) bool {
	path := resolvedPath(file)
	return within(path, filepath.Dir(resolvedPath(j.res.File))) || (j.root != "" && within(path, j.root))
}

// judge compares every exchange of the file's APIs before and after a fix
// that gives file the text fixed.
func (j *fixJudge) judge(file string, fixed []byte) (diag.Safety, []string, string) {
	var after *importer.Result
	if file == j.res.File {
		after = importer.Bytes(j.res.File, fixed, folderOf(j.res), j.opts)
	} else {
		if why := j.copyReadsAsFiles(); why != "" {
			return diag.Unsafe, nil, "its effect could not be checked: " + why
		}
		imported, m, _, err := importOverlay(j.res, overlay{file: fixed}, "", j.opts)
		if err != nil {
			return diag.Unsafe, nil, "its effect could not be checked: " + err.Error()
		}
		m.remove()
		after = imported
	}
	return compareAPIs(j.res.APIs, after.APIs, j.simulated)
}

// simulated is Simulate of the file's i-th API, computed once.
func (j *fixJudge) simulated(i int) map[string]Served {
	if j.before == nil {
		for _, api := range j.res.APIs {
			j.before = append(j.before, Simulate(api))
		}
	}
	return j.before[i]
}

// copyReadsAsFiles says why a copy of the files the import reads (what a
// fix in another file is judged with) does not read as they do, or "".
func (j *fixJudge) copyReadsAsFiles() string {
	if j.copyProblem == nil {
		why := ""
		copied, m, _, err := importOverlay(j.res, overlay{}, "", j.opts)
		if err != nil {
			why = err.Error()
		} else {
			m.remove()
			if err := faithful(j.res.APIs, copied.APIs); err != nil {
				why = err.Error()
			}
		}
		j.copyProblem = &why
	}
	return *j.copyProblem
}

// compareAPIs judges a fix by the APIs before and after it: an API whose
// declarations did not change serves the same; one that changed is
// simulated on both sides, or, when it cannot be, makes the fix unsafe,
// unchecked. before(i) is Simulate(was[i]).
func compareAPIs(was, is []*model.API, before func(i int) map[string]Served) (diag.Safety, []string, string) {
	if len(was) != len(is) {
		return diag.Unsafe, []string{"the APIs the file declares"}, ""
	}
	var changes []string
	for i := range is {
		if fingerprint(was[i]) == fingerprint(is[i]) {
			continue
		}
		if !Simulated(was[i]) || !Simulated(is[i]) {
			return diag.Unsafe, nil, unsimulated(was[i])
		}
		changes = append(changes, Changed(before(i), Simulate(is[i]))...)
	}
	if len(changes) > 0 {
		return diag.Unsafe, changes, ""
	}
	return diag.Safe, nil, ""
}

// unsimulated says why an API's behaviour is not simulated.
func unsimulated(api *model.API) string {
	kind := map[model.Kind]string{model.RESTAPI: "REST", model.HTTPAPI: "HTTP", model.WebSocketAPI: "WebSocket"}[api.Kind]
	name := strings.TrimSpace(kind + " API " + api.Name)
	if api.Kind != model.RESTAPI {
		return "its effect on " + name + " could not be checked: apigw-oas simulates only REST APIs"
	}
	return "its effect on " + name + " could not be checked: a binary media type of it is known only at deploy time"
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
