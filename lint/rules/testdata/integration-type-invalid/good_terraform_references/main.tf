# the integration type set from a variable, a local Terraform computes and another
# resource's attribute: unknown here, never invalid.
variable "setting" {
  type = string
}

locals {
  setting = lower(var.setting)
}

resource "aws_api_gateway_rest_api" "reports" {
  name = "reports"
}

resource "aws_api_gateway_resource" "reports" {
  rest_api_id = aws_api_gateway_rest_api.reports.id
  parent_id   = aws_api_gateway_rest_api.reports.root_resource_id
  path_part   = "reports"
}

resource "terraform_data" "settings" {
  input = var.setting
}

resource "aws_api_gateway_method" "m1" {
  rest_api_id   = aws_api_gateway_rest_api.reports.id
  resource_id   = aws_api_gateway_resource.reports.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "m1" {
  rest_api_id = aws_api_gateway_rest_api.reports.id
  resource_id = aws_api_gateway_resource.reports.id
  http_method = aws_api_gateway_method.m1.http_method
  type        = var.setting
}

resource "aws_api_gateway_method" "m2" {
  rest_api_id   = aws_api_gateway_rest_api.reports.id
  resource_id   = aws_api_gateway_resource.reports.id
  http_method   = "POST"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "m2" {
  rest_api_id = aws_api_gateway_rest_api.reports.id
  resource_id = aws_api_gateway_resource.reports.id
  http_method = aws_api_gateway_method.m2.http_method
  type        = local.setting
}

resource "aws_api_gateway_method" "m3" {
  rest_api_id   = aws_api_gateway_rest_api.reports.id
  resource_id   = aws_api_gateway_resource.reports.id
  http_method   = "PUT"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "m3" {
  rest_api_id = aws_api_gateway_rest_api.reports.id
  resource_id = aws_api_gateway_resource.reports.id
  http_method = aws_api_gateway_method.m3.http_method
  type        = terraform_data.settings.output
}
