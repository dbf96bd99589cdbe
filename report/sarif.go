package report

import (
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/source"
)

const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion = "2.1.0"
	// informationURI is where the tool is published.
	informationURI = "https://github.com/apigw-oas/apigw-oas"
	// srcRoot is the base every artifact URI is relative to: file paths are
	// written as the user gave them, relative to where the tool ran.
	srcRoot = "%SRCROOT%"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool       sarifTool     `json:"tool"`
	ColumnKind string        `json:"columnKind"`
	Results    []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string           `json:"id"`
	Name                 string           `json:"name"`
	ShortDescription     sarifText        `json:"shortDescription"`
	FullDescription      sarifText        `json:"fullDescription"`
	Help                 *sarifHelp       `json:"help,omitempty"`
	HelpURI              string           `json:"helpUri,omitempty"`
	DefaultConfiguration sarifConfig      `json:"defaultConfiguration"`
	Properties           *sarifProperties `json:"properties,omitempty"`
}

// sarifText serves as both message and multiformatMessageString.
type sarifText struct {
	Text string `json:"text"`
}

type sarifHelp struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown"`
}

type sarifConfig struct {
	Level string `json:"level"`
}

type sarifProperties struct {
	Category string `json:"category"`
}

type sarifResult struct {
	RuleID           string             `json:"ruleId"`
	RuleIndex        *int               `json:"ruleIndex,omitempty"` // a pointer: 0 is a valid index
	Level            string             `json:"level"`
	Message          sarifText          `json:"message"`
	Locations        []sarifLocation    `json:"locations,omitempty"`
	RelatedLocations []sarifLocation    `json:"relatedLocations,omitempty"`
	Suppressions     []sarifSuppression `json:"suppressions,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation *sarifPhysical `json:"physicalLocation,omitempty"`
	LogicalLocations []sarifLogical `json:"logicalLocations,omitempty"`
	Message          *sarifText     `json:"message,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId"`
}

// sarifRegion leaves out what is unknown (0): SARIF then takes the whole
// line, or the start line as the end line.
type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

type sarifLogical struct {
	Name               string `json:"name,omitempty"`
	FullyQualifiedName string `json:"fullyQualifiedName"`
	Kind               string `json:"kind,omitempty"`
}

type sarifSuppression struct {
	Kind          string `json:"kind"`
	Justification string `json:"justification,omitempty"`
}

var sarifLevels = map[diag.Severity]string{
	diag.Off: "none", diag.Info: "note", diag.Warning: "warning", diag.Error: "error",
}

// sarifSuppressionKinds maps diag's kinds to SARIF's: an ignore comment is
// in the source, a configuration entry is outside it.
var sarifSuppressionKinds = map[string]string{
	diag.SuppressedInline:   "inSource",
	diag.SuppressedByConfig: "external",
}

// writeSARIF writes one SARIF 2.1.0 run. Suppressed findings are included
// with their suppression, as SARIF viewers expect.
func writeSARIF(w io.Writer, f Findings, _ Options) error {
	ruleIndex := make(map[string]int, len(f.Rules))
	for i, rule := range f.Rules {
		ruleIndex[rule.ID] = i
	}
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name: toolName(f), Version: f.Version, InformationURI: informationURI,
			Rules: sarifRules(f.Rules),
		}},
		ColumnKind: "unicodeCodePoints",
		Results:    make([]sarifResult, 0, len(f.Diagnostics)), // [] says "no findings", null "not run"
	}
	for _, d := range f.Diagnostics {
		run.Results = append(run.Results, sarifResultOf(d, ruleIndex))
	}
	return writeJSON(w, sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}})
}

func sarifRules(rules []Rule) []sarifRule {
	out := make([]sarifRule, 0, len(rules))
	for _, rule := range rules {
		sr := sarifRule{
			ID: rule.ID, Name: rule.ID,
			ShortDescription:     sarifText{rule.Summary},
			FullDescription:      sarifText{fullDescription(rule)},
			HelpURI:              rule.HelpURI,
			DefaultConfiguration: sarifConfig{sarifLevels[rule.Severity]},
		}
		if rule.Help != "" {
			sr.Help = &sarifHelp{Text: rule.Help, Markdown: rule.Help}
		}
		if rule.Category != "" {
			sr.Properties = &sarifProperties{rule.Category}
		}
		out = append(out, sr)
	}
	return out
}

// fullDescription is the first paragraph of the help, which says what the
// rule checks; the examples that follow belong in help only.
func fullDescription(rule Rule) string {
	first, _, _ := strings.Cut(strings.TrimSpace(rule.Help), "\n\n")
	if first == "" {
		return rule.Summary
	}
	return first
}

func sarifResultOf(d diag.Diagnostic, ruleIndex map[string]int) sarifResult {
	res := sarifResult{
		RuleID:  d.Rule,
		Level:   sarifLevels[d.Severity],
		Message: sarifText{d.Message},
	}
	if i, ok := ruleIndex[d.Rule]; ok {
		res.RuleIndex = &i
	}
	if loc := sarifLocationOf(d.Span, "", logicalLocations(d)); loc != nil {
		res.Locations = []sarifLocation{*loc}
	}
	for _, rel := range d.Related {
		if loc := sarifLocationOf(rel.Span, rel.Message, nil); loc != nil {
			res.RelatedLocations = append(res.RelatedLocations, *loc)
		}
	}
	if s := d.Suppression; s != nil {
		res.Suppressions = []sarifSuppression{{Kind: sarifSuppressionKinds[s.Kind], Justification: s.Reason}}
	}
	return res
}

// sarifLocationOf returns nil when there is nothing to locate: SARIF allows
// an empty location, but it tells a viewer nothing.
func sarifLocationOf(sp source.Span, msg string, logical []sarifLogical) *sarifLocation {
	loc := sarifLocation{LogicalLocations: logical}
	if sp.File != "" {
		loc.PhysicalLocation = &sarifPhysical{
			ArtifactLocation: sarifArtifact{URI: sarifURI(sp.File), URIBaseID: srcRoot},
			Region:           sarifRegionOf(sp),
		}
	}
	if msg != "" {
		loc.Message = &sarifText{msg}
	}
	if loc.PhysicalLocation == nil && logical == nil && loc.Message == nil {
		return nil
	}
	return &loc
}

func sarifRegionOf(sp source.Span) *sarifRegion {
	if sp.Start.Line < 1 {
		return nil
	}
	reg := &sarifRegion{StartLine: sp.Start.Line}
	if sp.End.Line >= sp.Start.Line {
		reg.EndLine = sp.End.Line
	}
	if sp.Start.Col > 0 {
		reg.StartColumn = sp.Start.Col
		if reg.EndLine > 0 && sp.End.Col > 0 {
			reg.EndColumn = sp.End.Col // both exclusive: source.Span is half-open, as SARIF regions are
		}
	}
	return reg
}

// logicalLocations names the operation and the place in the document, which
// viewers show where the physical location alone says little.
func logicalLocations(d diag.Diagnostic) []sarifLogical {
	var out []sarifLogical
	if d.Operation != "" {
		out = append(out, sarifLogical{Name: d.Operation, FullyQualifiedName: d.Operation, Kind: "function"})
	}
	if d.Pointer != "" {
		out = append(out, sarifLogical{FullyQualifiedName: d.Pointer})
	}
	return out
}

// sarifURI makes a relative URI reference of a file path: forward slashes,
// each segment percent-escaped. A colon is escaped too, or "a:b.yaml" would
// read as a URI of scheme "a".
func sarifURI(file string) string {
	segments := strings.Split(filepath.ToSlash(file), "/")
	for i, s := range segments {
		segments[i] = strings.ReplaceAll(url.PathEscape(s), ":", "%3A")
	}
	return strings.Join(segments, "/")
}
