# templatefile() fills in api.yaml's ${…} when Terraform plans.
resource "aws_api_gateway_rest_api" "images" {
  name = "images"
  body = templatefile("${path.module}/api.yaml", {
    api_version = "1"
    domain_name = "images.example.com"
  })
}
