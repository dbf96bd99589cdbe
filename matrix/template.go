package matrix

import (
	"strconv"
	"strings"

	"github.com/apigw-oas/apigw-oas/internal/lazyregexp"
	"github.com/apigw-oas/apigw-oas/mediatype"
)

// requestTemplate finds the request template keyed by the Content-Type's
// media type (parameters dropped, case ignored).
func requestTemplate(templates []Template, contentType string) (Template, bool) {
	want := mediatype.EssenceOf(contentType)
	for _, t := range templates {
		if mediatype.EssenceOf(t.ContentType) == want {
			return t, true
		}
	}
	return Template{}, false
}

// responseTemplate picks the response template as API Gateway documents:
// the one for the first Accept media range, else application/json, else
// the only one there is.
func responseTemplate(templates []Template, acceptFirst string) (Template, bool) {
	for _, want := range []string{mediatype.EssenceOf(acceptFirst), "application/json"} {
		for _, t := range templates {
			if want != "" && mediatype.EssenceOf(t.ContentType) == want {
				return t, true
			}
		}
	}
	if len(templates) == 1 {
		return templates[0], true
	}
	return Template{}, false
}

// render evaluates the part of VTL the simulator knows: $input.body (also
// written ${input.body}) becomes the payload as text, and $input.json('$')
// the payload as JSON (a JSON payload as it is). #set directives of
// $context.responseOverride are removed (responseOverride applies them).
// Everything else is left as written; an empty template yields an empty
// body.
func render(template string, payload []byte) []byte {
	text := template
	if strings.Contains(text, "#set") { // most templates have none: skip the expression
		text = overrideStatus.ReplaceAllString(text, "")
	}
	return expandBody(text, payload)
}

// bodyReferences are the ways a template writes the payload.
var bodyReferences = []string{"${input.body}", "$input.body", `$input.json('$')`, `$input.json("$")`}

// expandBody replaces each body reference in text by the payload, left to
// right, the payload itself not read again: what a strings.Replacer of
// bodyReferences does (no two of them start at the same place), without
// building one for each of the thousands of templates a large definition
// renders.
func expandBody(text string, payload []byte) []byte {
	out := make([]byte, 0, len(text))
	for {
		i := strings.IndexByte(text, '$')
		if i < 0 {
			return append(out, text...)
		}
		out, text = append(out, text[:i]...), text[i:]
		ref := ""
		for _, r := range bodyReferences {
			if strings.HasPrefix(text, r) {
				ref = r
				break
			}
		}
		if ref == "" {
			out, text = append(out, '$'), text[1:]
			continue
		}
		out, text = append(out, payload...), text[len(ref):]
	}
}

// overrideStatus is a template's unconditional
// #set($context.responseOverride.status = 444), which sets the status the
// client receives (recorded, from a request or a response template).
var overrideStatus = lazyregexp.New(`#set\(\s*\$context\.responseOverride\.status\s*=\s*(\d{3})\s*\)[ \t]*\n?`)

// responseOverride applies a template's status override to an outcome
// that was not rejected.
func responseOverride(res *Outcome, template string) {
	m := overrideStatus.FindStringSubmatch(template)
	if m == nil || res.Action == Rejected {
		return
	}
	res.Status, _ = strconv.Atoi(m[1])
	res.overridden = true
	res.step("the template sets $context.responseOverride.status, so the client gets " + m[1])
}
