package walk

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// markerRegexp is the regular expression hasMarker replaced, kept as the
// definition of what it must find.
var markerRegexp = regexp.MustCompile(`(?m)^\s*["']?(openapi|swagger)["']?\s*:|x-amazon-apigateway-|` +
	`AWS::(ApiGateway|ApiGatewayV2|Serverless)::|"?aws_(api_gateway|apigatewayv2)_|` +
	`^\s*-\s*(http|httpApi)\s*:|^\s*apiGateway\s*:|"(binaryMediaTypes|resourceMethods)"`)

// markerCases are the edges of each alternative: quotes, spaces of every
// kind, blank lines before a line's start, what almost matches.
var markerCases = []string{
	"", "openapi: 3.0.1", "  openapi : 3", "\"openapi\": \"3.1.0\"", "{\"swagger\":\"2.0\"}", "{\n  \"swagger\" :\n\"2.0\"}",
	"'openapi': 3", "\"openapi': 3", "x: 1\n\t\r\f openapi:", "x: 1\n\n\nswagger\n:", "x openapi: 3", "xopenapi: 3",
	"openapi 3", "openapi", "'openapi", "\"\"openapi: 3", "openapis: 3", "\x0bopenapi: 3", "# openapi: 3",
	"a: x-amazon-apigateway-integration", "Type: AWS::ApiGateway::RestApi", "Type: AWS::ApiGatewayV2::Api",
	"AWS::ApiGatewayV3::Api", "AWS::Serverless::Function", "AWS::Serverless:", "resource \"aws_api_gateway_rest_api\"",
	"aws_apigatewayv2_api", "aws_apigateway_", "\"binaryMediaTypes\": []", "binaryMediaTypes: []", "\"resourceMethods\"",
	"events:\n  - http:\n", "events:\n  - httpApi: GET /", "- http\n  :", "-\n\nhttp:", "x - http:", "--http:",
	"- https://example.com", "url: http://x", "  -  httpApi  :", "- httpApis:", "- httpApi", "provider:\n  apiGateway:\n",
	"apiGateway :", "x apiGateway:", "apiGatewayV2:", "- apiGateway:", "http: http: - http",
}

func TestHasMarkerMatchesTheRegexp(t *testing.T) {
	texts := markerCases
	for _, pattern := range []string{"../fixtures/*", "../fixtures/*/*", "../lint/rules/testdata/*/*", "../../shared/corpus/*"} {
		files, _ := filepath.Glob(pattern)
		for _, f := range files {
			if data, err := os.ReadFile(f); err == nil {
				texts = append(texts, string(data))
			}
		}
	}
	if len(texts) < len(markerCases)+100 {
		t.Fatalf("only %d texts: the fixtures were not found", len(texts))
	}
	found := 0
	for _, text := range texts {
		want := markerRegexp.MatchString(text)
		if got := hasMarker([]byte(text)); got != want {
			t.Errorf("hasMarker(%.200q) = %v, the regexp says %v", text, got, want)
		}
		if want {
			found++
		}
	}
	if found == 0 || found == len(texts) {
		t.Errorf("%d of %d texts hold a marker: the texts test one answer only", found, len(texts))
	}
}

func FuzzHasMarker(f *testing.F) {
	for _, text := range markerCases {
		f.Add([]byte(text))
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		if got, want := hasMarker(text), markerRegexp.Match(text); got != want {
			t.Errorf("hasMarker(%q) = %v, the regexp says %v", text, got, want)
		}
	})
}
