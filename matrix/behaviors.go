package matrix

import "github.com/apigw-oas/apigw-oas/model"

// Behavior names what API Gateway is documented or recorded to do that an
// outcome follows: a row of one of AWS's tables, or a rule of
// binary-semantics.md. Its ID (passthrough-415) is stable; lint rules are
// something else (lint.Rule).
type Behavior struct {
	ID      string `json:"id"`
	Summary string `json:"summary"`
	Source  string `json:"source"`
}

// Sources are public: AWS's documentation, or behaviour recorded against
// AWS in LocalStack's AWS-validated snapshot tests. docs/matrix.md lists
// them with the evidence for each behaviour.
const (
	conversionsPage = "AWS docs, 'Content type conversions in API Gateway' (api-gateway-payload-encodings-workflow)"
	passthroughPage = "AWS docs, 'Integration passthrough behaviors'"
	recordedS3      = "recorded against AWS: LocalStack tests/aws/services/apigateway/test_apigateway_s3.py (AWS-validated 2025-03-17)"
	recordedLambda  = "recorded against AWS: LocalStack tests/aws/services/apigateway/test_apigateway_lambda.py"
	lambdaBinaryDoc = "AWS docs, 'Return binary media from a Lambda proxy integration'"
	httpAPIDoc      = "AWS docs, 'Working with binary media types for HTTP APIs'"
	payloadDoc      = "AWS docs, 'Create AWS Lambda proxy integrations for HTTP APIs' (payload format versions)"
	// The recordings of recorded-behaviours.md, by where they are kept.
	recordedDotnet   = "recorded against AWS: aws/aws-lambda-dotnet LambdaTestTool-v2 snapshots (the Lambda events AWS delivered, April 2025)"
	recordedNoAccept = "recorded against AWS with */* in the list: aws/aws-lambda-dotnet integration tests (.NET HttpClient) and awslabs/aws-lambda-web-adapter e2e tests (hyper), neither of which sends Accept"
	recordedInert    = "recorded against AWS: aws/chalice tests/aws (CONVERT_TO_TEXT on aws_proxy, a binary round trip not double-encoded) and aws/serverless-application-model integration tests (CONVERT_TO_BINARY with passthroughBehavior NEVER: 200, not 415)"
	recordedHTTPAPI  = recordedDotnet + "; LocalStack Pro HTTP API tests validated against AWS (payload format 1.0 and 2.0 outputs)"
	recordedHTTP     = "recorded against AWS: LocalStack tests/aws/services/apigateway/test_apigateway_http.py and test_apigateway_integrations.py (header remapping, status selection)"
	recordedAWS      = recordedLambda + " (test_lambda_selection_patterns, test_lambda_aws_integration)"
)

// requestRows is the request table of the conversions page, in its order:
// three rows without binary media types, then text and binary payloads.
var requestRows = [9]Behavior{
	{"request-table-1", "no binary media types, contentHandling unset: the payload is handled as a UTF-8 string", requestTable + "1"},
	{"request-table-2", "no binary media types, CONVERT_TO_BINARY: the text payload is base64-decoded to a binary blob", requestTable + "2"},
	{"request-table-3", "no binary media types, CONVERT_TO_TEXT: the payload is handled as a UTF-8 string", requestTable + "3"},
	{"request-table-4", "text Content-Type, contentHandling unset: text data passes as text", requestTable + "4"},
	{"request-table-5", "text Content-Type, CONVERT_TO_BINARY: the text payload is base64-decoded to a binary blob", requestTable + "5"},
	{"request-table-6", "text Content-Type, CONVERT_TO_TEXT: text data passes as text", requestTable + "6"},
	{"request-table-7", "binary Content-Type, contentHandling unset: binary data passes through", requestTable + "7"},
	{"request-table-8", "binary Content-Type, CONVERT_TO_BINARY: binary data passes through", requestTable + "8"},
	{"request-table-9", "binary Content-Type, CONVERT_TO_TEXT: the binary payload is base64-encoded", requestTable + "9"},
}

