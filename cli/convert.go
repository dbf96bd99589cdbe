package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	ucli "github.com/urfave/cli/v3"

	"github.com/apigw-oas/apigw-oas/exporter"
	"github.com/apigw-oas/apigw-oas/importer"
	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

func convertCommand() *ucli.Command {
	return &ucli.Command{
		Name:      "convert",
		Usage:     "convert a definition between JSON and YAML, OpenAPI 2.0 and 3.0, or out of a container",
		ArgsUsage: "IN (- reads standard input)",
		Description: "convert writes IN as JSON or YAML with its keys in the order they were written (and its\n" +
			"comments, YAML to YAML), converts OpenAPI 2.0 to 3.0 and back (--to) keeping every binary\n" +
			"setting, and writes the effective OpenAPI of an API declared in a CloudFormation, SAM,\n" +
			"Serverless or Terraform file (--api). After every conversion a check compares the binary\n" +
			"semantics of input and output (operations, accepted and produced media types, integration\n" +
			"settings, binary media types); a difference stops the conversion. --check prints the check.\n\n" +
			"Examples:\n" +
			"   apigw-oas convert openapi.json -o openapi.yaml\n" +
			"   apigw-oas convert swagger.yaml --to oas3 -o openapi.yaml\n" +
			"   apigw-oas convert template.yaml --api ImagesApi -o api.yaml",
		Flags: []ucli.Flag{
			writtenOutputFlag,
			&ucli.StringFlag{Name: "to", Usage: "OpenAPI version to convert to: oas2 or oas3"},
			outputFormatFlag,
			&ucli.StringFlag{Name: "api", Usage: "the API to write when IN declares several"},
			&ucli.BoolFlag{Name: "lossy", Usage: "convert to 2.0 even when 3.x features are lost; each loss is printed as a warning"},
			&ucli.BoolFlag{Name: "check", Usage: "print the result of the binary-semantics check"},
			maxSizeFlag,
		},
		Action: runConvert,
	}
}

// The flags of the commands that write a definition (convert, patch).
var (
	writtenOutputFlag = &ucli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (atomically) instead of standard output (-)"}
	outputFormatFlag  = &ucli.StringFlag{Name: "output-format", Usage: "yaml or json (default: from -o's extension, else the input's)"}
)

func runConvert(_ context.Context, cmd *ucli.Command) error {
	if cmd.Args().Len() != 1 {
		return usageError("convert needs exactly one IN")
	}
	to := cmd.String("to")
	if to != "" && to != exporter.ToOpenAPI2 && to != exporter.ToOpenAPI3 {
		return usageError("--to %q: want oas2 or oas3", to)
	}
	format, err := outputFormat(cmd)
	if err != nil {
		return err
	}
	res, err := importDefinition(cmd, cmd.Args().First())
	if err != nil {
		return err
	}
	api, err := pickAPI(res, cmd.String("api"))
	if err != nil {
		return err
	}
	tree, err := convertTree(cmd, api, to)
	if err != nil {
		return err
	}
	if format == "" {
		format = res.Doc.Syntax.String()
	}
	data, err := render(tree, format)
	if err != nil {
		return &exitError{code: ExitInternal, err: err}
	}
	folder := refFolder(cmd.Args().First(), api)
	if err := checkSemantics(cmd, api, data, format, folder); err != nil {
		return err
	}
	if err := checkRefsStayValid(cmd, tree, folder); err != nil {
		return err
	}
	return writeOutput(cmd, data)
}

// convertTree is the document to write: the definition, or the effective
// one of a container's API, converted to another version when asked.
func convertTree(cmd *ucli.Command, api *model.API, to string) (*source.Node, error) {
	errOut := cmd.Root().ErrWriter
	if api.Kind == model.WebSocketAPI {
		return nil, usageError("%s is a WebSocket API, which OpenAPI has no form for", api.Name)
	}
	tree := api.Definition
	if api.Container != "" {
		var notes []string
		tree, notes = exporter.Effective(api)
		for _, n := range notes {
			fmt.Fprintln(errOut, "apigw-oas: note:", n)
		}
	} else if tree == nil {
		return nil, usageError("%s has no OpenAPI definition to convert", api.Name)
	}
	if to == "" {
		return tree, nil
	}
	format := api.Format
	if format == "" {
		format = model.FormatOpenAPI30 // the skeleton Effective writes for an API without a definition
	}
	converted, losses, err := exporter.Convert(tree, format, to)
	if split := (*exporter.SplitError)(nil); errors.As(err, &split) {
		return nil, usageError("%s:%s: %v", definitionFile(api), split.Pos, split)
	}
	if len(losses) > 0 && !cmd.Bool("lossy") {
		return nil, usageError("%s", (&exporter.LossError{Losses: losses}).Error())
	}
	if err != nil {
		return nil, usageError("%v", err)
	}
	for _, l := range losses {
		fmt.Fprintln(errOut, "apigw-oas: warning: lost:", l)
	}
	return converted, nil
}

