module github.com/apigw-oas/apigw-oas

go 1.24

require (
	github.com/urfave/cli/v3 v3.14.0
	go.yaml.in/yaml/v3 v3.0.6
)
