package matrix

import (
	"strings"

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
// written ${input.body}) becomes the payload as text. Everything else is
// left as written; an empty template yields an empty body.
func render(template string, payload []byte) []byte {
	text := strings.NewReplacer("${input.body}", string(payload), "$input.body", string(payload)).Replace(template)
	return []byte(text)
}
