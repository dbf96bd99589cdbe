package rules

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/lint"
	"github.com/apigw-oas/apigw-oas/matrix"
)

var LambdaSelectionPatternStatus = &lint.Rule{
	ID:       "lambda-selection-pattern-status",
	Category: lint.Integration,
	Severity: diag.Warning,
	Summary:  "a selection pattern written as a status code on a non-proxy Lambda integration, where patterns match the errorMessage",
	Fix:      "match the errorMessage the function raises (\".*\\[BadRequest\\].*\"), or use an aws_proxy integration, whose Lambda returns its own statusCode",
	Check: func(p *lint.Pass) {
		for _, op := range restOperations(p.API) {
			if !matrix.InvokesLambda(op.Integration) {
				continue
			}
			for _, r := range op.Integration.Responses {
				if r.Pattern.Raw == "default" || r.Pattern.Raw == "" || !statusShaped(r.Pattern.Raw) {
					continue
				}
				lint.Reportf(p, r.Pattern, op, "selection pattern %s matches only status codes, but on a non-proxy Lambda integration it is matched against the Lambda's errorMessage, so integration response %s is selected only for an error message of exactly those digits; match the errorMessage instead, such as %s",
					r.Pattern.Raw, r.StatusCode.Raw, taggedPattern(r.StatusCode.Raw))
			}
		}
	},
}

// errorMessages are messages a failing function raises; a pattern that
// matches none of them but matches a status code was written for a status.
var errorMessages = []string{"", "error", "Error: not found", "400 Bad Request", "Bad Request: 400", "[BadRequest] invalid input", "Task timed out after 3.00 seconds"}

// statusShaped reports whether a selection pattern matches a status code
// (100 to 599) and none of the messages a function raises.
func statusShaped(pattern string) bool {
	re, err := regexp.Compile("^(?:" + pattern + ")$")
	if err != nil {
		return false
	}
	for _, m := range errorMessages {
		if re.MatchString(m) {
			return false
		}
	}
	for code := 100; code < 600; code++ {
		if re.MatchString(strconv.Itoa(code)) {
			return true
		}
	}
	return false
}

// taggedPattern is a selection pattern for an errorMessage tagged with the
// status's reason ("[NotFound] no such order" for 404), as functions that
// raise errors for API Gateway commonly write them.
func taggedPattern(status string) string {
	code, _ := strconv.Atoi(status)
	tag := strings.ReplaceAll(reasonPhrase(code), " ", "")
	if tag == "" {
		tag = "Error"
	}
	return `.*\[` + tag + `\].*`
}
