package serverless_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/importer"
	"github.com/apigw-oas/apigw-oas/importer/internal/importtest"
	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

// importService imports a serverless.yml that must read without diagnostics.
func importService(t *testing.T, src string) []*model.API {
	t.Helper()
	res := importer.Bytes("serverless.yml", []byte(src), "", importer.Options{})
	if len(res.Diagnostics) > 0 {
		t.Fatalf("diagnostics: %v", res.Diagnostics)
	}
	if res.Container != model.ContainerServerless {
		t.Fatalf("container %q, want serverless", res.Container)
	}
	return res.APIs
}

// apiNamed returns the API of a name, failing when there is none.
func apiNamed(t *testing.T, apis []*model.API, name string) *model.API {
	t.Helper()
	for _, api := range apis {
		if api.Name == name {
			return api
		}
	}
	t.Fatalf("no API %s among %d", name, len(apis))
	return nil
}

// operation returns the operation "METHOD /path" of an API.
func operation(t *testing.T, api *model.API, name string) *model.Operation {
	t.Helper()
	for _, op := range api.Operations {
		if op.Name() == name {
			return op
		}
	}
	t.Fatalf("no operation %s in %s", name, importtest.Operations(api))
	return nil
}

// originTexts renders binary media types as "value(origin)@line:col", "?"
// for unknown ones.
func originTexts(entries []model.MediaType) string {
	var parts []string
	for _, e := range entries {
		v := e.Value
		if e.Unknown {
			v = "?"
		}
		parts = append(parts, fmt.Sprintf("%s(%s)@%d:%d", v, e.Origin, e.Span.Start.Line, e.Span.Start.Col))
	}
	return strings.Join(parts, " ")
}

// pos renders where a field is written.
func TestServerlessBinaryMediaTypes(t *testing.T) {
	apis := importService(t, `service: photos
provider:
  name: aws
  apiGateway:
    binaryMediaTypes:
      - image/png
      - ${self:custom.extraType}
custom:
  apiGateway:
    binaryMediaTypes: [font/*]
  apigwBinary:
    types: ${file(binary.json)}
functions:
  get:
    handler: get.handler
    events:
      - http: GET photos/{id}
`)
	if len(apis) != 1 {
		t.Fatalf("%d APIs, want the REST API only", len(apis))
	}
	api := apiNamed(t, apis, "ApiGatewayRestApi")
	if api.Container != model.ContainerServerless || api.Kind != model.RESTAPI || importtest.Pos(api.KindEvidence.Span) != "17:9" ||
		api.KindEvidence.Pointer != "/functions/get/events/0/http" {
		t.Errorf("API %s %s %s, evidence %+v", api.Name, api.Container, api.Kind, api.KindEvidence)
	}
	// The provider's list, the static-file-handler plugin's (appended while
	// compiling), then serverless-apigw-binary's (merged after the deploy).
	want := "image/png(provider.apiGateway.binaryMediaTypes)@6:9 ?(provider.apiGateway.binaryMediaTypes)@7:9 " +
		"font/*(serverless plugin)@10:24 ?(serverless plugin)@12:12"
	if got := originTexts(api.BinaryMediaTypes.Entries); got != want {
		t.Errorf("entries\n got %s\nwant %s", got, want)
	}
	if p := api.BinaryMediaTypes.Property; !p.Set || p.Pointer != "/provider/apiGateway/binaryMediaTypes" || p.Tag != source.TagSeq {
		t.Errorf("property %+v", p)
	}
	if !api.BinaryMediaTypes.HasUnknown() || api.BinaryMediaTypes.Entries[1].IsString() || api.BinaryMediaTypes.Entries[1].Raw != "${self:custom.extraType}" {
		t.Errorf("a variable must be unknown and not a string to compare: %+v", api.BinaryMediaTypes.Entries[1])
	}
}

// Binary media types alone make the service have a REST API, placed at the
// setting.
func TestServerlessBinaryWithoutHTTPEvents(t *testing.T) {
	apis := importService(t, `service: proxy
provider:
  name: aws
  apiGateway:
    binaryMediaTypes: ['image/*']
functions:
  f: {handler: f.handler}
`)
	api := apiNamed(t, apis, "ApiGatewayRestApi")
	if len(api.Operations) != 0 || importtest.Pos(api.Span) != "5:5" || !strings.Contains(api.KindEvidence.Reason, "no function has an http event") {
		t.Errorf("API at %s: %+v", importtest.Pos(api.Span), api.KindEvidence)
	}
}

