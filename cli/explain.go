package cli

import (
	"context"
	"encoding/json"
	"io"
	"os"
	"strings"

	ucli "github.com/urfave/cli/v3"

	"github.com/apigw-oas/apigw-oas/clients"
	"github.com/apigw-oas/apigw-oas/importer"
	"github.com/apigw-oas/apigw-oas/matrix"
	"github.com/apigw-oas/apigw-oas/model"
)

// explainVersion is the version of explain's JSON output.
const explainVersion = 1

// maxBodyBytes bounds --body, --integration-body and --lambda-output; API
// Gateway's own payload limit is 10 MB.
const maxBodyBytes = 16 << 20

func explainCommand() *ucli.Command {
	return &ucli.Command{
		Name:      "explain",
		Usage:     "show what API Gateway does to the bodies of one operation",
		ArgsUsage: "FILE",
		Description: "explain runs API Gateway's payload conversion rules for one operation of FILE.\n\n" +
			"   Request side:  --content-type and/or --body (or --request for a request with neither)\n" +
			"   Response side: --accept or --client, with --status and either\n" +
			"                  --integration-content-type/--integration-body (non-proxy integrations)\n" +
			"                  or --lambda-output (aws_proxy)\n" +
			"   Neither:       a table of what every known client gets from the operation\n\n" +
			"Clients: " + strings.Join(clients.Names(), ", ") + ".\n\n" +
			"Examples:\n" +
			"   apigw-oas explain api.yaml --path /photos/{id} --method GET\n" +
			"   apigw-oas explain api.yaml --path /photos/{id} --method PUT --content-type image/png --body cat.png\n" +
			"   apigw-oas explain api.yaml --path /img --method GET --client chrome-img --lambda-output out.json --format json",
		Flags: []ucli.Flag{
			&ucli.StringFlag{Name: "path", Usage: "the operation's path, as written in the definition", Required: true},
			&ucli.StringFlag{Name: "method", Usage: "the operation's method (ANY matches an x-amazon-apigateway-any-method)", Required: true},
			&ucli.StringFlag{Name: "api", Usage: "the API to use when FILE holds several"},
			&ucli.BoolFlag{Name: "request", Usage: "simulate the request side even without --content-type or --body (a request with neither, such as a CORS preflight)"},
			&ucli.StringFlag{Name: "content-type", Usage: "the request's Content-Type"},
			&ucli.StringFlag{Name: "body", Usage: "a file holding the request body"},
			&ucli.StringFlag{Name: "accept", Usage: "the request's Accept header"},
			&ucli.StringFlag{Name: "client", Usage: "a known client whose Accept header to use"},
			&ucli.IntFlag{Name: "status", Usage: "the status the integration answers with (non-proxy)", Value: 200},
			&ucli.StringFlag{Name: "integration-content-type", Usage: "the Content-Type the integration answers with (non-proxy)"},
			&ucli.StringFlag{Name: "integration-body", Usage: "a file holding the integration's response body (non-proxy)"},
			&ucli.StringFlag{Name: "lambda-output", Usage: "a file holding the Lambda's JSON output (aws_proxy)"},
			formatFlag("text", "json"),
			maxSizeFlag,
		},
		Action: runExplain,
	}
}

func runExplain(_ context.Context, cmd *ucli.Command) error {
	if cmd.Args().Len() != 1 {
		return usageError("explain needs exactly one FILE")
	}
	if err := httpStatus(cmd); err != nil {
		return err
	}
	api, op, err := findOperation(cmd)
	if err != nil {
		return err
	}
	cfg := matrix.ConfigFor(api, op)
	ex, err := exchangeFromFlags(cmd, op)
	if err != nil {
		return err
	}
	out := cmd.Root().Writer
	if ex.Request == nil && ex.Response == nil {
		table := buildClientTable(cfg, op)
		if cmd.String("format") == "json" {
			return writeJSON(out, table)
		}
		return writeClientTable(out, table)
	}
	result := explanation{Version: explainVersion, Operation: op.Name()}
	o := matrix.Simulate(cfg, ex)
	result.Request = side(o.Request, ex.Request != nil && ex.Request.Body != nil)
	result.Response = side(o.Response, ex.Response != nil && (ex.Response.Body != nil || ex.Response.LambdaOutput != nil))
	if cmd.String("format") == "json" {
		return writeJSON(out, result)
	}
	writeExplanation(out, op, result)
	return nil
}

// httpStatus refuses what no integration can answer with, rather than
// simulating it.
func httpStatus(cmd *ucli.Command) error {
	if status := cmd.Int("status"); status < 100 || status > 599 {
		return usageError("--status %d: want an HTTP status code from 100 to 599", status)
	}
	return nil
}

// findOperation imports FILE and finds the operation the flags name.
func findOperation(cmd *ucli.Command) (*model.API, *model.Operation, error) {
	res, err := importDefinition(cmd, cmd.Args().First())
	if err != nil {
		return nil, nil, err
	}
	api, err := pickAPI(res, cmd.String("api"))
	if err != nil {
		return nil, nil, err
	}
	path, method := cmd.String("path"), strings.ToUpper(cmd.String("method"))
	var anyOp *model.Operation
	var methods []string
	for _, op := range api.Operations {
		if op.Path != path {
			continue
		}
		methods = append(methods, op.Method)
		switch op.Method {
		case method:
			return api, op, nil
		case "ANY":
			anyOp = op
		}
	}
	switch {
	case anyOp != nil:
		return api, anyOp, nil
	case methods != nil:
		return nil, nil, usageError("%s has no %s operation at %s (it has %s)", res.File, method, path, strings.Join(methods, ", "))
	}
	return nil, nil, usageError("%s has no path %q; run 'apigw-oas inspect %s' to list its operations", res.File, path, res.File)
}

