# Hyphens are not how passthrough_behavior values are written.

resource "aws_api_gateway_rest_api" "shipments" {
  name = "shipments"
}

resource "aws_api_gateway_resource" "shipments" {
  rest_api_id = aws_api_gateway_rest_api.shipments.id
  parent_id   = aws_api_gateway_rest_api.shipments.root_resource_id
  path_part   = "shipments"
}

resource "aws_api_gateway_method" "ship" {
  rest_api_id   = aws_api_gateway_rest_api.shipments.id
  resource_id   = aws_api_gateway_resource.shipments.id
  http_method   = "POST"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "ship" {
  rest_api_id             = aws_api_gateway_rest_api.shipments.id
  resource_id             = aws_api_gateway_resource.shipments.id
  http_method             = aws_api_gateway_method.ship.http_method
  type                    = "AWS"
  integration_http_method = "POST"
  uri                     = "arn:aws:apigateway:us-east-1:sqs:path/123456789012/shipments"
  passthrough_behavior    = "when-no-match"

  request_templates = {
    "application/json" = "Action=SendMessage&MessageBody=$util.urlEncode($input.body)"
  }
}