// resources.Resources.ApiGatewayRestApi overrides the framework's API: its
// BinaryMediaTypes list is merged index by index (lodash _.merge), and its
// methods join the service's API; other APIs are added. extensions replace.
func TestServerlessResourcesOverride(t *testing.T) {
	apis := importService(t, `service: docs
provider:
  name: aws
  apiGateway:
    binaryMediaTypes: [image/png, image/jpeg, image/gif]
functions:
  f:
    handler: f.handler
    events:
      - http: GET files
resources:
  Resources:
    ApiGatewayRestApi:
      Type: AWS::ApiGateway::RestApi
      Properties:
        BinaryMediaTypes: [application/pdf]
    HealthMethod:
      Type: AWS::ApiGateway::Method
      Properties:
        RestApiId: !Ref ApiGatewayRestApi
        ResourceId: !GetAtt ApiGatewayRestApi.RootResourceId
        HttpMethod: HEAD
        Integration: {Type: MOCK}
    Admin:
      Type: AWS::ApiGateway::RestApi
      Properties:
        BinaryMediaTypes: ['*/*']
`)
	if len(apis) != 2 {
		t.Fatalf("%d APIs, want the service's and Admin", len(apis))
	}
	api := apiNamed(t, apis, "ApiGatewayRestApi")
	if got, want := originTexts(api.BinaryMediaTypes.Entries),
		"application/pdf(BinaryMediaTypes)@16:28 image/jpeg(provider.apiGateway.binaryMediaTypes)@5:35 image/gif(provider.apiGateway.binaryMediaTypes)@5:47"; got != want {
		t.Errorf("entries\n got %s\nwant %s", got, want)
	}
	if got := originTexts(api.BinaryMediaTypes.Replaced); got != "image/png(provider.apiGateway.binaryMediaTypes)@5:24" {
		t.Errorf("replaced %s", got)
	}
	if got := importtest.Operations(api); got != "GET /files, HEAD /" {
		t.Errorf("operations %s", got)
	}
	if admin := apiNamed(t, apis, "Admin"); admin.Container != model.ContainerServerless || originTexts(admin.BinaryMediaTypes.Entries) != "*/*(BinaryMediaTypes)@27:28" {
		t.Errorf("Admin: %s %s", admin.Container, originTexts(admin.BinaryMediaTypes.Entries))
	}

	// Without a Type (the usual override) and with extensions.
	apis = importService(t, `service: docs
provider:
  name: aws
  apiGateway: {binaryMediaTypes: [image/png]}
functions:
  f: {handler: f.handler, events: [{http: GET files}]}
resources:
  Resources:
    ApiGatewayRestApi:
      Properties:
        BinaryMediaTypes: ['*/*', application/zip]
  extensions:
    ApiGatewayRestApi:
      Properties:
        BinaryMediaTypes: [application/octet-stream]
`)
	api = apiNamed(t, apis, "ApiGatewayRestApi")
	if got := originTexts(api.BinaryMediaTypes.Entries); got != "application/octet-stream(BinaryMediaTypes)@15:28" {
		t.Errorf("extensions must replace the list: %s", got)
	}
	if got := originTexts(api.BinaryMediaTypes.Replaced); got != "image/png(provider.apiGateway.binaryMediaTypes)@4:35 */*(BinaryMediaTypes)@11:28 application/zip(BinaryMediaTypes)@11:35" {
		t.Errorf("replaced %s", got)
	}
}

// An empty override list merges nothing; empty extensions empty the list.
func TestServerlessEmptyOverrides(t *testing.T) {
	src := `service: s
provider: {name: aws, apiGateway: {binaryMediaTypes: [image/png]}}
functions:
  f: {handler: f.handler, events: [{http: GET f}]}
resources:
  %s:
    ApiGatewayRestApi: {Properties: {BinaryMediaTypes: []}}
`
	if got := originTexts(apiNamed(t, importService(t, fmt.Sprintf(src, "Resources")), "ApiGatewayRestApi").BinaryMediaTypes.Entries); got != "image/png(provider.apiGateway.binaryMediaTypes)@2:55" {
		t.Errorf("Resources: %s", got)
	}
	if got := apiNamed(t, importService(t, fmt.Sprintf(src, "extensions")), "ApiGatewayRestApi").BinaryMediaTypes; len(got.Entries) != 0 || len(got.Replaced) != 1 {
		t.Errorf("extensions: %+v", got)
	}
}

