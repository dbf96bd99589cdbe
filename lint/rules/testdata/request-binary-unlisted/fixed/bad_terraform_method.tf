# The method takes PNG uploads, and the API lists no binary media type:
# API Gateway reads them as UTF-8 text.

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
  http_method   = "PUT"
  authorization = "NONE"

  request_models = {
    "image/png" = "Empty"
  }
}

resource "aws_api_gateway_integration" "upload" {
  rest_api_id             = aws_api_gateway_rest_api.photos.id
  resource_id             = aws_api_gateway_resource.photos.id
  http_method             = aws_api_gateway_method.upload.http_method
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:store/invocations"
}
