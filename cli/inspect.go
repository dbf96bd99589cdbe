package cli

import (
	"context"
	"encoding/json"
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
	File        string            `json:"file"`
	Format      string            `json:"format"`
	Syntax      string            `json:"syntax,omitempty"`
	APIs        []*model.API      `json:"apis"`
	Diagnostics []diag.Diagnostic `json:"diagnostics"`
}

func inspectOne(cmd *ucli.Command, arg string, opts importer.Options) inspectedFile {
	res := importArg(cmd, arg, opts)
	f := inspectedFile{File: res.File, Format: res.Format, APIs: res.APIs, Diagnostics: res.Diagnostics}
	if res.Doc != nil {
		f.Syntax = res.Doc.Syntax.String()
		if res.Format == "" && len(res.Diagnostics) == 0 {
			f.Diagnostics = append(f.Diagnostics, diag.Diagnostic{
				Rule: diag.RuleSyntax, Severity: diag.Error, Span: source.Span{File: res.File},
				Message: "not an API definition: the document has no \"openapi\" or \"swagger\" field at its root",
			})
		}
	}
	if f.APIs == nil {
		f.APIs = []*model.API{}
	}
	if f.Diagnostics == nil {
		f.Diagnostics = []diag.Diagnostic{}
	}
	return f
}

func printInspection(cmd *ucli.Command, files []inspectedFile) error {
	out, errOut := cmd.Root().Writer, cmd.Root().ErrWriter
	failed := false
	for _, f := range files {
		failed = failed || len(f.Diagnostics) > 0
	}
	if cmd.String("format") == "json" {
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(struct {
			Version int             `json:"version"`
			Files   []inspectedFile `json:"files"`
		}{inspectVersion, files}); err != nil {
			return &exitError{code: ExitInternal, err: err}
		}
	} else {
		for _, f := range files {
			for _, d := range f.Diagnostics {
				fmt.Fprintln(errOut, d)
			}
			for _, api := range f.APIs {
				writeAPI(out, f.File, api)
			}
		}
	}
	if failed {
		return &exitError{code: ExitInput}
	}
	return nil
}

// writeAPI prints one API as indented text, each setting with its position.
func writeAPI(w io.Writer, file string, api *model.API) {
	name := file
	if api.Name != "" {
		name += " " + api.Name
	}
	fmt.Fprintf(w, "%s: %s (%s %s), %s API: %s%s\n", name, api.Format, versionKey(api), api.Version.Raw,
		strings.ToUpper(api.Kind.String()), api.KindEvidence.Reason, at(api.KindEvidence.Span))
	bmt := api.BinaryMediaTypes
	switch {
	case !bmt.Declared.Set:
		fmt.Fprintf(w, "  binary media types: none\n")
	case bmt.Declared.Tag != source.TagSeq:
		fmt.Fprintf(w, "  binary media types%s: not a list (%s %q)\n", at(bmt.Declared.Span), bmt.Declared.Tag, bmt.Declared.Raw)
	default:
		fmt.Fprintf(w, "  binary media types%s: %s\n", at(bmt.Declared.Span), mediaTypeList(bmt.Entries))
	}
	for _, m := range bmt.Misplaced {
		fmt.Fprintf(w, "  misplaced binary media types%s at %s (API Gateway reads only the root): %s\n", at(m.Span), m.Pointer, mediaTypeList(m.Entries))
	}
	for _, op := range api.Operations {
		writeOperation(w, op)
	}
}

func versionKey(api *model.API) string {
	if api.Format == "openapi-2.0" {
		return "swagger"
	}
	return "openapi"
}

func writeOperation(w io.Writer, op *model.Operation) {
	fmt.Fprintf(w, "  %s%s\n", op.Name(), at(op.Span))
	if len(op.Accepts) > 0 {
		fmt.Fprintf(w, "    accepts: %s\n", mediaTypeList(op.Accepts))
	}
	for _, r := range op.Responses {
		if len(r.Produces) > 0 {
			fmt.Fprintf(w, "    produces %s: %s\n", r.Status.Raw, mediaTypeList(r.Produces))
		}
	}
	in := op.Integration
	if in == nil {
		fmt.Fprintf(w, "    integration: none\n")
		return
	}
	fmt.Fprintf(w, "    integration%s:%s\n", at(in.Span), settings(
		setting("$ref", in.Ref), setting("type", in.Type), setting("httpMethod", in.HTTPMethod),
		setting("contentHandling", in.ContentHandling), setting("passthroughBehavior", in.PassthroughBehavior),
		setting("responseTransferMode", in.ResponseTransferMode), setting("payloadFormatVersion", in.PayloadFormatVersion)))
	for _, t := range in.RequestTemplates {
		fmt.Fprintf(w, "      request template %s%s\n", t.Name.Raw, at(t.Name.Span))
	}
	for _, r := range in.Responses {
		fmt.Fprintf(w, "      response %s%s:%s\n", r.Pattern.Raw, at(r.Pattern.Span), settings(
			setting("statusCode", r.StatusCode), setting("contentHandling", r.ContentHandling)))
		for _, t := range r.ResponseTemplates {
			fmt.Fprintf(w, "        response template %s%s\n", t.Name.Raw, at(t.Name.Span))
		}
	}
}

// setting renders "name value (line:col)" for a field that is set.
func setting[T any](name string, f model.Field[T]) string {
	if !f.Set {
		return ""
	}
	raw := f.Raw
	if f.Tag != source.TagStr {
		raw = fmt.Sprintf("%s (%s)", raw, f.Tag)
	}
	return name + " " + raw + at(f.Span)
}

func settings(parts ...string) string {
	var b strings.Builder
	for _, p := range parts {
		if p != "" {
			b.WriteString(" " + p + ",")
		}
	}
	return strings.TrimSuffix(b.String(), ",")
}

func mediaTypeList(mts []model.MediaType) string {
	if len(mts) == 0 {
		return "(empty)"
	}
	parts := make([]string, len(mts))
	for i, m := range mts {
		parts[i] = m.Raw + at(m.Span)
		if !m.IsString() {
			parts[i] = fmt.Sprintf("%s(%s)%s", m.Raw, m.Tag, at(m.Span))
		}
	}
	return strings.Join(parts, ", ")
}

// at renders " (line:col)", or nothing for an unknown position.
func at(s source.Span) string {
	if !s.Start.IsValid() {
		return ""
	}
	return " (" + s.Start.String() + ")"
}
