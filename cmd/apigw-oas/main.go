// Command apigw-oas checks how AWS API Gateway converts the request and
// response bodies of an API definition. See the README.
package main

import (
	"context"
	"os"

	"github.com/apigw-oas/apigw-oas/cli"
)

func main() {
	os.Exit(cli.Main(context.Background(), os.Args, os.Stdin, os.Stdout, os.Stderr))
}
