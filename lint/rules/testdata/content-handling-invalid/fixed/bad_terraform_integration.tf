# content_handling is case-sensitive: lower case is not one of its values.

resource "aws_api_gateway_rest_api" "files" {
  name = "files"
  binary_media_types = ["application/octet-stream"]
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
}

resource "aws_api_gateway_integration" "upload" {
  rest_api_id             = aws_api_gateway_rest_api.files.id
  resource_id             = aws_api_gateway_resource.files.id
  http_method             = aws_api_gateway_method.upload.http_method
  type                    = "AWS"
  integration_http_method = "PUT"
  uri                     = "arn:aws:apigateway:us-east-1:s3:path/files-bucket/upload"
  content_handling        = "CONVERT_TO_BINARY"
}
