package lint

import (
	"bytes"
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
	j := &fixJudge{res: res, opts: opts, root: root, before: &beforeFixes{apis: res.APIs}}
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
	before *beforeFixes
	// edited is the linted file's text as the last fix's last edit left
	// it: judge imports the fixed file from it instead of parsing it again.
	edited struct {
		doc *source.Document // YAML or JSON, as parsed
		res *importer.Result // Terraform, as imported
	}
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
		return j.res.Doc, j.parseLinted
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

// parseLinted reads the linted file's edited bytes as ParserFor does, and
// keeps what it read for judge.
func (j *fixJudge) parseLinted(src []byte) (*source.Document, error) {
	j.edited.doc, j.edited.res = nil, nil
	if j.res.Doc.Syntax == source.HCL {
		r, err := importEdited(j.res, src, j.opts)
		if err != nil {
			return nil, err
		}
		j.edited.res = r
		return r.Doc, nil
	}
	doc, err := source.Parse(j.res.Doc.File, src)
	if err != nil {
		return nil, err
	}
	j.edited.doc = doc
	return doc, nil
}

// importFixed imports the linted file with the text fixed, reusing what
// the fix's last edit parsed when it is that text.
func (j *fixJudge) importFixed(fixed []byte) *importer.Result {
	switch {
	case j.edited.res != nil && bytes.Equal(j.edited.res.Doc.Src, fixed):
		return j.edited.res
	case j.edited.doc != nil && bytes.Equal(j.edited.doc.Src, fixed):
		return importer.Parsed(j.edited.doc, folderOf(j.res), j.opts)
	}
	return importer.Bytes(j.res.File, fixed, folderOf(j.res), j.opts)
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
		after = j.importFixed(fixed)
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
	return compareAPIs(j.before, after.APIs)
}

// beforeFixes are a file's APIs as imported, with what judging each fix
// compares them by, computed once for all of the file's fixes.
type beforeFixes struct {
	apis   []*model.API
	prints []string            // fingerprint of each API, on first need
	served []map[string]Served // Simulate of each API, on first need
}

func (b *beforeFixes) fingerprint(i int) string {
	if b.prints == nil {
		b.prints = make([]string, len(b.apis))
		for k, api := range b.apis {
			b.prints[k] = fingerprint(api)
		}
	}
	return b.prints[i]
}

func (b *beforeFixes) simulated(i int) map[string]Served {
	if b.served == nil {
		for _, api := range b.apis {
			b.served = append(b.served, Simulate(api))
		}
	}
	return b.served[i]
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
// unchecked.
func compareAPIs(was *beforeFixes, is []*model.API) (diag.Safety, []string, string) {
	if len(was.apis) != len(is) {
		return diag.Unsafe, []string{"the APIs the file declares"}, ""
	}
	var changes []string
	for i := range is {
		if was.fingerprint(i) == fingerprint(is[i]) {
			continue
		}
		if !Simulated(was.apis[i]) || !Simulated(is[i]) {
			return diag.Unsafe, nil, unsimulated(was.apis[i])
		}
		changes = append(changes, Changed(was.simulated(i), Simulate(is[i]))...)
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
	return func(src []byte) (*source.Document, error) {
		r, err := importEdited(res, src, opts)
		if err != nil {
			return nil, err
		}
		return r.Doc, nil
	}
}

// importEdited imports a Terraform file's edited text, which must import
// without problems.
func importEdited(res *importer.Result, src []byte, opts importer.Options) (*importer.Result, error) {
	r := importer.Bytes(res.File, src, folderOf(res), opts)
	if r.Doc == nil || len(r.Diagnostics) > 0 {
		return r, fmt.Errorf("the edited file does not import: %v", r.Diagnostics)
	}
	return r, nil
}
