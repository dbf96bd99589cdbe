variable "api_id" {}
variable "resource_id" {}

resource "aws_api_gateway_method" "upload" {
  rest_api_id   = var.api_id
  resource_id   = var.resource_id
  http_method   = "PUT"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "upload" {
  rest_api_id             = var.api_id
  resource_id             = var.resource_id
  http_method             = aws_api_gateway_method.upload.http_method
  type                    = "AWS"
  integration_http_method = "PUT"
  uri                     = "arn:aws:apigateway:us-east-1:s3:path/files-bucket/upload"
  content_handling        = "convert_to_binary"
}
