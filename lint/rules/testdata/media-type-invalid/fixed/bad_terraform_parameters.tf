# Parameters and spaces are part of what API Gateway compares: these two
# never match a request.

resource "aws_api_gateway_rest_api" "media" {
  name               = "media-library"
  binary_media_types = ["application/pdf", "image/jpeg", "image/png"]
}