// With provider.apiGateway.restApiId the service deploys into an API made
// elsewhere: its binary media types are unknown.
func TestServerlessExternalRestAPI(t *testing.T) {
	api := apiNamed(t, importService(t, `service: shared
provider:
  name: aws
  apiGateway:
    restApiId: ${cf:core.ApiId}
    restApiRootResourceId: ${cf:core.RootId}
    binaryMediaTypes: [image/png]
functions:
  f: {handler: f.handler, events: [{http: GET f}]}
`), "ApiGatewayRestApi")
	if got := originTexts(api.BinaryMediaTypes.Entries); got != "?(provider.apiGateway.binaryMediaTypes)@5:16" {
		t.Errorf("entries %s", got)
	}
	if got := originTexts(api.BinaryMediaTypes.Replaced); got != "image/png(provider.apiGateway.binaryMediaTypes)@7:24" {
		t.Errorf("replaced %s", got)
	}
}

func TestServerlessIntegrationKinds(t *testing.T) {
	for _, c := range []struct {
		setting string
		want    model.IntegrationType
		raw     string
	}{
		{"", model.AWSProxy, "AWS_PROXY"},
		{"integration: lambda-proxy", model.AWSProxy, "lambda-proxy"},
		{"integration: aws-proxy", model.AWSProxy, "aws-proxy"},
		{"integration: aws_proxy", model.AWSProxy, "aws_proxy"},
		{"integration: LAMBDA_PROXY", model.AWSProxy, "LAMBDA_PROXY"},
		{"integration: lambda", model.AWS, "lambda"},
		{"integration: aws", model.AWS, "aws"},
		{"async: true", model.AWS, "AWS"},
		{"integration: http", model.HTTP, "http"},
		{"integration: http-proxy", model.HTTPProxy, "http-proxy"},
		{"integration: mock", model.Mock, "mock"},
		{"integration: websocket", model.IntegrationTypeInvalid, "websocket"},
	} {
		t.Run(c.raw, func(t *testing.T) {
			api := apiNamed(t, importService(t, `service: kinds
provider: {name: aws}
functions:
  f:
    handler: f.handler
    events:
      - http:
          path: /things/
          method: post
          request: {uri: 'https://example.com/things'}
          `+c.setting+`
`), "ApiGatewayRestApi")
			op := operation(t, api, "POST /things")
			typ := op.Integration.Type
			if typ.Value != c.want || typ.Raw != c.raw || !typ.Set || typ.Tag != source.TagStr {
				t.Errorf("type %+v, want %v written %q", typ, c.want, c.raw)
			}
			// A default is placed at the event (or at async: true, which
			// makes it AWS); a written kind is its value.
			wantAt, wantPtr := "7:9", "/functions/f/events/0/http"
			switch {
			case strings.HasPrefix(c.setting, "async"):
				wantAt, wantPtr = "11:11", wantPtr+"/async"
			case c.setting != "":
				wantAt, wantPtr = "11:24", wantPtr+"/integration"
			}
			if importtest.Pos(typ.Span) != wantAt || typ.Pointer != wantPtr || op.Pointer != "/functions/f/events/0/http" || importtest.Pos(op.Span) != "7:9" {
				t.Errorf("type at %s %s, want %s %s; operation at %s %s", importtest.Pos(typ.Span), typ.Pointer, wantAt, wantPtr, importtest.Pos(op.Span), op.Pointer)
			}
		})
	}
}

// integration: lambda gets the framework's defaults: JSON and form request
// templates, passthrough NEVER and nine integration responses selected by
// the Lambda error message.
func TestServerlessLambdaDefaults(t *testing.T) {
	api := apiNamed(t, importService(t, `service: tarballs
provider: {name: aws}
functions:
  tar:
    handler: tar.handler
    events:
      - http:
          path: tar/{name}
          method: get
          integration: lambda
`), "ApiGatewayRestApi")
	in := operation(t, api, "GET /tar/{name}").Integration
	if len(in.RequestTemplates) != 2 || in.RequestTemplates[0].Name.Raw != "application/json" ||
		in.RequestTemplates[1].Name.Raw != "application/x-www-form-urlencoded" || importtest.Pos(in.RequestTemplates[0].Name.Span) != "10:11" {
		t.Errorf("request templates %+v", in.RequestTemplates)
	}
	if !anyTemplateReads(in.RequestTemplates, "$input.json(") || !anyTemplateReads(in.RequestTemplates, "$input.path(") {
		t.Error("the default templates read the body")
	}
	if p := in.PassthroughBehavior; p.Value != model.Never || !p.Set || p.Pointer != "/functions/tar/events/0/http/integration" {
		t.Errorf("passthrough %+v", p)
	}
	var codes []string
	for _, r := range in.Responses {
		codes = append(codes, r.StatusCode.Raw+"="+r.Pattern.Raw)
		if r.ContentHandling.Set {
			t.Errorf("no contentHandling by default: %+v", r)
		}
	}
	if len(codes) != 9 || codes[0] != "200=default" || codes[1] != `400=[\s\S]*\[400\][\s\S]*` || !strings.HasPrefix(codes[8], "504=") {
		t.Errorf("integration responses %v", codes)
	}
	if op := operation(t, api, "GET /tar/{name}"); len(op.Responses) != 9 || op.Responses[0].Status.Raw != "200" {
		t.Errorf("method responses %+v", op.Responses)
	}
}

