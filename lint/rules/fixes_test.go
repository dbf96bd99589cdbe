package rules

import "testing"

// A Terraform integration or integration response resource is known by its
// pointer; a key inside one, or another resource, is not one.
func TestIsTerraformIntegration(t *testing.T) {
	for ptr, want := range map[string]bool{
		"/resource/aws_api_gateway_integration/get":              true,
		"/resource/aws_api_gateway_integration_response/get_200": true,
		"/resource/aws_api_gateway_integration/":                 false,
		"/resource/aws_api_gateway_integration/get/type":         false,
		"/resource/aws_api_gateway_integration_responses/get":    false,
		"/resource/aws_api_gateway_method/get":                   false,
		"/paths/~1a/get/x-amazon-apigateway-integration":         false,
		"/module/m/resource/aws_api_gateway_integration/get":     false,
	} {
		if got := isTerraformIntegration(ptr); got != want {
			t.Errorf("%s: %v, want %v", ptr, got, want)
		}
	}
}
