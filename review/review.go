// Package review tells what a change to API definitions does to their
// clients before it is deployed. It pairs the APIs and operations of two
// versions, simulates both with matrix for every client profile, every
// media type an operation produces or accepts and the CORS preflight, and
// classifies each outcome that changed as a regression, a fix or neutral.
// It also lists the operations added and removed, the lint findings
// introduced and removed, and the patchOperations that deploy the change.
package review

import (
	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/patchops"
)

// Version is the version of the JSON output; fields may be added, renaming
// or removing one raises it.
const Version = 1

// File is one definition file of one side, as imported and linted.
type File struct {
	// Path is the file as the user names it. Files of the two sides are
	// paired by Key, which defaults to Path.
	Path     string
	Key      string
	APIs     []*model.API
	Findings []diag.Diagnostic
}

func (f File) key() string {
	if f.Key != "" {
		return f.Key
	}
	return f.Path
}

// Report is the review of one change.
type Report struct {
	Old, New string // what each side was read from, for headings
	// OneSide is set for the grid of a single version (Single): every
	// probe has only a new side, and nothing is compared.
	OneSide bool
	APIs    []*API
	// Introduced and Removed are the lint findings only one side has,
	// identified as a baseline identifies them (rule, file, pointer).
	Introduced, Removed []diag.Diagnostic
}

// API is one API of either side, with its operations.
type API struct {
	Name string // the API's name in its container; "" for an OpenAPI file
	File string // the new side's file, else the old side's
	// Presence is Both, or Added or Removed when one side lacks the API.
	Presence   Presence
	Operations []*Operation
	// Patch is what deploys the change to an API present on both sides.
	Patch []patchops.Target
}

// Operation is one operation of either side and its probes.
type Operation struct {
	Method, Path string
	Presence     Presence
	Probes       []*Probe
}

// Name is "METHOD /path".
func (o *Operation) Name() string { return o.Method + " " + o.Path }

// Presence says on which sides something exists.
type Presence string

const (
	Both    Presence = "both"
	Added   Presence = "added"
	Removed Presence = "removed"
)

// Compare reviews the change from old to new. When each side has one
// file, the two are paired whatever their names; otherwise files pair by
// Key.
func Compare(oldLabel string, old []File, newLabel string, new []File) *Report {
	r := &Report{Old: oldLabel, New: newLabel}
	for _, p := range pairFiles(old, new) {
		r.APIs = append(r.APIs, compareFile(p)...)
	}
	r.Introduced, r.Removed = findingChanges(old, new)
	return r
}

// Single is the grid of one version: every API, operation and probe with
// only the new side, as explain --format html shows it.
func Single(label string, files []File) *Report {
	r := &Report{New: label, OneSide: true}
	for _, f := range files {
		for _, api := range f.APIs {
			a := compareAPI(f.Path, nil, api)
			a.Presence = Both // nothing is compared, so nothing is added
			r.APIs = append(r.APIs, a)
		}
	}
	return r
}

func compareFile(p filePair) []*API {
	var out []*API
	for _, ap := range pairAPIs(p.old, p.new) {
		file := p.new.Path
		if ap.new == nil {
			file = p.old.Path
		}
		out = append(out, compareAPI(file, ap.old, ap.new))
	}
	return out
}

func compareAPI(file string, old, new *model.API) *API {
	a := &API{File: file, Presence: presence(old != nil, new != nil)}
	switch {
	case new != nil:
		a.Name = new.Name
	default:
		a.Name = old.Name
	}
	for _, op := range pairOperations(old, new) {
		a.Operations = append(a.Operations, compareOperation(old, new, op))
	}
	if old != nil && new != nil {
		a.Patch = patchops.Diff(old, new)
	}
	return a
}

func presence(old, new bool) Presence {
	switch {
	case !old:
		return Added
	case !new:
		return Removed
	}
	return Both
}
