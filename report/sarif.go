package report

import (
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"slices"
	"strings"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/internal/version"
	"github.com/apigw-oas/apigw-oas/source"
)

const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion = "2.1.0"
	// informationURI is where the tool is published.
	informationURI = "https://github.com/apigw-oas/apigw-oas"
	// srcRoot is the base artifact URIs are relative to: Findings.Root
	// (the git root, or the working folder), whatever path the user typed.
	srcRoot = "%SRCROOT%"
	// sarifCategory is the run's automationDetails.id: GitHub code scanning
	// keeps one analysis per category, and the trailing "/" says the whole
	// id is the category.
	sarifCategory = "apigw-oas/lint/"
	// sarifFingerprint names our partialFingerprints entry (see fingerprints).
	sarifFingerprint = "apigwOasFinding/v1"
	// sarifMaxResults is the most results GitHub code scanning accepts in
	// one run; it refuses the whole upload beyond that.
	sarifMaxResults = 25_000
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                `json:"tool"`
	AutomationDetails  sarifAutomation          `json:"automationDetails"`
	OriginalURIBaseIDs map[string]sarifArtifact `json:"originalUriBaseIds,omitempty"`
	ColumnKind         string                   `json:"columnKind"`
	Invocations        []sarifInvocation        `json:"invocations,omitempty"`
	Results            []sarifResult            `json:"results"`
}

type sarifAutomation struct {
	ID string `json:"id"`
}

type sarifInvocation struct {
	ExecutionSuccessful bool                `json:"executionSuccessful"`
	Notifications       []sarifNotification `json:"toolExecutionNotifications"`
}

