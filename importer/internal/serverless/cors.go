package serverless

import (
	"slices"
	"strings"

	"github.com/apigw-oas/apigw-oas/importer/internal/read"
	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

// preflight is the OPTIONS method the framework writes for a path whose
// http events set cors (compileCors in lib/cors.js). Settings of all the
// path's events are merged into one method (validate.js, corsPreflight).
type preflight struct {
	path string
	cors read.Value // the first cors setting on the path, where the method is placed
	// origins is the union of the events' cors.origins lists; origin the
	// last event's cors.origin (absent when it lists origins instead).
	origins []string
	origin  string
}

// askPreflight records that an http event on path sets cors. A cors
// setting that is a variable is left out: it may be false.
func (s *service) askPreflight(path string, cors read.Value) {
	if !isTruthy(cors) {
		return
	}
	var p *preflight
	for _, q := range s.preflights {
		if q.path == path {
			p = q
		}
	}
	if p == nil {
		p = &preflight{path: path, cors: cors}
		s.preflights = append(s.preflights, p)
	}
	p.merge(cors)
}

// merge adds one event's cors setting as getCors and validate.js do: true
// means origin '*'; a map's origins are added to the union (newest first)
// and its origin, if any, replaces the previous one.
func (p *preflight) merge(cors read.Value) {
	origin := "*"
	var origins []string
	if cors.Node.Kind == source.Mapping {
		if list := cors.Get("origins"); list.Exists() {
			origin = ""
			for _, o := range list.Items() {
				origins = append(origins, o.Str().Raw)
			}
		}
		if o := cors.Get("origin"); o.Exists() {
			origin = o.Str().Raw
		}
	}
	for _, o := range p.origins {
		if !slices.Contains(origins, o) {
			origins = append(origins, o)
		}
	}
	p.origins, p.origin = origins, origin
}

// addPreflights adds the OPTIONS methods cors asks for to the REST API,
// except on paths that already have an OPTIONS event.
func (s *service) addPreflights() {
	for _, p := range s.preflights {
		if s.rest.Operation(p.path, "OPTIONS") == nil {
			s.rest.Operations = append(s.rest.Operations, p.operation())
		}
	}
}

// preflightTemplate is the framework's request template for the preflight,
// exactly: no quotes, no spaces.
const preflightTemplate = "{statusCode:200}"

// operation is the OPTIONS method as the framework writes it: a MOCK
// integration with a JSON request template, contentHandling
// CONVERT_TO_TEXT on the request (written since framework v1.28.0, PR
// #4895, so that binary media types such as */* do not break the
// preflight), and one integration response, 200, with no contentHandling.
func (p *preflight) operation() *model.Operation {
	at := p.cors
	return &model.Operation{
		Path: p.path, Method: "OPTIONS", Pointer: at.Ptr, Span: at.KeySpan(),
		Generated: &model.Generated{By: "Serverless cors", Pointer: at.Ptr, Span: at.KeySpan()},
		Responses: []*model.Response{{Status: read.Synthesized(at, "200")}},
		Integration: &model.Integration{
			Pointer: at.Ptr, Span: at.KeySpan(),
			Type:             deployed(at, "MOCK", model.Mock),
			RequestTemplates: []model.Named{{Name: read.Synthesized(at, "application/json"), Value: read.Synthesized(at, preflightTemplate)}},
			ContentHandling:  deployed(at, "CONVERT_TO_TEXT", model.ConvertToText),
			Responses: []*model.IntegrationResponse{{
				Pattern: read.Synthesized(at, "default"), Pointer: at.Ptr, StatusCode: read.Synthesized(at, "200"),
				ResponseTemplates: []model.Named{{Name: read.Synthesized(at, "application/json"), Value: read.Synthesized(at, p.responseTemplate())}},
			}},
		},
	}
}

// responseTemplate is the preflight's response template: empty, unless
// several origins are allowed (a list, or an origin with commas). Then a
// template picks the request's Origin if it matches one of them
// (generateCorsResponseTemplate).
func (p *preflight) responseTemplate() string {
	origins := p.origins
	if strings.Contains(p.origin, ",") {
		origins = nil
		for _, o := range strings.Split(p.origin, ",") {
			origins = append(origins, strings.TrimSpace(o))
		}
	}
	if len(origins) == 0 {
		return ""
	}
	tests := make([]string, len(origins))
	for i, o := range origins {
		// An origin is a glob: dots are literal, the first * matches anything.
		re := strings.Replace(strings.ReplaceAll(o, ".", "[.]"), "*", ".+", 1)
		tests[i] = `$origin.matches("` + re + `")`
	}
	return "#set($origin = $input.params(\"Origin\"))\n" +
		"#if($origin == \"\") #set($origin = $input.params(\"origin\")) #end\n" +
		"#if(" + strings.Join(tests, " || ") + ") #set($context.responseOverride.header.Access-Control-Allow-Origin = $origin) #end"
}
