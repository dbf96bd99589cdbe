package serverless

import (
	"sort"
	"strconv"
	"strings"

	"github.com/apigw-oas/apigw-oas/importer/internal/read"
	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

// defaultStatusCodes are the integration responses the framework writes for
// an AWS integration without response.statusCodes (DEFAULT_STATUS_CODES in
// lib/validate.js): 200 by default, and the others for a Lambda error
// whose message contains "[400]", "[500]", … or reports a timeout.
var defaultStatusCodes = []struct{ code, pattern string }{
	{"200", ""},
	{"400", `[\s\S]*\[400\][\s\S]*`},
	{"401", `[\s\S]*\[401\][\s\S]*`},
	{"403", `[\s\S]*\[403\][\s\S]*`},
	{"404", `[\s\S]*\[404\][\s\S]*`},
	{"422", `[\s\S]*\[422\][\s\S]*`},
	{"500", `[\s\S]*(Process\s?exited\s?before\s?completing\s?request|\[500\])[\s\S]*`},
	{"502", `[\s\S]*\[502\][\s\S]*`},
	{"504", `([\s\S]*\[504\][\s\S]*)|(.*Task timed out after \d+\.\d+ seconds$)`},
}

// statusCode is one integration response to write: a response.statusCodes
// entry, or one of the framework's defaults.
type statusCode struct {
	code    string
	config  read.Value // the statusCodes entry; absent for a default
	pattern string     // a default's selection pattern
	at      read.Value // where a default is placed
}

// integrationResponses builds the integration responses of an AWS, HTTP or
// MOCK integration (getResponse, getIntegrationResponses). Each has the
// selection pattern and templates its statusCodes entry gives, the
// response's template for application/json, and response.contentHandling
// if its status is 2xx (only those get it since PR #7757).
func integrationResponses(resp read.Value, kind model.IntegrationType, cause read.Value) []*model.IntegrationResponse {
	var out []*model.IntegrationResponse
	for _, sc := range statusCodes(resp, kind, cause) {
		r := &model.IntegrationResponse{}
		if sc.config.Exists() {
			r.Pointer, r.StatusCode = sc.config.Ptr, sc.config.KeyField()
			// Object keys are strings in JavaScript: 200: is written as "200".
			r.StatusCode.Tag = source.TagStr
			r.Pattern = read.Synthesized(sc.config, "default")
			if p := sc.config.Get("pattern"); isTruthy(p) {
				r.Pattern = str(p)
			}
		} else {
			r.Pointer, r.StatusCode = sc.at.Ptr, read.Synthesized(sc.at, sc.code)
			r.Pattern = read.Synthesized(sc.at, "default")
			if sc.pattern != "" {
				r.Pattern = read.Synthesized(sc.at, sc.pattern)
			}
		}
		if strings.HasPrefix(sc.code, "2") {
			r.ContentHandling = read.Enum(resp.Get("contentHandling"), model.ParseContentHandling)
		}
		r.ResponseTemplates = responseTemplates(resp, sc.config)
		out = append(out, r)
	}
	return out
}

// statusCodes lists the integration responses to write, in the order
// JavaScript enumerates the statusCodes object: integer keys ascending.
//
// AWS and HTTP integrations get the defaults when response.statusCodes is
// missing (AWS ones even without a response), and a default 200 when no
// entry has the empty selection pattern: that 200 replaces a written 200
// entry, templates and all. A MOCK integration gets what is written.
// Without a response an HTTP integration gets none: the framework's own
// code would fail on it (getIntegrationResponses reads the statusCodes of
// an empty response).
func statusCodes(resp read.Value, kind model.IntegrationType, cause read.Value) []statusCode {
	written := resp.Get("statusCodes")
	withDefaults := kind == model.AWS || kind == model.HTTP
	switch {
	case written.Node != nil && written.Node.Kind == source.Mapping:
	case withDefaults && (!isAbsent(resp) || kind == model.AWS):
		at := cause
		if !isAbsent(resp) {
			at = resp
		}
		return defaultCodes(at)
	default:
		return nil
	}
	var out []statusCode
	hasDefault := false
	for _, e := range written.Entries() {
		if p := e.Get("pattern"); p.Node.IsString() && p.Node.Value == "" {
			hasDefault = true
		}
		out = append(out, statusCode{code: e.Key.Value, config: e})
	}
	if withDefaults && !hasDefault {
		out = replaceCode(out, statusCode{code: "200", at: written})
	}
	sortCodes(out)
	return out
}

func defaultCodes(at read.Value) []statusCode {
	out := make([]statusCode, len(defaultStatusCodes))
	for i, d := range defaultStatusCodes {
		out[i] = statusCode{code: d.code, pattern: d.pattern, at: at}
	}
	return out
}

// replaceCode sets the entry of a status code, replacing a written one.
func replaceCode(codes []statusCode, sc statusCode) []statusCode {
	for i := range codes {
		if codes[i].code == sc.code {
			codes[i] = sc
			return codes
		}
	}
	return append(codes, sc)
}

// sortCodes puts keys that are array indexes (canonical non-negative
// integers) first in ascending order, then the others as written: how
// JavaScript orders an object's keys.
func sortCodes(codes []statusCode) {
	index := func(s string) (int, bool) {
		n, err := strconv.Atoi(s)
		return n, err == nil && n >= 0 && strconv.Itoa(n) == s
	}
	sort.SliceStable(codes, func(i, j int) bool {
		a, aIndex := index(codes[i].code)
		b, bIndex := index(codes[j].code)
		if aIndex && bIndex {
			return a < b
		}
		return aIndex && !bIndex
	})
}

// responseTemplates are an integration response's templates: the
// response's template for application/json, then its statusCodes entry's
// template (a string, for application/json, or a map of media types).
func responseTemplates(resp, config read.Value) []model.Named {
	var out []model.Named
	if t := resp.Get("template"); isTruthy(t) {
		out = append(out, model.Named{Name: read.Synthesized(t, "application/json"), Value: str(t)})
	}
	t := config.Get("template")
	switch {
	case !isTruthy(t):
	case t.Node.Kind == source.Mapping:
		for _, e := range t.Entries() {
			out = setNamed(out, model.Named{Name: e.KeyField(), Value: str(e)}, false)
		}
	default:
		out = setNamed(out, model.Named{Name: read.Synthesized(t, "application/json"), Value: str(t)}, false)
	}
	return out
}
