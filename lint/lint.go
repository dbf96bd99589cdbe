// Package lint runs rules over imported API definitions and collects their
// diagnostics. Rules live in lint/rules, one per file; this package knows
// nothing about any particular rule.
package lint

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/importer"
	"github.com/apigw-oas/apigw-oas/internal/goroutine"
	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

// Category groups rules; severities can be set per category.
type Category string

const (
	Shape       Category = "shape"       // the extensions' form: lists, media types, enum values
	Requests    Category = "requests"    // what happens to request bodies
	Responses   Category = "responses"   // what happens to response bodies
	Integration Category = "integration" // settings that depend on the integration kind
	OpenAPI     Category = "openapi"     // the document as OpenAPI
)

// Categories in the order documentation lists them.
var Categories = []Category{Shape, Requests, Responses, Integration, OpenAPI}

// Title is how documentation heads a category.
func (c Category) Title() string {
	return map[Category]string{
		Shape: "Document and extension shape", Requests: "Requests", Responses: "Responses",
		Integration: "Integration kinds", OpenAPI: "OpenAPI",
	}[c]
}

// Rule is one check. Rules are values; lint/rules.All lists them.
type Rule struct {
	ID       string
	Category Category
	Severity diag.Severity // the default
	Summary  string        // one line
	// Help explains the rule in Markdown, with examples that are linted
	// by the rules' tests (lint/rules/docs/<id>.md). It is read when asked
	// for: few runs print a rule's help.
	Help func() string
	// Fix says how to fix a finding.
	Fix string
	// Autofix is "" when no finding carries a diag.Fix; Safe when its
	// fixes are safe unless the simulation shows otherwise for one of
	// them; Unsafe when they change what some client gets by design.
	Autofix diag.Safety
	// Options are the settings the configuration may give the rule.
	Options []Option
	// Check reports the rule's findings for one API.
	Check func(p *Pass)
	// CheckFile, for a rule about the file rather than one of its APIs,
	// reports its findings once per definition file, with Pass.API nil: a
	// setting that reaches no API can be written in a file that has none.
	CheckFile func(p *Pass)
}

// Option is one setting of a rule. Parse checks a configured value and
// returns what Pass.Option will give the rule.
type Option struct {
	Name    string
	Summary string
	Parse   func(n *source.Node) (any, error)
}

// OptionError is what Parse returns for a problem in one part of the
// value, such as one item of a list: the configuration reports it there
// rather than at the whole value.
type OptionError struct {
	At      *source.Node
	Message string
}

func (e *OptionError) Error() string { return e.Message }

// Pass is one rule running over one API, or over a file (CheckFile).
type Pass struct {
	API *model.API       // nil for CheckFile
	Doc *source.Document // the file the API was read from
	// Import is the whole import of that file, for rules that look past
	// the model (OpenAPI validation follows $refs to other files).
	Import *importer.Result
	rule   *Rule
	// severity is the rule's severity after configuration.
	severity diag.Severity
	// options are the rule's configured options (nil when none are set).
	options map[string]any
	diags   []diag.Diagnostic
	// defaulted are API.Defaulted(), computed once per API for all its
	// rules: each finding is checked against them (parameterNote).
	defaulted []model.Defaulted
}

// Finding is what a rule reports.
type Finding struct {
	Span      source.Span
	Pointer   string
	Operation *model.Operation
	Message   string
	Related   []diag.Related
	Fix       *diag.Fix // the change Message suggests, when it is mechanical
	// Severity, when set, is this finding's, for a rule whose findings
	// matter unequally; the rule's severity after configuration is the
	// most any finding of it has (Off: the rule's).
	Severity diag.Severity
}

// Report adds a finding.
func (p *Pass) Report(f Finding) {
	d := diag.Diagnostic{
		Rule: p.rule.ID, Severity: p.severity, Message: f.Message,
		Span: f.Span, Pointer: f.Pointer, Related: f.Related, Fix: f.Fix,
	}
	if f.Severity != diag.Off {
		d.Severity = min(f.Severity, p.severity)
	}
	if f.Operation != nil {
		d.Operation = f.Operation.Name()
	}
	if d.Fix != nil && !p.editable(f.Span.File) {
		d.Fix = nil
	}
	if op := f.Operation; d.Fix != nil && op != nil && op.Generated != nil && editsGenerated(d.Fix, op.Generated) {
		// the method is the tool's: its pointers are those of the setting
		// that asks for it, where an edit would land in the wrong place
		d.Message, d.Fix = d.Message+generatedNote(op), nil
	}
	if note := p.parameterNote(d); note != "" {
		// the finding holds for the Default only; an edit of the template
		// would change what every other deployed value does too
		d.Message, d.Fix = d.Message+note, nil
	}
	p.diags = append(p.diags, d)
}

// editsGenerated reports whether a fix edits what a deployment tool
// generates: anything at or under the setting that asks for it.
func editsGenerated(fix *diag.Fix, g *model.Generated) bool {
	for _, e := range fix.Edits {
		if e.Pointer == g.Pointer || strings.HasPrefix(e.Pointer, g.Pointer+"/") {
			return true
		}
	}
	return false
}

// generatedNote says what a user can change about a method the
// deployment tool writes: declaring it, which the tool then leaves alone.
func generatedNote(op *model.Operation) string {
	return fmt.Sprintf(" (%s writes this %s method, so there is no integration of it to edit: declare %s yourself, which %s then leaves alone)",
		op.Generated.By, op.Method, op.Name(), op.Generated.By)
}