func anyTemplateReads(ts []model.Named, use string) bool {
	for _, t := range ts {
		if strings.Contains(t.Value.Raw, use) {
			return true
		}
	}
	return false
}

// request and response settings of a non-proxy integration, where each
// one lands.
func TestServerlessRequestResponse(t *testing.T) {
	api := apiNamed(t, importService(t, `service: thumbs
provider: {name: aws}
functions:
  thumb:
    handler: thumb.handler
    events:
      - http:
          path: thumbs
          method: post
          integration: lambda
          request:
            contentHandling: CONVERT_TO_TEXT
            passThrough: WHEN_NO_TEMPLATES
            template:
              image/png: '{"image": "$input.body"}'
              application/x-www-form-urlencoded: null
          response:
            contentHandling: CONVERT_TO_BINARY
            template: $input.path('$.body')
            statusCodes:
              201:
                pattern: ''
              400:
                pattern: '.*\[400\].*'
                template:
                  text/plain: bad request
`), "ApiGatewayRestApi")
	in := operation(t, api, "POST /thumbs").Integration
	if ch := in.ContentHandling; ch.Value != model.ConvertToText || importtest.Pos(ch.Span) != "12:30" || ch.Pointer != "/functions/thumb/events/0/http/request/contentHandling" {
		t.Errorf("request contentHandling %+v", ch)
	}
	if in.PassthroughBehavior.Value != model.WhenNoTemplates || importtest.Pos(in.PassthroughBehavior.Span) != "13:26" {
		t.Errorf("passThrough %+v", in.PassthroughBehavior)
	}
	var templates []string
	for _, nt := range in.RequestTemplates {
		templates = append(templates, nt.Name.Raw)
	}
	if strings.Join(templates, " ") != "application/json image/png" {
		t.Errorf("request templates %v: the default JSON one stays, null removes the form one", templates)
	}
	if len(in.Responses) != 2 {
		t.Fatalf("responses %+v", in.Responses)
	}
	created, bad := in.Responses[0], in.Responses[1]
	// 201 has the empty pattern, so no default 200 is added; only 2xx
	// responses get response.contentHandling.
	if created.StatusCode.Raw != "201" || created.StatusCode.Tag != source.TagStr || created.Pattern.Raw != "default" ||
		created.ContentHandling.Value != model.ConvertToBinary || importtest.Pos(created.ContentHandling.Span) != "18:30" {
		t.Errorf("201: %+v", created)
	}
	if bad.Pattern.Raw != `.*\[400\].*` || bad.ContentHandling.Set || len(bad.ResponseTemplates) != 2 ||
		bad.ResponseTemplates[0].Value.Raw != "$input.path('$.body')" || bad.ResponseTemplates[1].Name.Raw != "text/plain" {
		t.Errorf("400: %+v", bad)
	}
}

// Without a response with the empty pattern, the framework sets 200 to its
// default, replacing a written 200 entry.
func TestServerlessDefault200(t *testing.T) {
	api := apiNamed(t, importService(t, `service: s
provider: {name: aws}
functions:
  f:
    handler: f.handler
    events:
      - http:
          path: x
          method: get
          integration: http
          request: {uri: 'https://example.com/x'}
          response:
            statusCodes:
              404: {pattern: '404'}
              200: {template: ignored}
`), "ApiGatewayRestApi")
	in := operation(t, api, "GET /x").Integration
	if len(in.Responses) != 2 || in.Responses[0].StatusCode.Raw != "200" || len(in.Responses[0].ResponseTemplates) != 0 ||
		in.Responses[0].Pointer != "/functions/f/events/0/http/response/statusCodes" || in.Responses[1].StatusCode.Raw != "404" {
		t.Errorf("responses %+v %+v", in.Responses[0], in.Responses[1])
	}
	if in.PassthroughBehavior.Set || len(in.RequestTemplates) != 0 {
		t.Errorf("http integrations get no default passthrough or templates: %+v", in)
	}
}