// responseRows is the response table of the conversions page, in its
// order: three rows without binary media types, then by Accept and payload.
var responseRows = [15]Behavior{
	{"response-table-1", "no binary media types, contentHandling unset: the payload is returned as a UTF-8 string", responseTable + "1"},
	{"response-table-2", "no binary media types, CONVERT_TO_BINARY: the payload is base64-decoded", responseTable + "2"},
	{"response-table-3", "no binary media types, CONVERT_TO_TEXT: the payload is returned as a UTF-8 string", responseTable + "3"},
	{"response-table-4", "text Accept, text payload, contentHandling unset: text data", responseTable + "4"},
	{"response-table-5", "text Accept, text payload, CONVERT_TO_BINARY: the payload is base64-decoded", responseTable + "5"},
	{"response-table-6", "text Accept, text payload, CONVERT_TO_TEXT: a UTF-8 string", responseTable + "6"},
	{"response-table-7", "binary Accept, text payload, contentHandling unset: the payload is base64-decoded", responseTable + "7"},
	{"response-table-8", "binary Accept, text payload, CONVERT_TO_BINARY: the payload is base64-decoded", responseTable + "8"},
	{"response-table-9", "binary Accept, text payload, CONVERT_TO_TEXT: a UTF-8 string", responseTable + "9"},
	{"response-table-10", "text Accept, binary payload, contentHandling unset: the payload is base64-encoded", responseTable + "10"},
	{"response-table-11", "text Accept, binary payload, CONVERT_TO_BINARY: binary data", responseTable + "11"},
	{"response-table-12", "text Accept, binary payload, CONVERT_TO_TEXT: the payload is base64-encoded", responseTable + "12"},
	{"response-table-13", "binary Accept, binary payload, contentHandling unset: binary data", responseTable + "13"},
	{"response-table-14", "binary Accept, binary payload, CONVERT_TO_BINARY: binary data", responseTable + "14"},
	{"response-table-15", "binary Accept, binary payload, CONVERT_TO_TEXT: the payload is base64-encoded", responseTable + "15"},
}

// The sources of the rows, without their number. Rows are written out as
// constants, not built by a function, so that they are data in the binary
// rather than work for every start-up.
const (
	requestTable  = conversionsPage + ", request table row "
	responseTable = conversionsPage + ", response table row "
)

