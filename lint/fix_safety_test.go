package lint_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/lint"
	"github.com/apigw-oas/apigw-oas/lint/rules"
)

// A fix is safe only when simulating both sides shows nothing served
// differently; when the API it changes cannot be simulated (an HTTP API, a
// binary media type known only at deploy time), it is unsafe, and says
// why, while a fix that leaves such an API alone is judged as usual.
func TestFixUnsimulatedIsUnsafe(t *testing.T) {
	cases := []struct {
		name, file, text, rule string
		safety                 diag.Safety
		unchecked              string
	}{
		{"HTTP API", "api.yaml", `openapi: 3.0.1
info: {title: t, version: '1'}
x-amazon-apigateway-cors: {allowOrigins: ['*']}
paths:
  /a:
    get:
      responses: {'200': {description: ok}}
      x-amazon-apigateway-integration:
        type: aws_proxy
        httpMethod: POST
        uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:1:function:f/invocations
        payloadFormatVersion: '2.0'
    x-amazon-apigateway-binary-media-types: [image/png]
`, "binary-media-types-misplaced", diag.Unsafe, "its effect on HTTP API could not be checked: apigw-oas simulates only REST APIs"},
		{"SAM HTTP API beside a REST API", "template.yaml", `Transform: AWS::Serverless-2016-10-31
Resources:
  Site:
    Type: AWS::Serverless::HttpApi
    Properties:
      DefinitionBody:
        openapi: 3.0.1
        info: {title: site, version: '1'}
        paths: {}
  Files:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      BinaryMediaTypes: [image~1png, image~1png]
`, "media-type-duplicate", diag.Safe, ""},
		{"binary media type known at deploy time", "template.yaml", `Parameters:
  Extra: {Type: String}
Resources:
  Files:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: files
      BinaryMediaTypes: [!Ref Extra]
  Upload:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Files
      ResourceId: !GetAtt Files.RootResourceId
      HttpMethod: PUT
      AuthorizationType: NONE
      Integration:
        Type: AWS
        IntegrationHttpMethod: PUT
        Uri: arn:aws:apigateway:us-east-1:s3:path/files-bucket/upload
        ContentHandling: convert_to_text
`, "content-handling-invalid", diag.Unsafe, "its effect on REST API Files could not be checked: a binary media type of it is known only at deploy time"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := writeFiles(t, map[string]string{c.file: c.text})
			found := lint.Run([]lint.Input{{Path: filepath.Join(dir, c.file), Explicit: true}}, lint.Options{Rules: rules.All, Fixes: true})
			var fix *diag.Fix
			for _, d := range found.Diagnostics {
				if d.Rule == c.rule {
					fix = d.Fix
				}
			}
			if fix == nil {
				t.Fatalf("no fix of %s in %v", c.rule, found.Diagnostics)
			}
			if fix.Safety != c.safety || fix.Unchecked != c.unchecked {
				t.Errorf("safety %s, unchecked %q; want %s, %q", fix.Safety, fix.Unchecked, c.safety, c.unchecked)
			}
			if c.unchecked != "" && !strings.Contains(fix.Describe(), c.unchecked) {
				t.Errorf("the description does not say why: %s", fix.Describe())
			}
		})
	}
}

// A method SAM or the Serverless Framework writes has no text in the file:
// its pointers are those of the setting that asks for it (Cors). A fix a
// rule attaches there is not offered, and the message says what the user
// can do instead; a fix of the user's own settings stays.
func TestFixNotOfferedOnGeneratedMethods(t *testing.T) {
	dir := writeFiles(t, map[string]string{"template.yaml": `Transform: AWS::Serverless-2016-10-31
Resources:
  PhotosApi:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      Cors:
        AllowOrigin: "'*'"
      DefinitionBody:
        openapi: 3.0.1
        info: {title: photos, version: "1.0"}
        paths:
          /photos:
            put:
              responses: {"200": {description: stored}}
              x-amazon-apigateway-integration: {type: mock}
`})
	// a rule that advises contentHandling on every integration, as
	// template-receives-binary did on SAM's preflight
	everyIntegration := &lint.Rule{ID: "every-integration", Severity: diag.Warning, Check: func(p *lint.Pass) {
		for _, op := range p.API.Operations {
			fix := &diag.Fix{Edits: []diag.Edit{{Op: diag.EditAdd, Pointer: op.Integration.Pointer + "/contentHandling", Value: "CONVERT_TO_TEXT"}}}
			p.Report(lint.Finding{Span: op.Span, Pointer: op.Pointer, Operation: op, Fix: fix, Message: "add contentHandling"})
		}
	}}
	found := lint.Run([]lint.Input{{Path: filepath.Join(dir, "template.yaml"), Explicit: true}}, lint.Options{Rules: []*lint.Rule{everyIntegration}, Fixes: true})
	seen := map[string]bool{}
	for _, d := range found.Diagnostics {
		seen[d.Operation] = true
		switch d.Operation {
		case "OPTIONS /photos":
			if d.Fix != nil || !strings.HasSuffix(d.Message, "(SAM Cors writes this OPTIONS method, so there is no integration of it to edit: declare OPTIONS /photos yourself, which SAM Cors then leaves alone)") {
				t.Errorf("on SAM's preflight: %s, fix %v", d.Message, d.Fix)
			}
		case "PUT /photos":
			if d.Fix == nil || d.Message != "add contentHandling" {
				t.Errorf("on the user's method: %s, fix %v", d.Message, d.Fix)
			}
		}
	}
	if !seen["OPTIONS /photos"] || !seen["PUT /photos"] {
		t.Errorf("findings on %v", seen)
	}
}