// On a proxy, request.contentHandling is dropped by the framework with a
// warning; it is kept so lint can say it does nothing. A proxy has no
// templates or integration responses.
func TestServerlessProxyContentHandling(t *testing.T) {
	api := apiNamed(t, importService(t, `service: s
provider: {name: aws}
functions:
  f:
    handler: f.handler
    events:
      - http:
          path: img
          method: get
          request:
            contentHandling: CONVERT_TO_BINARY
            template: {application/json: '{}'}
            schemas: {application/json: {type: object}}
          response:
            contentHandling: CONVERT_TO_BINARY
`), "ApiGatewayRestApi")
	if a := operation(t, api, "GET /img").Accepts; len(a) != 1 || a[0].Raw != "application/json" || a[0].Origin != model.FromRequestModels {
		t.Errorf("request.schemas are the accepted media types: %+v", a)
	}
	in := operation(t, api, "GET /img").Integration
	if in.Type.Value != model.AWSProxy || in.ContentHandling.Value != model.ConvertToBinary || importtest.Pos(in.ContentHandling.Span) != "11:30" ||
		len(in.RequestTemplates) != 0 || len(in.Responses) != 0 {
		t.Errorf("proxy integration %+v", in)
	}
}

// The event-level contentHandling of the apigwy-binary plugins lands on the
// 200 integration response.
func TestServerlessPluginContentHandling(t *testing.T) {
	api := apiNamed(t, importService(t, `service: s
provider: {name: aws}
functions:
  f:
    handler: f.handler
    events:
      - http:
          path: tar
          method: get
          integration: lambda
          contentHandling: CONVERT_TO_BINARY
`), "ApiGatewayRestApi")
	for _, r := range operation(t, api, "GET /tar").Integration.Responses {
		if want := r.StatusCode.Raw == "200"; r.ContentHandling.Set != want || (want && importtest.Pos(r.ContentHandling.Span) != "11:28") {
			t.Errorf("response %s: contentHandling %+v", r.StatusCode.Raw, r.ContentHandling)
		}
	}
}

// cors: true makes the framework write one OPTIONS MOCK method per path,
// placed on the first cors setting of the path; a path with its own OPTIONS
// event gets none.
func TestServerlessCORS(t *testing.T) {
	api := apiNamed(t, importService(t, `service: s
provider: {name: aws}
functions:
  list:
    handler: list.handler
    events:
      - http:
          path: photos
          method: get
          cors: true
      - http:
          path: /photos
          method: post
          cors:
            origin: '*'
      - http:
          path: own
          method: get
          cors: true
      - http:
          path: own
          method: options
      - http:
          path: off
          method: get
          cors: false
`), "ApiGatewayRestApi")
	if got := importtest.Operations(api); got != "GET /photos, POST /photos, GET /own, OPTIONS /own, GET /off, OPTIONS /photos" {
		t.Fatalf("operations %s", got)
	}
	op := operation(t, api, "OPTIONS /photos")
	g := op.Generated
	if g == nil || g.By != "Serverless cors" || g.Pointer != "/functions/list/events/0/http/cors" || importtest.Pos(g.Span) != "10:11" ||
		op.Pointer != g.Pointer || importtest.Pos(op.Span) != "10:11" {
		t.Fatalf("generated %+v at %s %s", g, op.Pointer, importtest.Pos(op.Span))
	}
	in := op.Integration
	if in.Type.Value != model.Mock || in.Type.Raw != "MOCK" || !in.Type.Set || importtest.Pos(in.Type.Span) != "10:11" {
		t.Errorf("type %+v", in.Type)
	}
	if ch := in.ContentHandling; ch.Value != model.ConvertToText || !ch.Set || ch.Pointer != g.Pointer {
		t.Errorf("contentHandling %+v", ch)
	}
	if len(in.RequestTemplates) != 1 || in.RequestTemplates[0].Name.Raw != "application/json" || in.RequestTemplates[0].Value.Raw != "{statusCode:200}" {
		t.Errorf("request templates %+v", in.RequestTemplates)
	}
	if len(in.Responses) != 1 {
		t.Fatalf("responses %+v", in.Responses)
	}
	r := in.Responses[0]
	if r.StatusCode.Raw != "200" || r.ContentHandling.Set || len(r.ResponseTemplates) != 1 || r.ResponseTemplates[0].Value.Raw != "" ||
		!r.ResponseTemplates[0].Value.Set || importtest.Pos(r.StatusCode.Span) != "10:11" {
		t.Errorf("integration response %+v", r)
	}
	if len(op.Responses) != 1 || op.Responses[0].Status.Raw != "200" {
		t.Errorf("method responses %+v", op.Responses)
	}
	if op := operation(t, api, "OPTIONS /own"); op.Generated != nil {
		t.Error("an explicit OPTIONS event must be kept and nothing generated")
	}
}

