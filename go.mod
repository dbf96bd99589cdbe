module github.com/apigw-oas/apigw-oas

go 1.26.8

require go.yaml.in/yaml/v3 v3.0.6

require github.com/urfave/cli/v3 v3.14.0