// The behaviours that are not table rows; lint rules compare outcomes with
// them.
var (
	TemplateApplied       = Behavior{"passthrough-template", "a mapping template matches the Content-Type and transforms the payload", passthroughPage}
	RejectNoMatch         = Behavior{"passthrough-415", "no template matches the Content-Type and passthroughBehavior forbids passing it: 415 Unsupported Media Type", passthroughPage}
	BinaryIntoVTL         = Behavior{"template-binary-500", "a binary payload cannot be fed to a VTL mapping template: 500", recordedS3 + " (CONVERT_TO_BINARY with a request template); the */* CORS preflight failure reported in aws/chalice#1310"}
	InvalidBase64         = Behavior{"base64-decode-500", "the payload is not valid base64, so decoding it fails: 500 (on the request side the integration is not called)", recordedS3 + " (CONVERT_TO_BINARY cases)"}
	NoIntegrationResponse = Behavior{"no-integration-response", "no integration response matches the status and there is no default: 500", "AWS docs, 'Set up an integration response'"}
	LambdaRequest         = Behavior{"lambda-proxy-request", "Lambda proxy event: a binary Content-Type makes the body base64 with isBase64Encoded true; an empty body is null", lambdaBinaryDoc + "; " + recordedDotnet + " (BinaryMediaTypes */*: application/octet-stream arrives as base64)"}
	LambdaDecoded         = Behavior{"lambda-proxy-decoded", "Lambda proxy response: isBase64Encoded is true and the first Accept range matches, so the body is base64-decoded", lambdaBinaryDoc + "; " + recordedLambda + " (test_aws_proxy_binary_response)"}
	LambdaVerbatim        = Behavior{"lambda-proxy-verbatim", "Lambda proxy response: the body is returned as the Lambda wrote it (decoded only when isBase64Encoded is true and the first Accept range matches)", lambdaBinaryDoc + "; " + recordedLambda + " (test_aws_proxy_binary_response)"}
	LambdaMalformed       = Behavior{"lambda-proxy-502", "the Lambda output is not a valid proxy response: 502 Bad Gateway", recordedLambda + " (test_aws_proxy_response_payload_format_validation)"}
	Streaming             = Behavior{"response-streaming", "responseTransferMode STREAM: the response is streamed as binary without binary media types", "AWS docs, 'Stream the integration response for your proxy integrations' (response-transfer-mode)"}
	HTTPAPIRequest        = Behavior{"http-api-request", "HTTP API: the body reaches Lambda as text only for text/*, JSON, XML and JavaScript in UTF-8; everything else, no Content-Type and form posts included, is base64; an empty body is null", httpAPIDoc + "; " + recordedHTTPAPI + "; form posts: LocalStack Pro HTTP API tests validated against AWS"}
	HTTPAPIResponse       = Behavior{"http-api-response", "HTTP API: the Lambda body is base64-decoded whenever isBase64Encoded is true; binary media types and Accept do not apply", httpAPIDoc + "; " + recordedHTTPAPI}
	HTTPAPIInferred       = Behavior{"http-api-inferred-response", "HTTP API payload 2.0: an output without statusCode is a 200 response whose body is the output (a JSON string unquoted), unless it is an object with errorMessage", payloadDoc + "; " + recordedHTTPAPI}
	HTTPAPILambdaError    = Behavior{"http-api-lambda-500", "HTTP API: the Lambda output is not a response its payload format accepts (or reports an error): 500 Internal Server Error", recordedHTTPAPI}
	HTTPAPIProxy          = Behavior{"http-api-proxy", "HTTP API with an HTTP integration: the body passes unchanged", httpAPIDoc + "; LocalStack Pro HTTP API tests validated against AWS (a multipart body arrives byte for byte)"}
	LambdaInvokeMethod    = Behavior{"lambda-invoke-method-500", "a Lambda is invoked with POST only: an aws_proxy integration whose httpMethod is another fails every call with 500 (not 504)", "AWS docs, 'Set up Lambda proxy integrations' (the integration's HTTP method must be POST); " + recordedLambda + " (an AWS_PROXY integration with httpMethod GET)"}
	DeployTimeUnknown     = Behavior{"deploy-time-unknown", "a setting that decides what API Gateway does is computed at deploy time (a template parameter without a default, a Terraform or Serverless variable): not simulated", "none: the value is not in the definition"}
	HeaderMapping500      = Behavior{"header-mapping-500", "integration.request.header.Content-Length or Transfer-Encoding is mapped: every call fails with 500", recordedHTTP}
)

// requestRow returns the request table row and the action for a payload.
func requestRow(listEmpty, binary bool, ch model.ContentHandling) (Behavior, Action) {
	col := column(ch)
	switch {
	case listEmpty:
		return requestRows[[3]int{0, 1, 2}[col]], [3]Action{AsText, Base64Decode, AsText}[col]
	case !binary:
		return requestRows[3+col], [3]Action{AsText, Base64Decode, AsText}[col]
	}
	return requestRows[6+col], [3]Action{Unchanged, Unchanged, Base64Encode}[col]
}

// responseRow returns the response table row and the action.
func responseRow(listEmpty, binaryPayload, binaryAccept bool, ch model.ContentHandling) (Behavior, Action) {
	col := column(ch)
	var block int
	var actions [3]Action
	switch {
	case listEmpty:
		block, actions = 0, [3]Action{AsText, Base64Decode, AsText}
	case !binaryPayload && !binaryAccept:
		block, actions = 1, [3]Action{AsText, Base64Decode, AsText}
	case !binaryPayload && binaryAccept:
		block, actions = 2, [3]Action{Base64Decode, Base64Decode, AsText}
	case binaryPayload && !binaryAccept:
		block, actions = 3, [3]Action{Base64Encode, Unchanged, Base64Encode}
	default:
		block, actions = 4, [3]Action{Unchanged, Unchanged, Base64Encode}
	}
	return responseRows[3*block+col], actions[col]
}

// column orders contentHandling as the tables do: unset, CONVERT_TO_BINARY,
// CONVERT_TO_TEXT. An invalid value is simulated as unset.
func column(ch model.ContentHandling) int {
	switch ch {
	case model.ConvertToBinary:
		return 1
	case model.ConvertToText:
		return 2
	}
	return 0
}
