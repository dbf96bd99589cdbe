package apigateway_test

import (
	"testing"

	"github.com/apigw-oas/apigw-oas/importer/internal/importtest"
	"github.com/apigw-oas/apigw-oas/model"
)

// get-rest-api and get-resources output, each alone.
func TestControlPlane(t *testing.T) {
	restAPI := `{"id": "x1", "name": "files", "binaryMediaTypes": ["image/png"]}`
	resources := `{"items": [{"id": "r", "path": "/files", "resourceMethods": {"PUT": {"methodIntegration":
  {"type": "AWS", "contentHandling": "CONVERT_TO_BINARY", "integrationResponses": {"200": {"statusCode": "200"}, "400": {"statusCode": "400", "selectionPattern": "4\\d{2}"}}}}}}]}`
	api := importtest.All(t, "rest-api.json", restAPI)[0]
	if api.Name != "files" || importtest.EntryTexts(api.BinaryMediaTypes.Entries) != "image/png@001" || len(api.Operations) != 0 {
		t.Errorf("get-rest-api: %+v", api)
	}
	api = importtest.All(t, "resources.json", resources)[0]
	if !api.BinaryMediaTypes.HasUnknown() || importtest.Operations(api) != "PUT /files" {
		t.Errorf("get-resources alone must leave the list unknown: %+v", api.BinaryMediaTypes)
	}
	in := api.Operations[0].Integration
	if in.ContentHandling.Value != model.ConvertToBinary || in.Responses[0].Pattern.Raw != "default" || in.Responses[1].Pattern.Raw != `4\d{2}` {
		t.Errorf("integration: %+v", in)
	}
}
