# A file extension and a bare type are not media types.

resource "aws_api_gateway_rest_api" "files" {
  name               = "files"
  binary_media_types = ["*.png", "application"]
}