// parameterNote says when a finding rests on a CloudFormation parameter's
// Default, which the importer checks with: a deploy may pass another value.
// A finding rests on a defaulted setting when it is placed on it, when the
// setting decides how its operation's payloads are converted (integration
// type, contentHandling, passthroughBehavior), or, for a binary media
// type, which findings on operations quote, when it quotes the value.
func (p *Pass) parameterNote(d diag.Diagnostic) string {
	var notes []string
	for _, def := range p.defaulted {
		about := def.Span == d.Span ||
			(def.Binary && strings.Contains(d.Message, strconv.Quote(def.Value))) ||
			(def.Operation != nil && def.Operation.Name() == d.Operation)
		note := fmt.Sprintf("%q is the Default of template parameter %s", def.Value, def.Parameter)
		if about && !slices.Contains(notes, note) {
			notes = append(notes, note)
		}
	}
	if len(notes) == 0 {
		return ""
	}
	return " (" + strings.Join(notes, "; ") + "; a deploy that passes another value changes this)"
}

// editable reports whether a fix's JSON pointers can address the file:
// the file the API was read from, its definition's file, or for Terraform
// another .tf file of the module (each has a tree of its own, built by the
// Terraform importer, whose spans point into that file). Whether the file
// may be edited is for lint.Run to judge.
func (p *Pass) editable(file string) bool {
	switch {
	case p.Doc == nil:
		return false
	case p.Doc.File == file:
		return true
	case p.Doc.Syntax == source.HCL:
		return isTerraformFile(file)
	case p.API == nil: // a file rule: only its own file
		return false
	}
	def := p.API.DefinitionDoc
	return def != nil && def.File == file
}

// isTerraformFile reports whether a file is read as Terraform, by its name
// as the importer tells (.tf, .tf.json).
func isTerraformFile(name string) bool {
	lower := strings.ToLower(name)
	return strings.HasSuffix(lower, ".tf") || strings.HasSuffix(lower, ".tf.json")
}

// Reportf adds a finding about a field.
func Reportf[T any](p *Pass, f model.Field[T], op *model.Operation, format string, args ...any) {
	p.Report(Finding{Span: f.Span, Pointer: f.Pointer, Operation: op, Message: fmt.Sprintf(format, args...)})
}

// Option returns a rule option's configured value, or nil.
func (p *Pass) Option(name string) any { return p.options[name] }

// Config is what the engine needs from the configuration: each rule's
// severity and options.
type Config interface {
	Severity(r *Rule) diag.Severity
	Options(r *Rule) map[string]any
}

// Defaults is the configuration without a configuration file.
type Defaults struct{}

func (Defaults) Severity(r *Rule) diag.Severity { return r.Severity }
func (Defaults) Options(*Rule) map[string]any   { return nil }

// parallelRulesFrom is the number of operations from which an API's rules
// run on every core.
const parallelRulesFrom = 64

// File runs the rules over every API of an imported file, then applies the
// file's ignore comments. Problems reading the file come first, as syntax
// diagnostics; the result is sorted.
func File(res *importer.Result, rules []*Rule, cfg Config) []diag.Diagnostic {
	out := append([]diag.Diagnostic(nil), res.Diagnostics...)
	ran := map[string]bool{} // rule ID → whether it ran
	for _, r := range rules {
		ran[r.ID] = cfg.Severity(r) != diag.Off
	}
	pass := func(r *Rule, api *model.API, defaulted []model.Defaulted) *Pass {
		return &Pass{API: api, Doc: res.Doc, Import: res, rule: r, severity: cfg.Severity(r), options: cfg.Options(r), defaulted: defaulted}
	}
	for _, r := range rules {
		if ran[r.ID] && r.CheckFile != nil && res.IsDefinition() {
			p := pass(r, nil, nil)
			r.CheckFile(p)
			out = append(out, p.diags...)
		}
	}
	for _, api := range res.APIs {
		if api.Kind == model.WebSocketAPI {
			continue // no rule's behaviour is recorded for WebSocket APIs
		}
		defaulted := api.Defaulted()
		// The rules only read the API, so they share the cores: one large
		// definition is otherwise linted on one core while the others
		// wait. Each keeps its findings in its own pass, in rule order.
		// A small API is checked on the caller's goroutine: starting
		// goroutines (and growing their stacks) would cost it more than
		// its rules take.
		passes := make([]*Pass, len(rules))
		check := func(i int) {
			if r := rules[i]; ran[r.ID] && r.Check != nil {
				passes[i] = pass(r, api, defaulted)
				r.Check(passes[i])
			}
		}
		if len(api.Operations) < parallelRulesFrom {
			for i := range rules {
				check(i)
			}
		} else {
			goroutine.Each(len(rules), 0, check)
		}
		for _, p := range passes {
			if p != nil {
				out = append(out, p.diags...)
			}
		}
	}
	out = slices.DeleteFunc(out, func(d diag.Diagnostic) bool { return !res.Owns(d.Span.File) })
	if len(res.APIs) > 0 || len(res.Unapplied) > 0 {
		out = append(out, suppressInline(res.Doc, out, ran)...)
	}
	diag.Sort(out)
	// A setting several APIs share (SAM Globals) is reported once.
	return slices.CompactFunc(out, func(a, b diag.Diagnostic) bool {
		return a.Rule == b.Rule && a.Span == b.Span && a.Message == b.Message
	})
}
