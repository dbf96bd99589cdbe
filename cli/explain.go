package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	ucli "github.com/urfave/cli/v3"

	"github.com/apigw-oas/apigw-oas/clients"
	"github.com/apigw-oas/apigw-oas/importer"
	"github.com/apigw-oas/apigw-oas/matrix"
	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

// explainVersion is the version of explain's JSON output. Version 2 renamed
// each side's and each table cell's "rule" to "behavior": it names what API
// Gateway does, not a lint rule.
const explainVersion = 2

func explainCommand() *ucli.Command {
	return &ucli.Command{
		Name:      "explain",
		Usage:     "show what API Gateway does to the bodies of one operation",
		ArgsUsage: "FILE",
		Description: "explain runs API Gateway's payload conversion rules for one operation of FILE.\n\n" +
			"   Request side:  --content-type and/or --body (or --request for a request with neither)\n" +
			"   Response side: --accept or --client (neither: a request without Accept), with\n" +
			"                  --status, --integration-content-type, --integration-body (http, http_proxy, mock, S3),\n" +
			"                  --lambda-output (aws_proxy, or a Lambda's result) or --lambda-error (a Lambda's errorMessage)\n" +
			"   Neither:       a table of what every known client gets from the operation\n\n" +
			"Clients: " + strings.Join(clients.Names(), ", ") + ".\n\n" +
			"Examples:\n" +
			"   apigw-oas explain api.yaml --path /photos/{id} --method GET\n" +
			"   apigw-oas explain api.yaml --path /photos/{id} --method PUT --content-type image/png --body cat.png\n" +
			"   apigw-oas explain api.yaml --path /img --method GET --client chrome-img --lambda-output out.json --format json",
		Flags: []ucli.Flag{
			&ucli.StringFlag{Name: "path", Usage: "the operation's path, as written in the definition (a WebSocket route's key)"},
			&ucli.StringFlag{Name: "method", Usage: "the operation's method (ANY matches an x-amazon-apigateway-any-method; none for a WebSocket route)"},
			&ucli.StringFlag{Name: "api", Usage: "the API to use when FILE holds several"},
			&ucli.BoolFlag{Name: "request", Usage: "simulate the request side even without --content-type or --body (a request with neither, such as a CORS preflight)"},
			&ucli.StringFlag{Name: "content-type", Usage: "the request's Content-Type"},
			&ucli.StringFlag{Name: "body", Usage: "a file holding the request body"},
			&ucli.StringFlag{Name: "accept", Usage: "the request's Accept header"},
			&ucli.StringFlag{Name: "client", Usage: "a known client whose Accept header to use"},
			&ucli.IntFlag{Name: "status", Usage: "the status the backend answers with (http, http_proxy, a mock's statusCode, an AWS service)", Value: 200},
			&ucli.StringFlag{Name: "integration-content-type", Usage: "the Content-Type the integration answers with (non-proxy, http_proxy)"},
			&ucli.StringFlag{Name: "integration-body", Usage: "a file holding the integration's response body (non-proxy, http_proxy)"},
			&ucli.StringFlag{Name: "lambda-output", Usage: "a file holding the Lambda's JSON output (aws_proxy, or a non-proxy Lambda's result)"},
			&ucli.StringFlag{Name: "lambda-error", Usage: "the errorMessage of a non-proxy Lambda (aws) that failed"},
			formatFlag("text", "json", "html"),
			maxSizeFlag,
		},
		Action: runExplain,
	}
}