func outputFormat(cmd *ucli.Command) (string, error) {
	switch f := cmd.String("output-format"); f {
	case "yaml", "json":
		return f, nil
	case "":
	default:
		return "", usageError("--output-format %q: want yaml or json", f)
	}
	switch strings.ToLower(filepath.Ext(cmd.String("output"))) {
	case ".json":
		return "json", nil
	case ".yaml", ".yml":
		return "yaml", nil
	}
	return "", nil
}

func render(tree *source.Node, format string) ([]byte, error) {
	if format == "json" {
		return exporter.JSON(tree), nil
	}
	return exporter.YAML(tree)
}

// checkSemantics imports what is about to be written and compares its
// binary semantics with the input's. A difference is expected only from a
// --lossy conversion, where it is printed as a warning; otherwise nothing
// is written.
func checkSemantics(cmd *ucli.Command, api *model.API, data []byte, format, folder string) error {
	res := importer.Bytes(filepath.Join(folder, "converted."+format), data, folder, importer.Options{})
	if len(res.APIs) != 1 {
		return &exitError{code: ExitInternal, err: fmt.Errorf("the converted document cannot be read back: %v", res.Diagnostics)}
	}
	diffs := exporter.Differences(api, res.APIs[0])
	errOut := cmd.Root().ErrWriter
	switch {
	case len(diffs) == 0:
		if cmd.Bool("check") {
			fmt.Fprintf(errOut, "apigw-oas: check: same binary semantics (%d operations, %d binary media types)\n",
				len(api.Operations), len(res.APIs[0].BinaryMediaTypes.Entries))
		}
		return nil
	case cmd.Bool("lossy"):
		for _, d := range diffs {
			fmt.Fprintln(errOut, "apigw-oas: warning: changed:", d)
		}
		return nil
	}
	for _, d := range diffs {
		fmt.Fprintln(errOut, "apigw-oas: check failed:", d)
	}
	return &exitError{code: ExitInput, err: fmt.Errorf("the conversion would change the binary semantics; nothing was written")}
}

// refFolder is where the relative $refs of the definition being converted
// lead from: the folder of the file it was read from (a container's, or
// the body file a DefinitionUri names). The output keeps those $refs as
// written, so reading it back must start there too. Standard input may
// not refer to files.
func refFolder(arg string, api *model.API) string {
	if arg == "-" {
		return ""
	}
	return filepath.Dir(definitionFile(api))
}

// checkRefsStayValid refuses to write a split definition into another
// folder, where its relative $refs would name files that are not there.
func checkRefsStayValid(cmd *ucli.Command, tree *source.Node, folder string) error {
	path := cmd.String("output")
	if path == "" || path == "-" {
		return nil
	}
	split := exporter.FileRef(tree)
	if split == nil {
		return nil
	}
	from, err1 := os.Stat(folder)
	to, err2 := os.Stat(filepath.Dir(path))
	if err1 == nil && err2 == nil && os.SameFile(from, to) {
		return nil
	}
	return usageError("-o %s: $ref %q is relative to %s; write the output in that folder, or bundle the definition into one file first", path, split.Ref, folder)
}

// definitionFile is the file an API's definition was read from.
func definitionFile(api *model.API) string {
	if api.DefinitionDoc != nil {
		return api.DefinitionDoc.File
	}
	return api.Span.File
}

// writeOutput writes to -o's file (see writeFileAtomically), or to standard output
// when there is none or it is -. The definition being converted or patched
// may be overwritten (in place is documented); the other inputs, never.
func writeOutput(cmd *ucli.Command, data []byte, otherInputs ...string) error {
	path := cmd.String("output")
	if path == "" || path == "-" {
		_, err := cmd.Root().Writer.Write(data)
		return err // Main reports it
	}
	if in := overwrittenInput(path, otherInputs); in != "" {
		return usageError("-o %s would overwrite the input %s; write somewhere else", path, in)
	}
	return writeFile(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}