// Several allowed origins make the preflight's response template pick the
// request's Origin.
func TestServerlessCORSOrigins(t *testing.T) {
	api := apiNamed(t, importService(t, `service: s
provider: {name: aws}
functions:
  f:
    handler: f.handler
    events:
      - http:
          path: a
          method: get
          cors:
            origins: ['https://app.example.com', 'https://*.example.org']
`), "ApiGatewayRestApi")
	tmpl := operation(t, api, "OPTIONS /a").Integration.Responses[0].ResponseTemplates[0].Value.Raw
	for _, want := range []string{`$input.params("Origin")`, `$origin.matches("https://app[.]example[.]com") || $origin.matches("https://.+[.]example[.]org")`} {
		if !strings.Contains(tmpl, want) {
			t.Errorf("template %q lacks %q", tmpl, want)
		}
	}
}

func TestServerlessHTTPAPI(t *testing.T) {
	apis := importService(t, `service: s
provider:
  name: aws
  httpApi: {payload: '1.0'}
  apiGateway: {binaryMediaTypes: ['*/*']}
functions:
  web:
    handler: web.handler
    events:
      - http: ANY /
      - httpApi: '*'
      - httpApi: GET /users/{id}
  v2:
    handler: v2.handler
    httpApi: {payload: '2.0'}
    events:
      - httpApi: {method: '*', path: /v2}
      - httpApi: {path: '*'}
`)
	if len(apis) != 2 {
		t.Fatalf("%d APIs", len(apis))
	}
	rest, http := apiNamed(t, apis, "ApiGatewayRestApi"), apiNamed(t, apis, "HttpApi")
	if importtest.Operations(rest) != "ANY /" || len(http.BinaryMediaTypes.Entries) != 0 {
		t.Errorf("REST %s; HTTP API binary media types %+v", importtest.Operations(rest), http.BinaryMediaTypes.Entries)
	}
	if http.Kind != model.HTTPAPI || http.Container != model.ContainerServerless || importtest.Pos(http.KindEvidence.Span) != "11:9" {
		t.Errorf("HTTP API %v %s %+v", http.Kind, http.Container, http.KindEvidence)
	}
	if got := importtest.Operations(http); got != "ANY $default, GET /users/{id}, ANY /v2, ANY $default" {
		t.Errorf("routes %s", got)
	}
	in := operation(t, http, "GET /users/{id}").Integration
	if in.Type.Value != model.AWSProxy || in.PayloadFormatVersion.Raw != "1.0" || importtest.Pos(in.PayloadFormatVersion.Span) != "4:22" {
		t.Errorf("integration %+v", in)
	}
	if pf := operation(t, http, "ANY /v2").Integration.PayloadFormatVersion; pf.Raw != "2.0" || importtest.Pos(pf.Span) != "15:24" {
		t.Errorf("the function's payload wins: %+v", pf)
	}
}

