package cli

import (
	"context"
	"encoding/json"
	"os"

	ucli "github.com/urfave/cli/v3"

	"github.com/apigw-oas/apigw-oas/patchops"
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
	targets, err := readTargets(cmd.Args().Get(1))
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
	if err := patchops.Apply(def, targets); err != nil {
		return usageError("%s: %v; nothing was written", res.File, err)
	}
	if format == "" {
		format = res.Doc.Syntax.String()
	}
	data, err := render(def, format)
	if err != nil {
		return &exitError{code: ExitInternal, err: err}
	}
	return writeOutput(cmd, data, cmd.Args().Get(1))
}

// readTargets reads an OPS file: diff's targets, diff's JSON envelope, or
// a bare patchOperations array for the RestApi.
func readTargets(path string) ([]patchops.Target, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, usageError("%s: %v", path, err)
	}
	var envelope struct {
		Targets []patchops.Target `json:"targets"`
	}
	if json.Unmarshal(data, &envelope) == nil && envelope.Targets != nil {
		return envelope.Targets, validTargets(path, envelope.Targets)
	}
	var targets []patchops.Target
	if err := json.Unmarshal(data, &targets); err == nil && len(targets) > 0 && targets[0].Kind != "" {
		return targets, validTargets(path, targets)
	}
	var ops []patchops.Operation
	if err := json.Unmarshal(data, &ops); err != nil || len(ops) == 0 || ops[0].Op == "" {
		return nil, usageError("%s is not a patch: want a JSON array of patchOperations ({\"op\",\"path\",\"value\"}) or the output of 'apigw-oas diff --format patch'", path)
	}
	targets = []patchops.Target{{Kind: patchops.RestAPI, Operations: ops}}
	return targets, validTargets(path, targets)
}

func validTargets(path string, targets []patchops.Target) error {
	for i, t := range targets {
		switch t.Kind {
		case patchops.RestAPI, patchops.Integration, patchops.IntegrationResponse:
		default:
			return usageError("%s: target %d has kind %q; want restapi, integration or integration-response", path, i+1, t.Kind)
		}
		for j, op := range t.Operations {
			if op.Op == "" || op.Path == "" {
				return usageError("%s: target %d, operation %d needs op and path", path, i+1, j+1)
			}
		}
	}
	return nil
}