func runExplain(_ context.Context, cmd *ucli.Command) error {
	if cmd.Args().Len() != 1 {
		return usageError("explain needs exactly one FILE")
	}
	if cmd.String("format") == "html" {
		return runExplainHTML(cmd) // every operation: --path and --method are not needed
	}
	if err := requireOperation(cmd); err != nil {
		return err
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
	if api.Kind == model.WebSocketAPI {
		// Both sides, always: the steps say which part is recorded.
		if ex.Request == nil {
			ex.Request = &matrix.Request{}
		}
		if ex.Response == nil {
			ex.Response = &matrix.Response{}
		}
	}
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
	if types := responseTypesToSimulate(cfg, op, ex.Response); types != nil {
		for _, t := range types {
			resp := *ex.Response
			resp.ContentType, resp.HasContentType = t, true
			result.Responses = append(result.Responses, side(matrix.SimulateResponse(cfg, resp), false))
		}
		result.Response = result.Responses[0]
	}
	if cmd.String("format") == "json" {
		return writeJSON(out, result)
	}
	writeExplanation(out, op, result)
	return nil
}

// responseTypesToSimulate returns the media types the operation's 2xx
// responses declare when a 2xx response has no integration Content-Type or
// body: each is simulated, as the client table does, so that --client
// shows why a client gets what the table says. Nil otherwise: a Lambda
// proxy ignores the Content-Type, an HTTP API has no binary media types,
// and an operation that declares nothing has no types to show.
func responseTypesToSimulate(cfg matrix.Config, op *model.Operation, resp *matrix.Response) []string {
	if resp == nil || resp.HasContentType || resp.Body != nil || resp.Status/100 != 2 || cfg.Integration == model.AWSProxy || cfg.Kind != model.RESTAPI {
		return nil
	}
	return op.SuccessTypes()
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
	if api.Kind == model.WebSocketAPI {
		return webSocketRoute(cmd, res, api, path)
	}
	if !cmd.IsSet("method") {
		return nil, nil, usageError("required flag %q not set (or give --format html for every operation)", "method")
	}
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

// webSocketRoute finds the route --path names by its route key; a route
// has no method.
func webSocketRoute(cmd *ucli.Command, res *importer.Result, api *model.API, key string) (*model.API, *model.Operation, error) {
	if cmd.IsSet("method") {
		return nil, nil, usageError("%s is a WebSocket API: its routes have no method; name one by its route key with --path alone", api.Name)
	}
	for _, op := range api.Operations {
		if op.Path == key {
			return api, op, nil
		}
	}
	return nil, nil, usageError("%s has no route %q; run 'apigw-oas inspect %s' to list its routes", res.File, key, res.File)
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
	if !responseAsked(cmd) {
		return ex, nil
	}
	resp, err := responseFromFlags(cmd)
	if err != nil {
		return ex, err
	}
	if err := checkResponseFlags(cmd, op, resp); err != nil {
		return ex, err
	}
	ex.Response = resp
	return ex, nil
}

// responseAsked reports whether the flags describe a response. Without
// --accept and --client the client sends no Accept header.
func responseAsked(cmd *ucli.Command) bool {
	for _, flag := range []string{"accept", "client", "status", "integration-content-type", "integration-body", "lambda-output", "lambda-error"} {
		if cmd.IsSet(flag) {
			return true
		}
	}
	return false
}

// checkResponseFlags refuses flags that do not fit the integration.
func checkResponseFlags(cmd *ucli.Command, op *model.Operation, resp *matrix.Response) error {
	var typ model.IntegrationType
	if op.Integration != nil {
		typ = op.Integration.Type.Value
	}
	lambda := resp.LambdaOutput != nil || resp.LambdaError != nil
	switch {
	case resp.LambdaOutput != nil && resp.LambdaError != nil:
		return usageError("give --lambda-output (the Lambda returned) or --lambda-error (it failed), not both")
	case resp.LambdaError != nil && typ != model.AWS:
		return usageError("--lambda-error simulates a non-proxy Lambda (aws) integration; %s is %s", op.Name(), typ)
	case typ == model.AWSProxy && resp.LambdaOutput == nil:
		return usageError("%s is an aws_proxy integration: give the Lambda's output with --lambda-output", op.Name())
	case typ == model.AWS && lambda && !matrix.InvokesLambda(op.Integration):
		return usageError("%s integrates %s, not a Lambda function: describe its answer with --status, --integration-content-type and --integration-body", op.Name(), op.Integration.URI.Raw)
	case typ == model.AWS && lambda && cmd.IsSet("status"):
		return usageError("a Lambda (aws) integration's response is selected by the errorMessage of --lambda-error, not by a status: leave out --status")
	}
	return nil
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
	case cmd.IsSet("accept"):
		resp.Accept, resp.HasAccept = cmd.String("accept"), cmd.String("accept") != ""
	}
	var err error
	if resp.Body, err = readInput(cmd, "integration-body"); err != nil {
		return nil, err
	}
	if resp.LambdaOutput, err = readInput(cmd, "lambda-output"); err != nil {
		return nil, err
	}
	if cmd.IsSet("lambda-error") {
		message := cmd.String("lambda-error")
		resp.LambdaError = &message
	}
	if resp.LambdaOutput != nil && !json.Valid(resp.LambdaOutput) {
		return nil, usageError("--lambda-output %s is not JSON; a Lambda proxy returns a JSON object such as {\"statusCode\": 200, \"body\": \"...\"}", cmd.String("lambda-output"))
	}
	return resp, nil
}

// readInput reads the file a flag names, within --max-size as every input
// is; nil when the flag is not set.
func readInput(cmd *ucli.Command, flag string) ([]byte, error) {
	if !cmd.IsSet(flag) {
		return nil, nil
	}
	path := cmd.String(flag)
	data, err := source.ReadFile(path, maxBytes(cmd))
	if err != nil {
		return nil, &exitError{code: ExitInput, err: fmt.Errorf("--%s %s: %s", flag, path, err.(*source.Error).Message)}
	}
	if data == nil {
		data = []byte{}
	}
	return data, nil
}

// explanation is explain's JSON output for one exchange.
type explanation struct {
	Version   int         `json:"version"`
	Operation string      `json:"operation"`
	Request   *sideResult `json:"request,omitempty"`
	Response  *sideResult `json:"response,omitempty"`
	// Responses holds one response per media type the operation produces,
	// when the flags name none (Response is then the first of them).
	Responses []*sideResult `json:"responses,omitempty"`
}

// sideResult is a matrix.Outcome whose body_base64 is present, as null
// when the exchange was rejected, whenever an input body was given.
type sideResult struct {
	*matrix.Outcome
	BodyBase64 *[]byte `json:"body_base64,omitempty"`
}

func side(r *matrix.Outcome, hadBody bool) *sideResult {
	if r == nil {
		return nil
	}
	s := &sideResult{Outcome: r}
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
