package rules

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/apigw-oas/apigw-oas/clients"
	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/lint"
	"github.com/apigw-oas/apigw-oas/matrix"
	"github.com/apigw-oas/apigw-oas/mediatype"
	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

// defaultBrowsers are the browsers the rule checks unless the "browsers"
// option names others.
var defaultBrowsers = []string{"Chrome", "Edge", "Firefox", "Safari"}

var BrowserAcceptUnmatched = &lint.Rule{
	ID:       "browser-accept-unmatched",
	Category: lint.Responses,
	Severity: diag.Warning,
	Summary:  "browsers loading the operation's binary content send a first Accept media range no entry matches, so they get text",
	Fix:      "add the entry the message names (image/* covers every <img> request; navigation needs text/html or */*, which makes all HTML binary)",
	Autofix:  diag.Unsafe,
	Options: []lint.Option{{
		Name:    "browsers",
		Summary: "the browsers to check, a list of Chrome, Edge, Firefox and Safari (default: all four)",
		Parse:   parseBrowsers,
	}},
	Check: func(p *lint.Pass) {
		if p.API.BinaryMediaTypes.HasUnknown() {
			return // an entry computed at deploy time may match
		}
		browsers := browsersOption(p)
		for _, op := range restOperations(p.API) {
			for _, mt := range producedBinary(op) {
				ctx := browserContext(mt.Value)
				if ctx == "" {
					continue
				}
				cfg := matrix.ConfigFor(p.API, op)
				failing := failingBrowsers(cfg, mt.Value, ctx, browsers)
				if len(failing) > 0 {
					advice, fix := suggestion(p.API, ctx, mt.Span.File)
					reportFixable(p, mt.Field, op, fix, "browsers get %s from %s as %s, not binary: API Gateway reads only the first Accept media range, and %s; %s",
						mt.Value, op.Name(), receivedAs(matrix.ServeBinary(cfg, failing[0].Accept, mt.Value)), describeFailures(failing), advice)
				}
			}
		}
	},
}

// browserContext says how browsers load a media type: images by <img>,
// documents (PDF and the like) by navigation; "" for neither.
func browserContext(mediaType string) string {
	t, _ := mediatype.Parse(mediaType)
	switch e := t.Essence(); {
	case t.Type == "image":
		return "<img>"
	case e == "application/pdf", strings.HasPrefix(e, "video/"), strings.HasPrefix(e, "audio/"):
		return "navigation"
	}
	return ""
}

// failingBrowsers simulates each chosen browser loading the media type and
// returns those that do not get binary because their first Accept range
// matches no entry. (A browser whose Accept matches but that still gets
// text is held back by contentHandling, not by this rule's cause.)
func failingBrowsers(cfg matrix.Config, mediaType, ctx string, browsers []string) []clients.Profile {
	var out []clients.Profile
	for _, prof := range clients.Profiles {
		if !prof.Browser || prof.Context != ctx || !slices.Contains(browsers, prof.Client) {
			continue
		}
		r := matrix.ServeBinary(cfg, prof.Accept, mediaType)
		if r.Status < 400 && !*r.AcceptsBinary && !r.ClientGetsBinary() {
			out = append(out, prof)
		}
	}
	return out
}

// receivedAs names what a browser that does not get binary receives: the
// base64 text, or (when the payload itself is text to API Gateway, its
// type being unlisted) the bytes read as UTF-8.
func receivedAs(r *matrix.Outcome) string {
	if r.Action == matrix.AsText {
		return "UTF-8 text with invalid bytes replaced"
	}
	return "base64 text"
}

// describeFailures groups browsers by the first media range they send:
// "for <img>, Chrome, Edge and Firefox send image/avif first and Safari
// sends image/webp first".
func describeFailures(fs []clients.Profile) string {
	byFirst := map[string][]string{}
	var firsts []string
	for _, f := range fs {
		first, _ := mediatype.FirstRange(f.Accept)
		if byFirst[first] == nil {
			firsts = append(firsts, first)
		}
		byFirst[first] = append(byFirst[first], f.Client)
	}
	sort.Strings(firsts)
	parts := make([]string, len(firsts))
	for i, first := range firsts {
		verb := "send"
		if len(byFirst[first]) == 1 {
			verb = "sends"
		}
		parts[i] = fmt.Sprintf("%s %s %s first", listText(byFirst[first]), verb, first)
	}
	return "for " + fs[0].Context + ", " + listText(parts)
}

// suggestion names the narrowest change that fixes every failing browser.
func suggestion(api *model.API, ctx, file string) (string, *diag.Fix) {
	if ctx == "<img>" {
		return imageWildcard(api, file)
	}
	return `only "text/html" or "*/*" in ` + binaryList(api) + ` would match, and either makes every HTML response binary; link to it for download with fetch() and an explicit Accept instead, or accept that browsers cannot open it directly`, nil
}

func browsersOption(p *lint.Pass) []string {
	if list, ok := p.Option("browsers").([]string); ok {
		return list
	}
	return defaultBrowsers
}

// parseBrowsers reads the browsers option: a list of known browser names.
func parseBrowsers(n *source.Node) (any, error) {
	if n.Kind != source.Sequence {
		return nil, fmt.Errorf("want a list of browsers such as [Chrome, Safari]")
	}
	var out []string
	for _, item := range n.Content {
		if !slices.Contains(defaultBrowsers, item.Value) { // spelt as the schema's enum: exactly
			return nil, &lint.OptionError{At: item, Message: fmt.Sprintf("unknown browser %q (known: %s)", item.Value, strings.Join(defaultBrowsers, ", "))}
		}
		out = append(out, item.Value)
	}
	return out, nil
}