// Serverless variables stay unknown: an integration whose conversions
// depend on one is left out rather than guessed, a route or cors written
// as one is not modelled, and nothing is reported.
func TestServerlessVariables(t *testing.T) {
	api := apiNamed(t, importService(t, `service: s
provider:
  name: aws
  stage: ${opt:stage, 'dev'}
  apiGateway: ${file(apigw.yml)}
functions: 
  f:
    handler: f.handler
    events:
      - http:
          path: ${self:custom.base}/upload
          method: post
          integration: ${self:custom.kind}
      - http:
          path: convert
          method: post
          integration: lambda
          request:
            contentHandling: ${env:HANDLING}
      - http:
          path: file
          method: post
          integration: lambda
          request:
            template:
              application/json: ${file(templates/file.vtl)}
      - http: ${self:custom.route}
      - http:
          path: maybe
          method: get
          cors: ${self:custom.cors}
  g: ${file(functions/g.yml)}
`), "ApiGatewayRestApi")
	if got := importtest.Operations(api); got != "POST /${self:custom.base}/upload, POST /convert, POST /file, GET /maybe" {
		t.Errorf("operations %s", got)
	}
	if operation(t, api, "POST /${self:custom.base}/upload").Integration != nil || operation(t, api, "POST /convert").Integration != nil {
		t.Error("integrations that depend on variables must be left out")
	}
	tmpl := operation(t, api, "POST /file").Integration.RequestTemplates[0].Value
	if tmpl.Tag != "!serverless" || tmpl.Raw != "${file(templates/file.vtl)}" {
		t.Errorf("template %+v", tmpl)
	}
	if got := originTexts(api.BinaryMediaTypes.Entries); got != "?(provider.apiGateway.binaryMediaTypes)@5:15" {
		t.Errorf("provider.apiGateway written as a variable may set binary media types: %s", got)
	}
}

func TestServerlessBadInput(t *testing.T) {
	for name, c := range map[string]struct {
		src    string
		at     string
		msg    string
		routes string // what is still read
	}{
		"functions list of strings": {"service: s\nprovider: {name: aws}\nfunctions: [a]\n", "3:13", "an item of the functions list must be a map", ""},
		"functions string":          {"service: s\nprovider: {name: aws}\nfunctions: handler.js\n", "3:1", "functions must be a map of function names to functions, not the string", ""},
		"function string": {"service: s\nprovider: {name: aws}\nfunctions:\n  a: a.handler\n  b: {handler: b.handler, events: [{http: GET b}]}\n",
			"4:3", "function a must be a map", "GET /b"},
		"events map": {"service: s\nprovider: {name: aws}\nfunctions:\n  a:\n    handler: a.handler\n    events: {http: GET a}\n  b: {handler: b.handler, events: [{http: GET b}]}\n",
			"6:5", "events of function a must be a list, not a mapping", "GET /b"},
		"event string": {"service: s\nprovider: {name: aws}\nfunctions:\n  a:\n    handler: a.handler\n    events:\n      - http\n      - http: GET a\n",
			"7:9", "must be a map such as {http: GET /path}", "GET /a"},
		"http number": {"service: s\nprovider: {name: aws}\nfunctions:\n  a:\n    handler: a.handler\n    events:\n      - http: 42\n      - http: GET a\n",
			"7:9", "an http event must be \"METHOD path\" or a map with path and method, not the value 42", "GET /a"},
		"http list": {"service: s\nprovider: {name: aws}\nfunctions:\n  a:\n    handler: a.handler\n    events:\n      - http: [GET, a]\n      - http: GET a\n",
			"7:9", "not a list", "GET /a"},
		"http one word": {"service: s\nprovider: {name: aws}\nfunctions:\n  a:\n    handler: a.handler\n    events:\n      - http: /a\n      - http: GET a\n",
			"7:9", `http event "/a" is not "METHOD path"`, "GET /a"},
		"http no method": {"service: s\nprovider: {name: aws}\nfunctions:\n  a:\n    handler: a.handler\n    events:\n      - http: {path: a}\n      - http: GET a\n",
			"7:9", "needs a path and a method", "GET /a"},
		"httpApi bad": {"service: s\nprovider: {name: aws}\nfunctions:\n  a:\n    handler: a.handler\n    events:\n      - httpApi: GET a\n      - http: GET a\n",
			"7:9", `httpApi event "GET a" is not`, "GET /a"},
		"binary string": {"service: s\nprovider:\n  name: aws\n  apiGateway:\n    binaryMediaTypes: '*/*'\nfunctions:\n  a: {handler: a.handler, events: [{http: GET a}]}\n",
			"5:5", "provider.apiGateway.binaryMediaTypes must be a list of media types, not the string \"*/*\"", "GET /a"},
		"resources list of strings": {"service: s\nprovider: {name: aws}\nfunctions:\n  a: {handler: a.handler, events: [{http: GET a}]}\nresources: [x]\n",
			"5:13", "resources must be a map with Resources", "GET /a"},
	} {
		t.Run(name, func(t *testing.T) {
			res := importer.Bytes("serverless.yml", []byte(c.src), "", importer.Options{})
			if len(res.Diagnostics) != 1 {
				t.Fatalf("want one diagnostic, got %v", res.Diagnostics)
			}
			d := res.Diagnostics[0]
			if d.Rule != diag.RuleSyntax || d.Severity != diag.Error || importtest.Pos(d.Span) != c.at || !strings.Contains(d.Message, c.msg) {
				t.Errorf("got %s %s %q, want a syntax error at %s saying %q", d.Rule, importtest.Pos(d.Span), d.Message, c.at, c.msg)
			}
			var routes []string
			for _, api := range res.APIs {
				if ops := importtest.Operations(api); ops != "" {
					routes = append(routes, ops)
				}
			}
			if got := strings.Join(routes, "; "); got != c.routes {
				t.Errorf("read %q, want %q", got, c.routes)
			}
		})
	}
}

