# CONVERT_TO_TEXT turns uploads into base64 for a template that never reads
# the body.

resource "aws_api_gateway_rest_api" "photos" {
  name = "photos"
  binary_media_types = ["image/png"]
}

resource "aws_api_gateway_resource" "photos" {
  rest_api_id = aws_api_gateway_rest_api.photos.id
  parent_id   = aws_api_gateway_rest_api.photos.root_resource_id
  path_part   = "photos"
}

resource "aws_api_gateway_method" "upload" {
  rest_api_id   = aws_api_gateway_rest_api.photos.id
  resource_id   = aws_api_gateway_resource.photos.id
  http_method   = "POST"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "upload" {
  rest_api_id             = aws_api_gateway_rest_api.photos.id
  resource_id             = aws_api_gateway_resource.photos.id
  http_method             = aws_api_gateway_method.upload.http_method
  type                    = "AWS"
  integration_http_method = "POST"
  uri                     = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:store/invocations"
  content_handling        = "CONVERT_TO_TEXT"

  request_templates = {
    "image/png" = jsonencode({ action = "store" })
  }
}
