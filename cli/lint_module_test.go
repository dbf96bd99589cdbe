package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// A Terraform module read without its caller (the enable-cors pattern) is
// a definition whose API and path are its input variables: linting it, or
// one of its files, reports what does not depend on the caller's binary
// media types (exit 1), never "not an API definition" (exit 2). Linted
// with a root that calls it, the caller's reading reports it, once.
func TestLintTerraformModuleInputs(t *testing.T) {
	dir := t.TempDir()
	for _, f := range txtar.Parse([]byte(corsModule)).Files {
		write(t, dir, f.Name, f.Data)
	}
	t.Chdir(dir)
	invalid := "modules/cors/main.tf:12:22: error: contentHandling \"convert_to_text\" is not one of \"CONVERT_TO_TEXT\" and \"CONVERT_TO_BINARY\"; write \"CONVERT_TO_TEXT\" [content-handling-invalid]\n"
	preflight := "modules/cors/main.tf:14:5: error: the binary media type \"*/*\" matches application/json, so application/json requests are binary and cannot go through this request template: every one gets 500 (including every CORS preflight, which has no Content-Type and is taken as application/json); add contentHandling: CONVERT_TO_TEXT to the integration [template-receives-binary]\n"
	cases := []struct {
		args   []string
		code   int
		stdout string
	}{
		{[]string{"modules/cors"}, 1, invalid + "1 error, 0 warnings, 0 infos in 2 files\n"},
		{[]string{"modules/cors/main.tf"}, 1, invalid + "1 error, 0 warnings, 0 infos in 1 file\n"},
		// The integration response's file reports only what is written in it.
		{[]string{filepath.FromSlash("modules/cors/responses.tf")}, 0, "no problems in 1 file\n"},
		// With the caller, the module's MOCK is checked against its */*.
		{[]string{"."}, 1, invalid + preflight + "2 errors, 0 warnings, 0 infos in 1 file\n"},
		{[]string{"main.tf", "modules/cors/main.tf"}, 1, invalid + preflight + "2 errors, 0 warnings, 0 infos in 1 file\n"},
	}
	for _, c := range cases {
		code, stdout, stderr := run(t, "", append([]string{"lint", "--color", "never"}, c.args...)...)
		if code != c.code || stdout != c.stdout {
			t.Errorf("lint %s: exit %d, stdout:\n%s\nstderr: %s\nwant exit %d, stdout:\n%s", strings.Join(c.args, " "), code, stdout, stderr, c.code, c.stdout)
		}
	}
}

const corsModule = `
-- main.tf --
resource "aws_api_gateway_rest_api" "api" {
  name               = "photos"
  binary_media_types = ["*/*"]
}

resource "aws_api_gateway_resource" "photos" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  parent_id   = aws_api_gateway_rest_api.api.root_resource_id
  path_part   = "photos"
}

module "cors" {
  source      = "./modules/cors"
  rest_api_id = aws_api_gateway_rest_api.api.id
  resource_id = aws_api_gateway_resource.photos.id
}
-- modules/cors/variables.tf --
variable "rest_api_id" {
  type = string
}

variable "resource_id" {
  type = string
}
-- modules/cors/main.tf --
resource "aws_api_gateway_method" "options" {
  rest_api_id   = var.rest_api_id
  resource_id   = var.resource_id
  http_method   = "OPTIONS"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "options" {
  rest_api_id      = var.rest_api_id
  resource_id      = var.resource_id
  http_method      = aws_api_gateway_method.options.http_method
  content_handling = "convert_to_text"
  request_templates = {
    "application/json" = "{\"statusCode\": 200}"
  }
  type = "MOCK"
}
-- modules/cors/responses.tf --
resource "aws_api_gateway_integration_response" "options" {
  rest_api_id = var.rest_api_id
  resource_id = var.resource_id
  http_method = aws_api_gateway_method.options.http_method
  status_code = 200
}
`
