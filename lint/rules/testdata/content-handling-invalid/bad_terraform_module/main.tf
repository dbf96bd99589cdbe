# The upload route comes from a local module (uploads/): the finding, and
# its fix, are in uploads/upload.tf.

resource "aws_api_gateway_rest_api" "files" {
  name               = "files"
  binary_media_types = ["application/octet-stream"]
}

resource "aws_api_gateway_resource" "files" {
  rest_api_id = aws_api_gateway_rest_api.files.id
  parent_id   = aws_api_gateway_rest_api.files.root_resource_id
  path_part   = "files"
}

module "upload" {
  source      = "./uploads"
  api_id      = aws_api_gateway_rest_api.files.id
  resource_id = aws_api_gateway_resource.files.id
}
