package rules

import (
	"strings"

	"github.com/apigw-oas/apigw-oas/model"
)

// bodyReads are the VTL expressions that read the request or response
// body; $input.params() reads parameters, not the body, and
// $util.parseJson($input.body) contains $input.body.
var bodyReads = []string{"$input.body", "${input.body}", "$input.json(", "${input.json(", "$input.path(", "${input.path("}

// readsBody reports whether a mapping template reads the body. One whose
// text is not known here (a Serverless ${file(...)}, a Terraform reference,
// a CloudFormation intrinsic) may.
func readsBody(t model.Named) bool {
	if !t.Value.IsString() {
		return true
	}
	for _, use := range bodyReads {
		if strings.Contains(t.Value.Raw, use) {
			return true
		}
	}
	return false
}

// readsBodyAsText reports whether a template reads the body expecting the
// text a client or backend sends: one keyed by a type that is not binary
// content. (Base64 is what a template for image/png is meant to read.)
func readsBodyAsText(t model.Named) bool {
	return t.Value.IsString() && readsBody(t) && !isBinaryContent(t.Name.Raw)
}

func templateNames(ts []model.Named) string {
	names := make([]string, len(ts))
	for i, t := range ts {
		names[i] = t.Name.Raw
	}
	return listText(names)
}
