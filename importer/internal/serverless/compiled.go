package serverless

import (
	"strings"

	"github.com/apigw-oas/apigw-oas/internal/lazyregexp"
	"github.com/apigw-oas/apigw-oas/model"
)

// compiledResources returns the AWS::ApiGateway::Resource resources the
// framework compiles for the service's http events, by logical ID: one
// for every prefix of every path (users, users/{id}), named
// ApiGatewayResource followed by each path part normalised
// (lib/plugins/aws/lib/naming.js getResourceLogicalId, normalizePath,
// normalizePathPart). A resources section may hang its own resources and
// methods under them ({Ref: ApiGatewayResourceUsersIdVar}).
func compiledResources(api *model.API) map[string]string {
	out := map[string]string{}
	if api == nil {
		return out
	}
	for _, op := range api.Operations {
		if op.Path == "/" || strings.Contains(op.Path, "${") {
			continue // the root is no resource; a variable path is unknown
		}
		parts := strings.Split(strings.TrimPrefix(op.Path, "/"), "/")
		id := "ApiGatewayResource"
		for i, part := range parts {
			id += normalizePathPart(part)
			out[id] = "/" + strings.Join(parts[:i+1], "/")
		}
	}
	return out
}

var (
	pathVariable = lazyregexp.New(`\{(.*)\}`)
	nonAlnum     = lazyregexp.New(`[^0-9A-Za-z]`)
)

// normalizePathPart is the framework's: the part capitalised (its first
// letter upper-cased, the rest lower-cased, as lodash's capitalize does),
// "-" spelled Dash, a {variable} spelled variableVar, every other
// character that is not a letter or digit dropped, and the first letter
// upper-cased again (so {id} becomes IdVar).
func normalizePathPart(part string) string {
	if part == "" {
		return ""
	}
	r := []rune(strings.ToLower(part))
	s := strings.ToUpper(string(r[0])) + string(r[1:])
	s = strings.ReplaceAll(s, "-", "Dash")
	s = pathVariable.ReplaceAllString(s, "${1}Var")
	s = nonAlnum.ReplaceAllString(s, "")
	if s == "" {
		return ""
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
