package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	ucli "github.com/urfave/cli/v3"

	"github.com/apigw-oas/apigw-oas/internal/lazyregexp"
	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/patchops"
)

// diffVersion is the version of diff's JSON output.
const diffVersion = 1

func diffCommand() *ucli.Command {
	return &ucli.Command{
		Name:      "diff",
		Usage:     "print the API Gateway patchOperations that change one definition's binary settings into another's",
		ArgsUsage: "OLD NEW",
		Description: "diff compares the binary settings of two definitions (any formats apigw-oas reads) and prints\n" +
			"them as API Gateway patchOperations, grouped by the resource each must be sent to: the RestApi\n" +
			"for binaryMediaTypes, a method's integration for contentHandling, passthroughBehavior and request\n" +
			"templates, an integration response for contentHandling and response templates.\n\n" +
			"Formats: text (default), json ({\"version\":1,\"targets\":[…]}), patch (the targets alone, what\n" +
			"'apigw-oas patch' reads) and aws-cli (ready-to-run commands with $REST_API_ID and a\n" +
			"$RESOURCE_ID_… variable per path for the IDs the definitions do not know).\n\n" +
			"Examples:\n" +
			"   apigw-oas diff deployed.json openapi.yaml\n" +
			"   apigw-oas diff old/openapi.yaml openapi.yaml --format aws-cli > apply.sh",
		Flags:  []ucli.Flag{formatFlag("text", "json", "patch", "aws-cli"), &ucli.StringFlag{Name: "api", Usage: "the API to compare when a file declares several"}, maxSizeFlag},
		Action: runDiff,
	}
}

func runDiff(_ context.Context, cmd *ucli.Command) error {
	if cmd.Args().Len() != 2 {
		return usageError("diff needs OLD and NEW")
	}
	oldAPI, err := loadAPI(cmd, cmd.Args().Get(0))
	if err != nil {
		return err
	}
	newAPI, err := loadAPI(cmd, cmd.Args().Get(1))
	if err != nil {
		return err
	}
	targets := patchops.Diff(oldAPI, newAPI)
	out := cmd.Root().Writer
	switch cmd.String("format") {
	case "json":
		return writeJSON(out, struct {
			Version int               `json:"version"`
			Targets []patchops.Target `json:"targets"`
		}{diffVersion, nonNil(targets)})
	case "patch":
		return writeJSON(out, nonNil(targets))
	case "aws-cli":
		return writeAWSCLI(out, targets)
	}
	writeDiffText(out, targets)
	return nil
}

func nonNil(ts []patchops.Target) []patchops.Target {
	if ts == nil {
		return []patchops.Target{}
	}
	return ts
}

// loadAPI imports a file and picks the API --api names.
func loadAPI(cmd *ucli.Command, arg string) (*model.API, error) {
	res, err := importDefinition(cmd, arg)
	if err != nil {
		return nil, err
	}
	return pickAPI(res, cmd.String("api"))
}

func writeDiffText(w io.Writer, targets []patchops.Target) {
	if len(targets) == 0 {
		fmt.Fprintln(w, "no binary settings differ")
		return
	}
	for i, t := range targets {
		if i > 0 {
			fmt.Fprintln(w)
		}
		title := "PATCH " + t.Resource
		if t.Method != "" {
			title += "   (" + t.Method + " " + t.Path + ")"
		}
		fmt.Fprintln(w, escapeControl(title))
		for _, op := range t.Operations {
			line := "  " + op.Op + " " + op.Path
			if op.Value != nil {
				v, _ := json.Marshal(*op.Value)
				line += " " + string(v)
			}
			fmt.Fprintln(w, escapeControl(line))
		}
		for _, n := range t.Notes {
			fmt.Fprintln(w, "  note: "+escapeControl(n))
		}
	}
}

// writeAWSCLI writes one aws apigateway command per target.
func writeAWSCLI(w io.Writer, targets []patchops.Target) error {
	fmt.Fprintln(w, "#!/bin/sh\n# Set REST_API_ID, and each RESOURCE_ID_… to the id 'aws apigateway get-resources' lists for its path.")
	for _, t := range targets {
		ops, err := json.Marshal(t.Operations)
		if err != nil {
			return err
		}
		args := []string{"--rest-api-id \"$REST_API_ID\""}
		command := "update-rest-api"
		if t.Kind != patchops.RestAPITarget {
			command = "update-integration"
			args = append(args, "--resource-id \"$"+resourceVar(t.Path)+"\"", "--http-method "+t.Method)
		}
		if t.Kind == patchops.IntegrationResponseTarget {
			command = "update-integration-response"
			args = append(args, "--status-code "+shellQuote(escapeControl(t.Status)))
		}
		for _, n := range t.Notes {
			fmt.Fprintln(w, "# note: "+escapeControl(n))
		}
		fmt.Fprintf(w, "aws apigateway %s %s --patch-operations %s\n", command, strings.Join(args, " "), shellQuote(string(ops)))
	}
	return nil
}

var nonWord = lazyregexp.New(`[^A-Za-z0-9]+`)

// resourceVar names the shell variable for a path's resource ID:
// /files/{id} → RESOURCE_ID_FILES_ID, / → RESOURCE_ID_ROOT.
func resourceVar(path string) string {
	name := strings.Trim(nonWord.ReplaceAllString(strings.ToUpper(path), "_"), "_")
	if name == "" {
		name = "ROOT"
	}
	return "RESOURCE_ID_" + name
}

// shellQuote quotes s for a POSIX shell.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
