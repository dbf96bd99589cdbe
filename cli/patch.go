package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	ucli "github.com/urfave/cli/v3"

	"github.com/apigw-oas/apigw-oas/patchops"
	"github.com/apigw-oas/apigw-oas/source"
)

func patchCommand() *ucli.Command {
	return &ucli.Command{
		Name:      "patch",
		Usage:     "apply API Gateway patchOperations to an OpenAPI definition",
		ArgsUsage: "FILE OPS.json",
		Description: "patch applies patchOperations to an OpenAPI definition, so that a change made in the console\n" +
			"or with the AWS CLI can be brought back into the spec. OPS.json is what 'apigw-oas diff --format\n" +
			"patch' (or --format json) prints, or a bare patchOperations array as 'aws apigateway\n" +
			"update-rest-api --patch-operations' takes it, which is applied to the RestApi.\n\n" +
			"Example:\n" +
			"   apigw-oas diff old.yaml new.yaml --format patch > ops.json\n" +
			"   apigw-oas patch old.yaml ops.json -o old.yaml",
		Flags: []ucli.Flag{
			writtenOutputFlag,
			outputFormatFlag,
			maxSizeFlag,
		},
		Action: runPatch,
	}
}

func runPatch(_ context.Context, cmd *ucli.Command) error {
	if cmd.Args().Len() != 2 {
		return usageError("patch needs FILE and OPS.json")
	}
	opts, err := importOptions(cmd)
	if err != nil {
		return err
	}
	ops, err := readOps(cmd.Args().Get(1), opts.MaxBytes)
	if err != nil {
		return err
	}
	format, err := outputFormat(cmd)
	if err != nil {
		return err
	}
	res, err := importDefinition(cmd, cmd.Args().First())
	if err != nil {
		return err
	}
	api, err := pickAPI(res, "")
	if err != nil {
		return err
	}
	if api.Container != "" || api.Definition == nil {
		return usageError("%s: patch changes OpenAPI definitions; convert the API to one first (apigw-oas convert --api)", res.File)
	}
	def := res.Doc.Root // the definition is the file; it is not used after this
	if err := patchops.Apply(def, ops.targets); err != nil {
		var at *patchops.ApplyError
		if errors.As(err, &at) {
			return usageError("%s: %v; nothing was written to %s", ops.at(at.Target, at.Operation, "path"), err, res.File)
		}
		return usageError("%s: %v; nothing was written", res.File, err)
	}
	if format == "" {
		format = res.Doc.Syntax.String()
	}
	data, err := render(def, format)
	if err != nil {
		return &exitError{code: ExitInternal, err: err}
	}
	return writeOutput(cmd, data, ops.doc.File)
}

// opsFile is a patch read from OPS.json, with its tree, so that a problem
// with an operation can be reported where the operation is written.
type opsFile struct {
	doc     *source.Document
	targets []patchops.Target
	// pointer is the JSON pointer of operation j of target i.
	pointer func(i, j int) string
}

// at is "file:line:col" of a field of operation j of target i (of the
// operation itself when the field is missing).
func (o *opsFile) at(i, j int, field string) string {
	for _, ptr := range []string{o.pointer(i, j) + "/" + field, o.pointer(i, j)} {
		if e, err := o.doc.Root.LookupPointer(ptr); err == nil {
			return o.doc.File + ":" + e.Value.Start.String()
		}
	}
	return o.doc.File
}

// readOps reads an OPS file, size-limited as every input is: diff's
// targets, diff's JSON envelope, or a bare patchOperations array for the
// RestApi.
func readOps(path string, maxBytes int64) (*opsFile, error) {
	data, err := source.ReadFile(path, maxBytes)
	if err != nil {
		return nil, usageError("%v", err)
	}
	doc, err := source.Parse(path, data)
	if err != nil {
		return nil, usageError("%v", err)
	}
	o := &opsFile{doc: doc}
	var envelope struct {
		Targets []patchops.Target `json:"targets"`
	}
	if json.Unmarshal(data, &envelope) == nil && envelope.Targets != nil {
		o.targets, o.pointer = envelope.Targets, func(i, j int) string { return fmt.Sprintf("/targets/%d/patchOperations/%d", i, j) }
		return o, o.validate()
	}
	var targets []patchops.Target
	if err := json.Unmarshal(data, &targets); err == nil && len(targets) > 0 && targets[0].Kind != "" {
		o.targets, o.pointer = targets, func(i, j int) string { return fmt.Sprintf("/%d/patchOperations/%d", i, j) }
		return o, o.validate()
	}
	var ops []patchops.Operation
	if err := json.Unmarshal(data, &ops); err != nil || len(ops) == 0 || ops[0].Op == "" {
		return nil, usageError("%s is not a patch: want a JSON array of patchOperations ({\"op\",\"path\",\"value\"}) or the output of 'apigw-oas diff --format patch'", path)
	}
	o.targets, o.pointer = []patchops.Target{{Kind: patchops.RestAPITarget, Operations: ops}}, func(_, j int) string { return fmt.Sprintf("/%d", j) }
	return o, o.validate()
}

func (o *opsFile) validate() error {
	for i, t := range o.targets {
		switch t.Kind {
		case patchops.RestAPITarget, patchops.IntegrationTarget, patchops.IntegrationResponseTarget:
		default:
			return usageError("%s: target %d has kind %q; want restapi, integration or integration-response", o.doc.File, i+1, t.Kind)
		}
		for j, op := range t.Operations {
			if op.Op == "" || op.Path == "" {
				return usageError("%s: target %d, operation %d needs op and path", o.at(i, j, "op"), i+1, j+1)
			}
		}
	}
	return nil
}
