# CONVERT_TO_BINARY on an integration whose method takes JSON: the JSON
# is base64-decoded, and fails.

resource "aws_api_gateway_rest_api" "files" {
  name = "files"
}

resource "aws_api_gateway_resource" "files" {
  rest_api_id = aws_api_gateway_rest_api.files.id
  parent_id   = aws_api_gateway_rest_api.files.root_resource_id
  path_part   = "files"
}

resource "aws_api_gateway_method" "upload" {
  rest_api_id   = aws_api_gateway_rest_api.files.id
  resource_id   = aws_api_gateway_resource.files.id
  http_method   = "PUT"
  authorization = "NONE"

  request_models = {
    "application/json" = "Empty"
  }
}

resource "aws_api_gateway_integration" "upload" {
  rest_api_id             = aws_api_gateway_rest_api.files.id
  resource_id             = aws_api_gateway_resource.files.id
  http_method             = aws_api_gateway_method.upload.http_method
  type                    = "AWS"
  integration_http_method = "PUT"
  uri                     = "arn:aws:apigateway:us-east-1:s3:path/files-bucket/upload"
}
