# binary_media_types goes to API Gateway as written: ~1 is not a slash here.
resource "aws_api_gateway_rest_api" "photos" {
  name               = "photos"
  binary_media_types = ["image/png"]
}