type sarifNotification struct {
	Level   string    `json:"level"`
	Message sarifText `json:"message"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name            string      `json:"name"`
	Version         string      `json:"version,omitempty"`
	SemanticVersion string      `json:"semanticVersion,omitempty"`
	InformationURI  string      `json:"informationUri"`
	Rules           []sarifRule `json:"rules"`
}

// sarifRule has no name: SARIF wants one that differs from the id, and
// our ids are already the names users read.
type sarifRule struct {
	ID                   string           `json:"id"`
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
	RuleID              string             `json:"ruleId"`
	RuleIndex           *int               `json:"ruleIndex,omitempty"` // a pointer: 0 is a valid index
	Level               string             `json:"level"`
	Message             sarifText          `json:"message"`
	Locations           []sarifLocation    `json:"locations,omitempty"`
	RelatedLocations    []sarifLocation    `json:"relatedLocations,omitempty"`
	PartialFingerprints map[string]string  `json:"partialFingerprints"`
	Suppressions        []sarifSuppression `json:"suppressions,omitempty"`
	Fixes               []sarifFix         `json:"fixes,omitempty"`
}

// sarifFix is what lint --fix writes for a result, as byte replacements
// code-scanning tools can offer.
type sarifFix struct {
	Description     sarifText             `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifact      `json:"artifactLocation"`
	Replacements     []sarifReplacement `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifByteRegion `json:"deletedRegion"`
	InsertedContent *sarifText      `json:"insertedContent,omitempty"`
}

// sarifByteRegion is a region by bytes; a length of 0 inserts.
type sarifByteRegion struct {
	ByteOffset int `json:"byteOffset"`
	ByteLength int `json:"byteLength"`
}

type sarifLocation struct {
	ID               int            `json:"id,omitempty"` // related locations count from 1
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
	URIBaseID string `json:"uriBaseId,omitempty"` // none for an absolute file: URI
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
	rules := rulesOf(f)
	ruleIndex := make(map[string]int, len(rules))
	for i, rule := range rules {
		ruleIndex[rule.ID] = i
	}
	semantic := version.Semantic(f.Version)
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name: toolName(f), Version: semantic, SemanticVersion: semantic, InformationURI: informationURI,
			Rules: sarifRules(rules),
		}},
		AutomationDetails: sarifAutomation{ID: sarifCategory},
		ColumnKind:        "unicodeCodePoints",
		Results:           make([]sarifResult, 0, min(len(f.Diagnostics), sarifMaxResults)), // [] says "no findings", null "not run"
	}
	if f.Root != "" {
		run.OriginalURIBaseIDs = map[string]sarifArtifact{srcRoot: {URI: fileURI(f.Root, true)}}
	}
	prints := fingerprints(f)
	kept, dropped := mostSevere(f.Diagnostics, sarifMaxResults)
	for _, i := range kept {
		res := sarifResultOf(f, f.Diagnostics[i], ruleIndex)
		res.PartialFingerprints = map[string]string{sarifFingerprint: prints[i]}
		run.Results = append(run.Results, res)
	}
	if dropped > 0 {
		run.Invocations = []sarifInvocation{{ExecutionSuccessful: true, Notifications: []sarifNotification{{
			Level: "warning",
			Message: sarifText{fmt.Sprintf("%d of %d findings were left out, the least severe first: GitHub code scanning accepts at most %d results in a run; the json format lists them all",
				dropped, len(f.Diagnostics), sarifMaxResults)},
		}}}}
	}
	return writeJSON(w, sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}})
}

// mostSevere returns the indexes of at most limit diagnostics, in their
// order: unsuppressed before suppressed, errors before warnings before
// infos; and how many it left out.
func mostSevere(ds []diag.Diagnostic, limit int) (kept []int, dropped int) {
	order := make([]int, len(ds))
	for i := range order {
		order[i] = i
	}
	if len(ds) > limit {
		rank := func(d diag.Diagnostic) int {
			if d.Suppressed() {
				return -1
			}
			return int(d.Severity)
		}
		slices.SortStableFunc(order, func(a, b int) int { return rank(ds[b]) - rank(ds[a]) })
		order = order[:limit]
		slices.Sort(order)
	}
	return order, len(ds) - len(order)
}

func sarifRules(rules []Rule) []sarifRule {
	out := make([]sarifRule, 0, len(rules))
	for _, rule := range rules {
		sr := sarifRule{
			ID:                   rule.ID,
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

func sarifResultOf(f Findings, d diag.Diagnostic, ruleIndex map[string]int) sarifResult {
	res := sarifResult{
		RuleID:  d.Rule,
		Level:   sarifLevels[d.Severity],
		Message: sarifText{d.Message},
	}
	if i, ok := ruleIndex[d.Rule]; ok {
		res.RuleIndex = &i
	}
	if loc := sarifLocationOf(f, d.Span, "", logicalLocations(d)); loc != nil {
		res.Locations = []sarifLocation{*loc}
	}
	for _, rel := range d.Related {
		if loc := sarifLocationOf(f, rel.Span, rel.Message, nil); loc != nil {
			loc.ID = len(res.RelatedLocations) + 1
			res.RelatedLocations = append(res.RelatedLocations, *loc)
		}
	}
	if s := d.Suppression; s != nil {
		res.Suppressions = []sarifSuppression{{Kind: sarifSuppressionKinds[s.Kind], Justification: s.Reason}}
	}
	if fix := writtenFix(d); fix != nil {
		res.Fixes = []sarifFix{sarifFixOf(f, fixFile(d), fix)}
	}
	return res
}

func sarifFixOf(f Findings, file string, fix *diag.Fix) sarifFix {
	change := sarifArtifactChange{ArtifactLocation: sarifArtifactOf(f, file)}
	for _, r := range fix.Replacements {
		rep := sarifReplacement{DeletedRegion: sarifByteRegion{ByteOffset: r.Start, ByteLength: r.End - r.Start}}
		if r.Text != "" {
			rep.InsertedContent = &sarifText{r.Text}
		}
		change.Replacements = append(change.Replacements, rep)
	}
	return sarifFix{Description: sarifText{fix.Describe()}, ArtifactChanges: []sarifArtifactChange{change}}
}

// sarifLocationOf returns nil when there is nothing to locate: SARIF allows
// an empty location, but it tells a viewer nothing.
func sarifLocationOf(f Findings, sp source.Span, msg string, logical []sarifLogical) *sarifLocation {
	loc := sarifLocation{LogicalLocations: logical}
	if sp.File != "" {
		loc.PhysicalLocation = &sarifPhysical{ArtifactLocation: sarifArtifactOf(f, sp.File), Region: sarifRegionOf(sp)}
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
	reg := &sarifRegion{StartLine: int(sp.Start.Line)}
	if sp.End.Line >= sp.Start.Line {
		reg.EndLine = int(sp.End.Line)
	}
	if sp.Start.Col > 0 {
		reg.StartColumn = int(sp.Start.Col)
		if reg.EndLine > 0 && sp.End.Col > 0 {
			reg.EndColumn = int(sp.End.Col) // both exclusive: source.Span is half-open, as SARIF regions are
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

// sarifArtifactOf names a file relative to %SRCROOT%, or by its absolute
// file: URI when it lies outside the root.
func sarifArtifactOf(f Findings, file string) sarifArtifact {
	path, inRoot := f.repoPath(file)
	if !inRoot {
		return sarifArtifact{URI: fileURI(path, false)}
	}
	return sarifArtifact{URI: sarifURI(path), URIBaseID: srcRoot}
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
