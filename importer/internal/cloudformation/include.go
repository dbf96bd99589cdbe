package cloudformation

import (
	"strings"

	"github.com/apigw-oas/apigw-oas/importer/internal/read"
	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

// definition reads the OpenAPI definition of an API resource from its body
// setting (a RestApi's Body, a SAM DefinitionBody): inline, or included
// from another file with Fn::Transform AWS::Include, the way teams keep
// one openapi.yaml beside the template. It returns nil when the resource
// has no body.
func (t *template) definition(r, body read.Value) *model.API {
	if !body.Exists() {
		return nil
	}
	name, arg, ok := read.Intrinsic(body)
	if !ok || name != "Fn::Transform" {
		return t.c.Body(body)
	}
	// Only AWS::Include's Location says where the definition is; another
	// macro computes it at deploy time.
	if macro, _ := read.Evaluate(arg.Get("Name")); macro == "AWS::Include" {
		return t.located(r, arg.Get("Parameters").Get("Location"))
	}
	return elsewhere(r, body)
}

// located reads a definition a setting names by location (DefinitionUri,
// AWS::Include's Location): a local file, which `sam package` and
// `aws cloudformation package` upload, is read under the $ref rules with
// positions in it; one in S3, or one computed at deploy time, is
// elsewhere.
func (t *template) located(r, location read.Value) *model.API {
	path, ok := read.Evaluate(location)
	if !ok || location.Node.Kind != source.Scalar || strings.HasPrefix(path, "s3://") {
		return elsewhere(r, location)
	}
	return t.c.File(location, path)
}

// elsewhere is an API whose definition is not in the files apigw-oas
// reads: its operations and binary settings are unknown.
func elsewhere(r, at read.Value) *model.API {
	return &model.API{Span: r.KeySpan(), Elsewhere: at.Str()}
}
