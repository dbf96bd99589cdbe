package cloudformation_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/importer"
	"github.com/apigw-oas/apigw-oas/importer/internal/importtest"
	"github.com/apigw-oas/apigw-oas/model"
)

const cfnTemplate = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Extra: {Type: String}
Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      BinaryMediaTypes:
        - image~1png
        - !Ref Extra
        - !Join ["/", [application, pdf]]
      Body:
        swagger: "2.0"
        info: {title: !Ref AWS::StackName, version: "1"}
        x-amazon-apigateway-binary-media-types: [image/gif]
        paths:
          /inline:
            get:
              responses: {"200": {description: ok}}
  Files:
    Type: AWS::ApiGateway::Resource
    Properties: {RestApiId: !Ref Api, ParentId: !GetAtt Api.RootResourceId, PathPart: files}
  File:
    Type: AWS::ApiGateway::Resource
    Properties: {RestApiId: !Ref Api, ParentId: {Ref: Files}, PathPart: "{id}"}
  GetFile:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !Ref File
      HttpMethod: GET
      RequestModels: {application/json: Empty}
      MethodResponses: [{StatusCode: "200", ResponseModels: {image/png: Empty}}]
      Integration:
        Type: AWS
        ContentHandling: CONVERT_TO_TEXT
        PassthroughBehavior: NEVER
        RequestTemplates: {application/json: "{}"}
        IntegrationResponses:
          - StatusCode: "200"
            ContentHandling: CONVERT_TO_BINARY
          - StatusCode: "404"
            SelectionPattern: "4\\d{2}"
  RootMethod:
    Type: AWS::ApiGateway::Method
    Properties: {RestApiId: !Ref Api, ResourceId: !GetAtt Api.RootResourceId, HttpMethod: ANY, Integration: {Type: AWS_PROXY}}
  Unknown:
    Type: AWS::ApiGateway::Method
    Properties: {RestApiId: !ImportValue Shared, ResourceId: !Ref File, HttpMethod: GET}
  Http:
    Type: AWS::ApiGatewayV2::Api
    Properties: {Name: http, ProtocolType: HTTP}
  Socket:
    Type: AWS::ApiGatewayV2::Api
    Properties: {Name: ws, ProtocolType: WEBSOCKET}
  S3Defined:
    Type: AWS::ApiGateway::RestApi
    Properties: {BodyS3Location: {Bucket: specs, Key: api.yaml}}
`

func TestCloudFormation(t *testing.T) {
	apis := importtest.All(t, "template.yaml", cfnTemplate)
	if len(apis) != 3 {
		t.Fatalf("want Api, Http and S3Defined, got %d APIs", len(apis))
	}
	api := apis[0]
	if api.Name != "Api" || api.Container != model.ContainerCloudFormation || api.Format != model.FormatOpenAPI2 || api.Kind != model.RESTAPI {
		t.Errorf("api: %s %s %s %v", api.Name, api.Container, api.Format, api.Kind)
	}
	// The union: the Body's extension (line 15) and the property (9–11),
	// each where it is written; the !Ref is unknown, the !Join evaluated,
	// the raw CloudFormation ~1 kept as written.
	if got, want := importtest.EntryTexts(api.BinaryMediaTypes.Entries), "image/gif@015 image~1png@009 ?@010 application/pdf@011"; got != want {
		t.Errorf("binary media types: got %s, want %s", got, want)
	}
	if got, want := importtest.Operations(api), "GET /inline, GET /files/{id}, ANY /"; got != want {
		t.Errorf("operations: got %s, want %s", got, want)
	}
	get := api.Operations[1]
	in := get.Integration
	if in.Type.Value != model.AWS || in.ContentHandling.Value != model.ConvertToText || in.PassthroughBehavior.Value != model.Never ||
		in.ContentHandling.Span.Start.Line != 36 || len(in.RequestTemplates) != 1 {
		t.Errorf("integration: %+v", in)
	}
	if len(in.Responses) != 2 || in.Responses[0].Pattern.Raw != "default" || in.Responses[0].ContentHandling.Value != model.ConvertToBinary ||
		in.Responses[1].Pattern.Raw != `4\d{2}` || in.Responses[1].StatusCode.Raw != "404" {
		t.Errorf("integration responses: %+v %+v", in.Responses[0], in.Responses[1])
	}
	if len(get.Accepts) != 1 || get.Accepts[0].Value != "application/json" || get.Responses[0].Produces[0].Value != "image/png" {
		t.Errorf("models: %+v %+v", get.Accepts, get.Responses)
	}
	if apis[1].Name != "Http" || apis[1].Kind != model.HTTPAPI {
		t.Errorf("ApiGatewayV2 HTTP API: %s %v", apis[1].Name, apis[1].Kind)
	}
	if !apis[2].Elsewhere.Set || apis[2].Elsewhere.Span.Start.Line != 58 {
		t.Errorf("BodyS3Location is not noted: %+v", apis[2].Elsewhere)
	}
}

const samTemplate = `Transform: AWS::Serverless-2016-10-31
Globals:
  Api:
    BinaryMediaTypes: [image~1png]
    Cors: "'*'"
Resources:
  Explicit:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      BinaryMediaTypes: ["application~1pdf"]
      DefinitionBody:
        openapi: 3.0.1
        info: {title: explicit, version: "1"}
        x-amazon-apigateway-binary-media-types: [image/gif]
        paths:
          /docs:
            get: {responses: {"200": {description: ok}}}
            options: {responses: {"200": {description: own preflight}}}
          /docs/{id}:
            get: {responses: {"200": {description: ok}}}
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Events:
        Implicit: {Type: Api, Properties: {Path: /thumbs, Method: get}}
        Again: {Type: Api, Properties: {Path: /thumbs, Method: post}}
        ToExplicit: {Type: Api, Properties: {Path: /ignored, Method: get, RestApiId: !Ref Explicit}}
        Http: {Type: HttpApi}
        Queue: {Type: SQS, Properties: {Queue: arn}}
