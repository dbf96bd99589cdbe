package importer

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/model"
)

// corpusAPI is what one API of a corpus file must be: its name, kind, the
// effective binary media types ("?" for one computed at deploy time), and
// its operations, written and generated (CORS preflights).
type corpusAPI struct {
	name      string
	kind      string
	binary    string
	ops       int
	generated int
}

// corpusFile is what a corpus file must yield. syntax counts the syntax
// diagnostics it must have (duplicate keys are real mistakes in two files).
type corpusFile struct {
	format string
	apis   []corpusAPI
	syntax int
}

// corpusTable lists every file of ../shared/corpus. The expectations were
// worked out by reading each file and SOURCES.md, independently of this
// importer; where the two first disagreed, the file was read again and the
// deployment tool's behaviour checked (notes below).
var corpusTable = map[string]corpusFile{
	"cfn-localstack-apigateway.json":         {"cloudformation", []corpusAPI{{"AGRA16EMH", "rest", "image/jpg image/png", 0, 0}}, 0},
	"cfn-localstack-integration-from-s3.yml": {"cloudformation", []corpusAPI{{"ApiGatewayRestApi", "rest", "image/gif application/pdf", 0, 0}}, 0},
	// RestApiId/ResourceId are plain strings ("TestApi"), which
	// CloudFormation passes on as physical IDs, not references: no method
	// belongs to the template's API.
	"cfn-samcli-methods-resources.yaml":        {"cloudformation", []corpusAPI{{"TestApi", "rest", "", 0, 0}}, 0},
	"cfn-samcli-serverless-sample-output.yaml": {"cloudformation", []corpusAPI{{"ApiGatewayRestApi", "rest", "", 2, 0}}, 0},
	"cfn-samcli-swagger-rest-api-body.yaml":    {"cloudformation", []corpusAPI{{"MyApi", "rest", "image/gif", 7, 0}}, 0},
	// SAM's output: the body's extension (un-escaped) and the RestApi's
	// raw BinaryMediaTypes (still ~1, as SAM passes them on).
	"cfn-samtranslator-output-binary-definition-body.json": {"cloudformation", []corpusAPI{
		{"ExplicitApiDefinitionBody", "rest", "image/jpeg image/jpg image/png application/json image~1jpeg image~1jpg image~1png application~1json", 0, 0},
		{"ExplicitApiManagedSwagger", "rest", "image/jpeg image/jpg image/png image/gif image~1jpeg image~1jpg image~1png image~1gif", 0, 0},
	}, 0},
	"cfn-sih-cdk-synth.template.json":         {"cloudformation", []corpusAPI{{"BackEndImageHandlerCloudFrontApiGatewayLambdaLambdaRestApi5A77D109", "rest", "*/*", 2, 0}}, 0},
	"cfn-sih-v4.2-inline-body.template.json":  {"cloudformation", []corpusAPI{{"ImageHandlerApi", "rest", "*/*", 1, 0}}, 0},
	"cfn-tachyon-2020-convert-to-binary.json": {"cloudformation", []corpusAPI{{"ApiGatewayRestApi", "rest", "image/*", 1, 0}}, 1},

	"oas3-localstack-tf-api-definition.yaml":          {"openapi-3.0", []corpusAPI{{"", "rest", "", 2, 0}}, 0},
	"oas3-localstack-tf-spec.json":                    {"openapi-3.0", []corpusAPI{{"", "rest", "", 2, 0}}, 0},
	"oas3-smithy-cors-preflight-convert-to-text.json": {"openapi-3.0", []corpusAPI{{"", "rest", "", 3, 0}}, 0},
	"oas3-sp-api-lambda-ses-export.yml":               {"openapi-3.0", []corpusAPI{{"", "rest", "", 1, 0}}, 0},
	"oas3-sp-mappingtemplate-export.yaml":             {"openapi-3.0", []corpusAPI{{"", "rest", "", 1, 0}}, 0},
	"oas3-tftpl-docker-deploy.yaml.tpl":               {"openapi-3.0", []corpusAPI{{"", "rest", "*/*", 4, 0}}, 0},
	"oas3-tftpl-jmap-service.yaml":                    {"openapi-3.0", []corpusAPI{{"", "rest", "", 12, 0}}, 0},

	"sam-ase-basic-starter-v1.yaml": {"sam", []corpusAPI{{"ExpressApi", "rest", "*/*", 2, 0}}, 0},
	// Globals Cors: one preflight for each of the 25 paths the 26 events
	// use.
	"sam-samcli-start-api-globals.yaml": {"sam", []corpusAPI{{"ServerlessRestApi", "rest", "image/gif image/png", 26, 25}}, 0},
	// BinaryMediaTypes replaces the body's [image/gif]; the API has its own
	// DefinitionBody, so SAM adds no event routes to it (MergeDefinitions
	// is not set) and Cors covers the body's 11 paths.
	"sam-samcli-swagger-template.yaml": {"sam", []corpusAPI{{"MyApi", "rest", "image/png", 11, 11}}, 0},
	// No Transform line, recognised by its AWS::Serverless:: types; a !Ref
	// parameter in the Globals list.
	"sam-samtranslator-input-binary-definition-body.yaml": {"sam", []corpusAPI{
		// The first entry is !Ref BMT, read as its Default (image~1jpeg, un-escaped by SAM).
		{"ExplicitApiManagedSwagger", "rest", "image/jpeg image/jpg image/png image/gif", 0, 0},
		{"ExplicitApiDefinitionBody", "rest", "image/jpeg image/jpg image/png application/json", 0, 0},
	}, 0},
	"sam-sar-image-resizer.yaml":               {"sam", []corpusAPI{{"Api", "rest", "*/*", 1, 0}}, 0},
	"sam-sar-uploader.yaml":                    {"sam", []corpusAPI{{"ServerlessRestApi", "rest", "*/*", 3, 0}}, 0},
	"sam-serverless-iiif-definitionbody.yml":   {"sam", []corpusAPI{{"IiifApi", "rest", "*/*", 6, 0}}, 0},
	"sam-sp-apigw-direct-s3-dotnet.yaml":       {"sam", []corpusAPI{{"RestApi", "rest", "application/octet-stream image/jpeg", 2, 0}}, 0},
	"sam-sp-dynamic-bedrock-wildcard.yaml":     {"sam", []corpusAPI{{"bedrockAPI", "rest", "*/*", 5, 0}}, 0},
	"sam-sp-private-api-vpclink-wildcard.yaml": {"sam", []corpusAPI{{"MyApi", "rest", "*/*", 2, 0}}, 1},

	"swagger2-ase-simple-proxy-2017.yaml":  {"openapi-2.0", []corpusAPI{{"", "rest", "*/*", 4, 0}}, 0},
	"swagger2-ase-simple-proxy-fixed.yaml": {"openapi-2.0", []corpusAPI{{"", "rest", "*/*", 4, 0}}, 0},
	"swagger2-localstack-pets.json":        {"openapi-2.0", []corpusAPI{{"", "rest", "image/png image/jpg", 2, 0}}, 0},
	"swagger2-sih-v5-api.json":             {"openapi-2.0", []corpusAPI{{"", "rest", "*/*", 1, 0}}, 0},

	"serverless-apigw-binary-text-html.yml": {"serverless", []corpusAPI{{"ApiGatewayRestApi", "rest", "image/jpeg text/html application/pdf", 3, 1}}, 0},
	// An http event and an httpApi event: one REST API, one HTTP API.
	"serverless-bref-demo.yml": {"serverless", []corpusAPI{{"ApiGatewayRestApi", "rest", "*/*", 2, 0}, {"HttpApi", "http", "", 2, 0}}, 0},
	// */* comes from a resources override of ApiGatewayRestApi.
	"serverless-chrome-cfn-override-wildcard.yml": {"serverless", []corpusAPI{{"ApiGatewayRestApi", "rest", "*/*", 4, 0}}, 0},
	"serverless-codebox-npm.yml":                  {"serverless", []corpusAPI{{"ApiGatewayRestApi", "rest", "", 9, 0}}, 0},
	"serverless-examples-nuxt-ssr.yml":            {"serverless", []corpusAPI{{"ApiGatewayRestApi", "rest", "*/*", 2, 0}}, 0},
	// SOURCES.md says the root path has no event; line 38 has one (ANY /).
	"serverless-ng-toolkit-universal.yml": {"serverless", []corpusAPI{{"ApiGatewayRestApi", "rest", "*/*", 2, 0}}, 0},
	"serverless-offline-pdf.yml":          {"serverless", []corpusAPI{{"ApiGatewayRestApi", "rest", "application/pdf", 1, 0}}, 0},
	// The routes come from a plugin (serverless-apigateway-service-proxy),
	// which is not read; the binary types are the service's own.
	"serverless-s3-service-proxy-tutorial.yml":     {"serverless", []corpusAPI{{"ApiGatewayRestApi", "rest", "image/png image/jpg image/jpeg image/gif image/x-icon application/octet-stream", 0, 0}}, 0},
	"serverless-static-file-handler-basic.yml":     {"serverless", []corpusAPI{{"ApiGatewayRestApi", "rest", "application/* audio/* font/* image/* video/*", 2, 0}, {"HttpApi", "http", "", 2, 0}}, 0},
	"serverless-static-file-handler-demo-2018.yml": {"serverless", []corpusAPI{{"ApiGatewayRestApi", "rest", "image/png image/jpeg */*", 4, 0}}, 0},

	// Integrations of an API declared in another file: no API here.
	"tf-addresscloud-tile-integrations.tf": {"", nil, 0},
	"tf-addresscloud-tile-variables.tf":    {"", nil, 0},
	// The body is jsonencode(local.…) from the module's other file; its
	// binary list is literal, its paths come from for expressions, which
	// are not evaluated.
	"tf-braintrust-api-gateway.tf":               {"terraform", []corpusAPI{{"aws_api_gateway_rest_api.api", "rest", "*/* application/json application/octet-stream application/x-tar application/zip audio/basic audio/ogg audio/mp4 audio/mpeg audio/wav audio/webm image/png image/jpg image/jpeg image/gif video/ogg video/mpeg video/webm", 0, 0}}, 0},
	"tf-braintrust-hcl-openapi-spec.tf":          {"", nil, 0},
	"tf-defense-finder-wildcard-mock-options.tf": {"terraform", []corpusAPI{{"aws_api_gateway_rest_api.df-gateway", "rest", "*/*", 2, 0}}, 0},
	"tf-gigaproxy-jsonencode-oas3.tf":            {"terraform", []corpusAPI{{"aws_api_gateway_rest_api.gigaproxy-api", "rest", "image/jpg image/gif image/png", 1, 0}}, 0},
	// templatefile("${path.module}/openapi.yaml") names a file the corpus
	// does not have (it holds it as oas3-tftpl-jmap-service.yaml): reported.
	"tf-jmap-service-apigateway.tf": {"terraform", []corpusAPI{{"aws_api_gateway_rest_api.api", "rest", "application/octet-stream message/rfc822", 0, 0}}, 1},
	// The body is a template_file data source: unknown.
	"tf-nulterra-iiif.tf": {"terraform", []corpusAPI{{"aws_api_gateway_rest_api.iiif_api", "rest", "*/*", 0, 0}}, 0},
	// A module whose method belongs to var.api_id, the API its caller
	// passes in: its binary media types are the caller's, unknown here.
	"tf-squidfunk-enable-cors-main.tf": {"terraform", []corpusAPI{{"var.api_id", "rest", "?", 1, 0}}, 0},
}