func pickAPI(res *importer.Result, name string) (*model.API, error) {
	var names []string
	for _, api := range res.APIs {
		if api.Name == name || (name == "" && len(res.APIs) == 1) {
			return api, nil
		}
		names = append(names, api.Name)
	}
	if name == "" {
		return nil, usageError("%s holds several APIs (%s); choose one with --api", res.File, strings.Join(names, ", "))
	}
	return nil, usageError("%s has no API named %q", res.File, name)
}

// exchangeFromFlags builds the request and response the flags describe.
func exchangeFromFlags(cmd *ucli.Command, op *model.Operation) (matrix.Exchange, error) {
	var ex matrix.Exchange
	if cmd.Bool("request") || cmd.IsSet("content-type") || cmd.IsSet("body") {
		body, err := readInput(cmd, "body")
		if err != nil {
			return ex, err
		}
		ex.Request = &matrix.Request{ContentType: cmd.String("content-type"), HasContentType: cmd.IsSet("content-type"), Body: body}
	}
	if !cmd.IsSet("accept") && !cmd.IsSet("client") {
		if cmd.IsSet("integration-body") || cmd.IsSet("lambda-output") || cmd.IsSet("integration-content-type") {
			return ex, usageError("the response side needs the client's Accept: give --accept or --client")
		}
		return ex, nil
	}
	resp, err := responseFromFlags(cmd)
	if err != nil {
		return ex, err
	}
	if op.Integration != nil && op.Integration.Type.Value == model.AWSProxy && resp.LambdaOutput == nil {
		return ex, usageError("%s is an aws_proxy integration: give the Lambda's output with --lambda-output", op.Name())
	}
	ex.Response = resp
	return ex, nil
}

func responseFromFlags(cmd *ucli.Command) (*matrix.Response, error) {
	resp := &matrix.Response{Status: int(cmd.Int("status")), ContentType: cmd.String("integration-content-type"), HasContentType: cmd.IsSet("integration-content-type")}
	switch {
	case cmd.IsSet("accept") && cmd.IsSet("client"):
		return nil, usageError("give --accept or --client, not both")
	case cmd.IsSet("client"):
		profile, ok := clients.Lookup(cmd.String("client"))
		if !ok {
			return nil, usageError("unknown client %q (known: %s)", cmd.String("client"), strings.Join(clients.Names(), ", "))
		}
		resp.Accept, resp.HasAccept = profile.Accept, true
	default:
		resp.Accept, resp.HasAccept = cmd.String("accept"), cmd.String("accept") != ""
	}
	var err error
	if resp.Body, err = readInput(cmd, "integration-body"); err != nil {
		return nil, err
	}
	if resp.LambdaOutput, err = readInput(cmd, "lambda-output"); err != nil {
		return nil, err
	}
	if resp.LambdaOutput != nil && !json.Valid(resp.LambdaOutput) {
		return nil, usageError("--lambda-output %s is not JSON; a Lambda proxy returns a JSON object such as {\"statusCode\": 200, \"body\": \"...\"}", cmd.String("lambda-output"))
	}
	return resp, nil
}

// readInput reads the file a flag names; nil when the flag is not set.
func readInput(cmd *ucli.Command, flag string) ([]byte, error) {
	if !cmd.IsSet(flag) {
		return nil, nil
	}
	path := cmd.String(flag)
	info, err := os.Stat(path)
	if err != nil || !info.Mode().IsRegular() {
		return nil, usageError("--%s %s: cannot read it (%s)", flag, path, statProblem(err))
	}
	if info.Size() > maxBodyBytes {
		return nil, usageError("--%s %s: larger than %d MiB; API Gateway's payload limit is 10 MB", flag, path, maxBodyBytes>>20)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, usageError("--%s %s: %v", flag, path, err)
	}
	if data == nil {
		data = []byte{}
	}
	return data, nil
}

func statProblem(err error) string {
	if err == nil {
		return "not a regular file"
	}
	if os.IsNotExist(err) {
		return "no such file"
	}
	return err.Error()
}

// explanation is explain's JSON output for one exchange.
type explanation struct {
	Version   int         `json:"version"`
	Operation string      `json:"operation"`
	Request   *sideResult `json:"request,omitempty"`
	Response  *sideResult `json:"response,omitempty"`
}

// sideResult is a matrix.Result whose body_base64 is present, as null
// when the exchange was rejected, whenever an input body was given.
type sideResult struct {
	*matrix.Result
	BodyBase64 *[]byte `json:"body_base64,omitempty"`
}

func side(r *matrix.Result, hadBody bool) *sideResult {
	if r == nil {
		return nil
	}
	s := &sideResult{Result: r}
	if hadBody {
		s.BodyBase64 = &r.Body
	}
	return s
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return &exitError{code: ExitInternal, err: err}
	}
	return nil
}
