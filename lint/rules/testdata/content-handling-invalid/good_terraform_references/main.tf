# contentHandling set from variables, locals and other resources'
# attributes that Terraform computes: unknown here, never invalid.
variable "request_handling" {
  type = string
}

resource "aws_api_gateway_rest_api" "files" {
  name               = "files"
  binary_media_types = ["application/octet-stream"]
}

resource "aws_api_gateway_resource" "file" {
  rest_api_id = aws_api_gateway_rest_api.files.id
  parent_id   = aws_api_gateway_rest_api.files.root_resource_id
  path_part   = "file"
}

resource "aws_api_gateway_method" "put" {
  rest_api_id   = aws_api_gateway_rest_api.files.id
  resource_id   = aws_api_gateway_resource.file.id
  http_method   = "PUT"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "put" {
  rest_api_id             = aws_api_gateway_rest_api.files.id
  resource_id             = aws_api_gateway_resource.file.id
  http_method             = aws_api_gateway_method.put.http_method
  type                    = "AWS"
  integration_http_method = "PUT"
  uri                     = "arn:aws:apigateway:eu-west-1:s3:path/files/{key}"
  content_handling        = var.request_handling
}

resource "aws_api_gateway_integration_response" "ok" {
  rest_api_id      = aws_api_gateway_rest_api.files.id
  resource_id      = aws_api_gateway_resource.file.id
  http_method      = aws_api_gateway_method.put.http_method
  status_code      = "200"
  content_handling = terraform_data.settings.output
}

resource "terraform_data" "settings" {
  input = var.request_handling
}