// TestCorpusTable imports every corpus file and compares it with the table;
// a corpus file missing from the table fails the test.
func TestCorpusTable(t *testing.T) {
	entries, err := os.ReadDir(corpusDir)
	if err != nil {
		t.Skipf("corpus not available: %v", err)
	}
	for _, e := range entries {
		name := e.Name()
		if name == "SOURCES.md" {
			continue
		}
		t.Run(name, func(t *testing.T) {
			want, ok := corpusTable[name]
			if !ok {
				t.Fatalf("not in the corpus table")
			}
			res := File(filepath.Join(corpusDir, name), Options{})
			syntax := 0
			for _, d := range res.Diagnostics {
				if d.Rule == diag.RuleSyntax {
					syntax++
				}
			}
			format := string(res.Container) + string(res.Format) // at most one is set
			if format != want.format || syntax != want.syntax {
				t.Errorf("format %q with %d syntax diagnostics, want %q with %d: %v", format, syntax, want.format, want.syntax, res.Diagnostics)
			}
			var got []corpusAPI
			for _, a := range res.APIs {
				got = append(got, summarize(a))
			}
			if !slices.Equal(got, want.apis) {
				t.Errorf("APIs:\n got %+v\nwant %+v", got, want.apis)
			}
		})
	}
}

func summarize(a *model.API) corpusAPI {
	var binary []string
	for _, e := range a.BinaryMediaTypes.Entries {
		if e.Unknown {
			binary = append(binary, "?")
		} else {
			binary = append(binary, e.Value)
		}
	}
	s := corpusAPI{name: a.Name, kind: a.Kind.String(), binary: strings.Join(binary, " ")}
	for _, op := range a.Operations {
		if op.Generated != nil {
			s.generated++
		} else {
			s.ops++
		}
	}
	return s
}
