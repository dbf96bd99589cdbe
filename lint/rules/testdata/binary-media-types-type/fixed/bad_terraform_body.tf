# The body's extension is a string, not a list.
resource "aws_api_gateway_rest_api" "photos" {
  name = "photos"
  body = jsonencode({
    openapi = "3.0.1"
    info    = { title = "photos", version = "1.0" }
    paths   = {}
    "x-amazon-apigateway-binary-media-types" = ["image/png"]
  })
}