// Azure's and Google's serverless.yml have http events too, of other
// shapes (http: true); they are not API Gateway.
func TestServerlessOtherProviders(t *testing.T) {
	res := importer.Bytes("serverless.yml", []byte("service: s\nprovider: {name: azure}\nfunctions:\n  a:\n    handler: a.handler\n    events:\n      - http: true\n"), "", importer.Options{})
	if len(res.Diagnostics) != 0 || len(res.APIs) != 0 {
		t.Errorf("diagnostics %v, %d APIs", res.Diagnostics, len(res.APIs))
	}
}

// corpusDir holds the real-world files of ../shared/corpus (SOURCES.md).
const corpusDir = "../../../../shared/corpus"

// Every serverless.yml of the corpus imports without a panic or a
// diagnostic, into what SOURCES.md describes and the file says.
func TestServerlessCorpus(t *testing.T) {
	want := map[string]struct {
		apis               int
		ops, withPreflight int // of all APIs
		binary             []string
	}{
		// apigwBinary plugin types; hello has cors: true; region at the top level is ignored.
		"serverless-apigw-binary-text-html.yml": {1, 3, 4, []string{"image/jpeg", "text/html", "application/pdf"}},
		// http (REST) and httpApi (HTTP API, '*' is $default) events.
		"serverless-bref-demo.yml": {2, 4, 4, []string{"*/*"}},
		// The binary list is set by a CloudFormation override without Type.
		"serverless-chrome-cfn-override-wildcard.yml": {1, 4, 4, []string{"*/*"}},
		// No binary media types; tarGet is integration: lambda.
		"serverless-codebox-npm.yml":          {1, 9, 9, nil},
		"serverless-examples-nuxt-ssr.yml":    {1, 2, 2, []string{"*/*"}},
		"serverless-ng-toolkit-universal.yml": {1, 2, 2, []string{"*/*"}},
		"serverless-offline-pdf.yml":          {1, 1, 1, []string{"application/pdf"}},
		// No http events: the routes come from a plugin's custom settings.
		"serverless-s3-service-proxy-tutorial.yml":     {1, 0, 0, []string{"image/png", "image/jpg", "image/jpeg", "image/gif", "image/x-icon", "application/octet-stream"}},
		"serverless-static-file-handler-basic.yml":     {2, 4, 4, []string{"application/*", "audio/*", "font/*", "image/*", "video/*"}},
		"serverless-static-file-handler-demo-2018.yml": {1, 4, 4, []string{"image/png", "image/jpeg", "*/*"}},
	}
	files, _ := filepath.Glob(filepath.Join(corpusDir, "serverless-*.yml"))
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skip("corpus not available")
	}
	if len(files) != len(want) {
		t.Errorf("%d serverless files in the corpus, %d expected", len(files), len(want))
	}
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			w, ok := want[name]
			if !ok {
				t.Fatal("a corpus file this test does not know")
			}
			res := importer.File(path, importer.Options{})
			if res.Container != model.ContainerServerless || len(res.Diagnostics) > 0 {
				t.Fatalf("container %q, diagnostics %v", res.Container, res.Diagnostics)
			}
			var ops, generated int
			var binary []string
			for _, api := range res.APIs {
				for _, op := range api.Operations {
					if op.Generated != nil {
						generated++
					} else {
						ops++
					}
				}
				for _, e := range api.BinaryMediaTypes.Entries {
					binary = append(binary, e.Value)
				}
			}
			if len(res.APIs) != w.apis || ops != w.ops || ops+generated != w.withPreflight || strings.Join(binary, " ") != strings.Join(w.binary, " ") {
				t.Errorf("%d APIs, %d operations (%d with preflights), binary %v; want %d, %d (%d), %v",
					len(res.APIs), ops, ops+generated, binary, w.apis, w.ops, w.withPreflight, w.binary)
			}
		})
	}
}