`

func TestSAM(t *testing.T) {
	apis := importtest.All(t, "template.yaml", samTemplate)
	if len(apis) != 3 {
		t.Fatalf("want Explicit, ServerlessRestApi and ServerlessHttpApi, got %d", len(apis))
	}
	explicit, implicit, httpAPI := apis[0], apis[1], apis[2]
	// Globals and the resource's lists are concatenated, un-escaped, and
	// replace the definition's extension.
	if got, want := importtest.EntryTexts(explicit.BinaryMediaTypes.Entries), "image/png@004 application/pdf@011"; got != want {
		t.Errorf("explicit binary media types: got %s, want %s", got, want)
	}
	if e := explicit.BinaryMediaTypes.Entries[0]; e.Raw != "image~1png" || e.Origin != model.FromSAM {
		t.Errorf("un-escaped entry keeps what was written: %+v", e)
	}
	if got := importtest.EntryTexts(explicit.BinaryMediaTypes.Replaced); got != "image/gif@015" {
		t.Errorf("replaced: %s", got)
	}
	// SAM adds no event routes to an API with its own definition; Cors adds
	// an OPTIONS to each path without one.
	if got, want := importtest.Operations(explicit), "GET /docs, OPTIONS /docs, GET /docs/{id}, OPTIONS /docs/{id}"; got != want {
		t.Errorf("explicit operations: got %s, want %s", got, want)
	}
	pre := explicit.Operations[3]
	if pre.Generated == nil || pre.Generated.Span.Start.Line != 5 || pre.Integration.Type.Value != model.Mock ||
		pre.Integration.ContentHandling.Set || pre.Integration.RequestTemplates[0].Value.Raw != "{\n  \"statusCode\" : 200\n}\n" {
		t.Errorf("generated preflight: %+v %+v", pre.Generated, pre.Integration)
	}
	if implicit.Name != "ServerlessRestApi" || importtest.Operations(implicit) != "GET /thumbs, POST /thumbs, OPTIONS /thumbs" {
		t.Errorf("implicit API: %s: %s", implicit.Name, importtest.Operations(implicit))
	}
	if implicit.Operations[0].Integration.Type.Value != model.AWSProxy || implicit.Operations[0].Span.Start.Line != 26 {
		t.Errorf("event integration: %+v", implicit.Operations[0])
	}
	if httpAPI.Name != "ServerlessHttpApi" || httpAPI.Kind != model.HTTPAPI || importtest.Operations(httpAPI) != "ANY /" {
		t.Errorf("implicit HTTP API: %s %v %s", httpAPI.Name, httpAPI.Kind, importtest.Operations(httpAPI))
	}
}

func TestSAMDefinitionURI(t *testing.T) {
	dir := t.TempDir()
	importtest.WriteFile(t, filepath.Join(dir, "api.yaml"), "openapi: 3.0.1\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get: {responses: {'200': {description: ok}}}\n")
	importtest.WriteFile(t, filepath.Join(dir, "template.yaml"), `Transform: AWS::Serverless-2016-10-31
Resources:
  Local:
    Type: AWS::Serverless::Api
    Properties: {DefinitionUri: api.yaml}
  InS3:
    Type: AWS::Serverless::Api
    Properties: {DefinitionUri: {Bucket: b, Key: k}}
  Outside:
    Type: AWS::Serverless::Api
    Properties: {DefinitionUri: ../secret.yaml}
`)
	res := importer.File(filepath.Join(dir, "template.yaml"), importer.Options{})
	if len(res.APIs) != 3 || importtest.Operations(res.APIs[0]) != "GET /a" || res.APIs[0].Operations[0].Span.File != filepath.Join(dir, "api.yaml") {
		t.Fatalf("DefinitionUri: %+v", res.APIs)
	}
	if !res.APIs[1].Elsewhere.Set {
		t.Errorf("an S3 DefinitionUri is not noted")
	}
	if len(res.Diagnostics) != 1 || !strings.Contains(res.Diagnostics[0].Message, "outside the document's folder") || res.Diagnostics[0].Span.Start.Line != 11 {
		t.Errorf("want the refused DefinitionUri on line 11, got %v", res.Diagnostics)
	}
}

func TestContainerBadInput(t *testing.T) {
	for name, c := range map[string]struct {
		src  string
		line int
		msg  string
	}{
		"resources.yaml": {"AWSTemplateFormatVersion: '2010-09-09'\nResources: [a, b]\n", 2, "Resources must be a map"},
		"events.yaml":    {"Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties:\n      Events: [a]\n", 6, "Events must be a map"},
		"body.yaml":      {"Resources:\n  A:\n    Type: AWS::ApiGateway::RestApi\n    Properties:\n      Body: {paths: {}}\n", 5, "no \"openapi\" or \"swagger\""},
		"jinja.yaml":     {"openapi: 3.0.1\ninfo:\n  title: {{ api_name }}\n{% for p in paths %}\n", 3, "looks like a template"},
	} {
		res := importer.Bytes(name, []byte(c.src), "", importer.Options{})
		if len(res.Diagnostics) != 1 || res.Diagnostics[0].Rule != diag.RuleSyntax || res.Diagnostics[0].Span.Start.Line != c.line ||
			!strings.Contains(res.Diagnostics[0].Message, c.msg) {
			t.Errorf("%s: want one syntax diagnostic on line %d saying %q, got %v", name, c.line, c.msg, res.Diagnostics)
		}
	}
}
