package cli

import (
	"context"
	"fmt"
	"io"
	"strings"

	ucli "github.com/urfave/cli/v3"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/importer"
	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

// inspectVersion is the version of inspect's JSON output. Adding fields
// keeps it; renaming or removing one raises it.
const inspectVersion = 1

func inspectCommand() *ucli.Command {
	return &ucli.Command{
		Name:      "inspect",
		Usage:     "print what apigw-oas understood of API definitions",
		ArgsUsage: "FILE... (- reads standard input)",
		Description: "inspect imports each FILE and prints its API Gateway model: the kind of API, the binary\n" +
			"media types, and for every operation the media types it accepts and produces and its\n" +
			"integration settings, each with the line:column it was read from.\n\n" +
			"The JSON output is versioned: {\"version\":1,\"files\":[{\"file\",\"format\",\"apis\",\"diagnostics\"}]}.\n\n" +
			"Examples:\n" +
			"   apigw-oas inspect openapi.yaml\n" +
			"   apigw-oas inspect openapi.json --format json | jq '.files[0].apis[0].binary_media_types'\n" +
			"   cat rendered-api.yaml | apigw-oas inspect -",
		Flags: []ucli.Flag{formatFlag("text", "json"), maxSizeFlag},
		Action: func(_ context.Context, cmd *ucli.Command) error {
			if !cmd.Args().Present() {
				return usageError("inspect needs at least one FILE")
			}
			opts, err := importOptions(cmd)
			if err != nil {
				return err
			}
			var files []inspectedFile
			for _, arg := range cmd.Args().Slice() {
				files = append(files, inspectOne(cmd, arg, opts))
			}
			return printInspection(cmd, files)
		},
	}
}

// inspectedFile is one file of inspect's JSON output.
type inspectedFile struct {
	File   string       `json:"file"`
	Format string       `json:"format"`
	Syntax string       `json:"syntax,omitempty"`
	APIs   []*model.API `json:"apis"`
	// Unapplied are the file's settings that reach none of its APIs; a
	// file with no API may have them (each API repeats them too).
	Unapplied   []model.Unapplied `json:"unapplied,omitempty"`
	Diagnostics []diag.Diagnostic `json:"diagnostics"`
}

func inspectOne(cmd *ucli.Command, arg string, opts importer.Options) inspectedFile {
	res := importArg(cmd, arg, opts)
	res.RequireDefinition()
	f := inspectedFile{File: res.File, Format: fileFormat(res), APIs: res.APIs, Unapplied: res.Unapplied, Diagnostics: res.Diagnostics}
	if res.Doc != nil {
		f.Syntax = res.Doc.Syntax.String()
	}
	if f.APIs == nil {
		f.APIs = []*model.API{}
	}
	if f.Diagnostics == nil {
		f.Diagnostics = []diag.Diagnostic{}
	}
	return f
}

// fileFormat is what inspect calls a file's format: the kind of container
// it is, else its OpenAPI version.
func fileFormat(res *importer.Result) string {
	if res.Container != "" {
		return string(res.Container)
	}
	return string(res.Format)
}

func printInspection(cmd *ucli.Command, files []inspectedFile) error {
	out, errOut := cmd.Root().Writer, cmd.Root().ErrWriter
	failed := false
	for _, f := range files {
		failed = failed || len(f.Diagnostics) > 0
	}
	if cmd.String("format") == "json" {
		if err := writeJSON(out, struct {
			Version int             `json:"version"`
			Files   []inspectedFile `json:"files"`
		}{inspectVersion, files}); err != nil {
			return err
		}
	} else {
		for _, f := range files {
			for _, d := range f.Diagnostics {
				fmt.Fprintln(errOut, escapeControl(d.String()))
			}
			w := apiWriter{w: out, file: f.File}
			for _, api := range f.APIs {
				w.api(api)
			}
			for _, u := range f.Unapplied {
				w.line(0, "%s: %s%s reaches no API: %s", f.File, u.Setting, w.at(u.Span), u.Why)
			}
		}
	}
	if failed {
		return &exitError{code: ExitInput}
	}
	return nil
}

// apiWriter prints one API as indented text, each setting with its
// position; positions in other files ($ref'd ones) carry their file name.
type apiWriter struct {
	w    io.Writer
	file string
	// contentHandling is the setting's name in the API's kind:
	// contentHandlingStrategy on a WebSocket API.
	contentHandling string
}

func (p apiWriter) line(indent int, format string, args ...any) {
	fmt.Fprintf(p.w, "%*s%s\n", indent, "", escapeControl(fmt.Sprintf(format, args...)))
}

func (p apiWriter) api(api *model.API) {
	name := p.file
	if api.Name != "" {
		name += " " + api.Name
	}
	p.line(0, "%s: %s, %s API: %s%s", name, describeDefinition(api),
		strings.ToUpper(api.Kind.String()), api.KindEvidence.Reason, p.at(api.KindEvidence.Span))
	if api.Elsewhere.Set {
		p.line(2, "definition elsewhere%s, not read: its operations and binary settings are unknown", p.at(api.Elsewhere.Span))
	}
	for _, u := range api.Unread {
		p.line(2, "%s%s not read: %s", u.What, p.at(u.Span), u.Why)
	}
	p.contentHandling = "contentHandling"
	if api.Kind == model.WebSocketAPI {
		p.contentHandling = "contentHandlingStrategy"
	}
	bmt := api.BinaryMediaTypes
	switch {
	case api.Kind == model.WebSocketAPI:
		// WebSocket APIs have no binary media types.
	case bmt.Declared.Set && bmt.Declared.Tag != source.TagSeq:
		p.line(2, "binary media types%s: not a list (%s %q)", p.at(bmt.Declared.Span), bmt.Declared.Tag, bmt.Declared.Raw)
	case len(bmt.Entries) > 0 || bmt.Declared.Set:
		p.line(2, "binary media types: %s", p.mediaTypes(bmt.Entries))
	default:
		p.line(2, "binary media types: none")
	}
	if len(bmt.Replaced) > 0 {
		p.line(2, "replaced binary media types (the definition's, overwritten on deploy): %s", p.mediaTypes(bmt.Replaced))
	}
	for _, m := range bmt.Misplaced {
		p.line(2, "misplaced binary media types%s at %s (API Gateway reads only the root): %s", p.at(m.Span), m.Pointer, p.mediaTypes(m.Entries))
	}
	p.legacy(2, api.Legacy)
	for _, op := range api.Operations {
		p.operation(op)
	}
}

// describeDefinition says what an API was read from: "openapi-3.0
// (openapi 3.0.1)", prefixed by its container when it has one.
func describeDefinition(api *model.API) string {
	def := "no OpenAPI definition"
	if api.Format != "" {
		key := "openapi"
		if api.Format == model.FormatOpenAPI2 {
			key = "swagger"
		}
		def = fmt.Sprintf("%s (%s %s)", api.Format, key, api.Version.Raw)
	}
	if api.Container != "" {
		return string(api.Container) + ", " + def
	}
	return def
}

// legacy prints Swagger 2 fields found in an OpenAPI 3 document.
func (p apiWriter) legacy(indent int, l model.Legacy) {
	if len(l.Consumes) > 0 {
		p.line(indent, "consumes (a Swagger 2 field, ignored in OpenAPI 3): %s", p.mediaTypes(l.Consumes))
	}
	if len(l.Produces) > 0 {
		p.line(indent, "produces (a Swagger 2 field, ignored in OpenAPI 3): %s", p.mediaTypes(l.Produces))
	}
}

func (p apiWriter) operation(op *model.Operation) {
	if g := op.Generated; g != nil {
		p.line(2, "%s%s, generated by %s", op.Name(), p.at(op.Span), g.By)
	} else {
		p.line(2, "%s%s", op.Name(), p.at(op.Span))
	}
	if len(op.Accepts) > 0 {
		p.line(4, "accepts: %s", p.mediaTypes(op.Accepts))
	}
	for _, r := range op.Responses {
		if len(r.Produces) > 0 {
			p.line(4, "produces %s: %s", r.Status.Raw, p.mediaTypes(r.Produces))
		}
	}
	p.legacy(4, op.Legacy)
	in := op.Integration
	if in == nil {
		p.line(4, "integration: none")
		return
	}
	p.line(4, "integration%s:%s", p.at(in.Span), settings(
		p.setting("$ref", asText(in.Ref)), p.setting("type", asText(in.Type)), p.setting("httpMethod", asText(in.HTTPMethod)),
		p.setting(p.contentHandling, asText(in.ContentHandling)), p.setting("passthroughBehavior", asText(in.PassthroughBehavior)),
		p.setting("responseTransferMode", asText(in.ResponseTransferMode)), p.setting("payloadFormatVersion", asText(in.PayloadFormatVersion))))
	for _, t := range in.RequestTemplates {
		p.line(6, "request template %s%s", t.Name.Raw, p.at(t.Name.Span))
	}
	for _, r := range in.Responses {
		p.line(6, "response %s%s:%s", r.Pattern.Raw, p.at(r.Pattern.Span), settings(
			p.setting("statusCode", asText(r.StatusCode)), p.setting(p.contentHandling, asText(r.ContentHandling))))
		for _, t := range r.ResponseTemplates {
			p.line(8, "response template %s%s", t.Name.Raw, p.at(t.Name.Span))
		}
	}
}

// asText drops a field's parsed value; printing needs only what was written.
func asText[T any](f model.Field[T]) model.Field[string] {
	return model.Field[string]{Raw: f.Raw, Tag: f.Tag, Set: f.Set, Span: f.Span, Parameter: f.Parameter, Unknown: f.Unknown}
}

// setting renders "name value (line:col)" for a field that is set. A
// value computed at deploy time that its tag does not show as such (a
// long-form intrinsic, a ${…} variable) says so.
func (p apiWriter) setting(name string, f model.Field[string]) string {
	if !f.Set {
		return ""
	}
	raw := f.Raw
	switch {
	case f.Unknown && !source.IsCustomTag(f.Tag):
		raw = strings.TrimSpace(raw + " (computed at deploy time)")
	case f.Tag != source.TagStr:
		raw = fmt.Sprintf("%s (%s)", raw, f.Tag)
	}
	return name + " " + raw + p.at(f.Span) + defaultOf(f)
}

// defaultOf says when a value is a template parameter's Default, which a
// deploy may replace.
func defaultOf(f model.Field[string]) string {
	if f.Parameter == "" {
		return ""
	}
	return " [Default of parameter " + f.Parameter + "]"
}

func settings(parts ...string) string {
	var b strings.Builder
	for _, part := range parts {
		if part != "" {
			b.WriteString(" " + part + ",")
		}
	}
	return strings.TrimSuffix(b.String(), ",")
}

func (p apiWriter) mediaTypes(mts []model.MediaType) string {
	if len(mts) == 0 {
		return "(empty)"
	}
	parts := make([]string, len(mts))
	for i, m := range mts {
		switch {
		case m.Unknown:
			parts[i] = "(unknown: " + m.Tag + ")" + p.at(m.Span)
		case !m.IsString():
			parts[i] = fmt.Sprintf("%s(%s)%s", m.Raw, m.Tag, p.at(m.Span))
		case m.Value != m.Raw:
			parts[i] = fmt.Sprintf("%s (written %s)%s", m.Value, m.Raw, p.at(m.Span))
		default:
			parts[i] = m.Raw + p.at(m.Span)
		}
		parts[i] += defaultOf(m.Field)
		if m.Origin != model.FromBinaryMediaTypes && isBinaryListOrigin(m.Origin) {
			parts[i] += " [" + string(m.Origin) + "]"
		}
	}
	return strings.Join(parts, ", ")
}

// at renders " (line:col)", " (file:line:col)" for a span in another file,
// or nothing for an unknown position.
func (p apiWriter) at(s source.Span) string {
	switch {
	case !s.Start.IsValid():
		return ""
	case s.File != p.file:
		return " (" + s.String() + ")"
	}
	return " (" + s.Start.String() + ")"
}

// isBinaryListOrigin reports whether an origin is a binary-media-types
// setting (rather than a content map or consumes list).
func isBinaryListOrigin(o model.Origin) bool {
	switch o {
	case model.FromCloudFormation, model.FromSAM, model.FromTerraform, model.FromServerless,
		model.FromServerlessPlugin, model.FromControlPlane:
		return true
	}
	return false
}
