# Terraform interpolation in a body written in place with jsonencode.
variable "domain_name" {
  default = "images.example.com"
}

resource "aws_api_gateway_rest_api" "images" {
  name = "images"
  body = jsonencode({
    openapi = "3.0.1"
    info    = { title = "images", version = "${var.api_version}" }
    servers = [{
      url       = "https://${var.domain_name}/{basePath}"
      variables = { basePath = { default = "live" } }
    }]
    paths = {
      "/images" = {
        get = {
          responses = var.image_responses
        }
      }
    }
  })
}
