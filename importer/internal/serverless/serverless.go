// Package serverless reads a Serverless Framework serverless.yml. It holds
// no OpenAPI definition: the framework compiles each function's events into
// CloudFormation. The importer builds the model of what that compilation
// deploys, as the framework's source does it (serverless/serverless, lib/plugins/aws/package/compile/events/
// api-gateway/ and http-api.js):
//
//   - http events become methods of the service's REST API, whose logical ID
//     is ApiGatewayRestApi (http.go);
//   - cors on an http event adds one OPTIONS MOCK method per path
//     (cors.go);
//   - httpApi events become routes of its HTTP API, HttpApi;
//   - binary media types come from provider.apiGateway, two plugins and
//     CloudFormation overrides in resources (binary.go);
//   - resources is CloudFormation, merged over the compiled template.
//
// Serverless variables (${self:…}, ${opt:…}, ${env:…}, ${file(…)}) are
// resolved at deploy time; they are kept as unknown, never guessed
// (unknown.go).
package serverless

import (
	"strings"

	"github.com/apigw-oas/apigw-oas/importer/internal/cloudformation"
	"github.com/apigw-oas/apigw-oas/importer/internal/read"
	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

// The logical IDs the framework gives the service's APIs.
const (
	restAPIName = "ApiGatewayRestApi"
	httpAPIName = "HttpApi"
)

// service is one serverless.yml being read.
type service struct {
	c    *read.Container
	root read.Value
	rest *model.API // nil until something makes the service have a REST API
	http *model.API // nil until an httpApi event is read
	// preflights are the OPTIONS methods cors asks for, one per path, in the
	// order their paths first ask.
	preflights []*preflight
	// compiled are the paths of the AWS::ApiGateway::Resource resources the
	// framework compiles from http events, by logical ID (compiled.go).
	compiled map[string]string
}

// Import reads a Serverless Framework serverless.yml.
func Import(c *read.Container) {
	s := &service{c: c, root: c.Root()}
	if !s.onAWS() {
		return // Azure's and Google's http events are not API Gateway
	}
	s.functions(s.root.Get("functions"))
	others := s.resources(s.root.Get("resources"))
	s.addPreflights()
	s.binaryMediaTypes()
	for _, api := range append([]*model.API{s.rest, s.http}, others...) {
		if api != nil {
			c.Add(api)
		}
	}
}

// onAWS reports whether the service deploys to AWS: provider.name is "aws"
// (or provider is the string "aws", the old short form), or is not known.
func (s *service) onAWS() bool {
	p := s.root.Get("provider")
	if p.Node != nil && p.Node.Kind == source.Mapping {
		p = p.Get("name")
	}
	if !p.Node.IsString() || isUnknown(p) {
		return true
	}
	return strings.EqualFold(p.Node.Value, "aws")
}

// restAPI returns the service's REST API, creating it with at as the
// setting that shows it exists.
func (s *service) restAPI(at read.Value, reason string) *model.API {
	if s.rest == nil {
		s.rest = newServiceAPI(restAPIName, model.RESTAPI, at, reason)
	}
	return s.rest
}

// httpAPI returns the service's HTTP API, creating it at the first httpApi
// event.
func (s *service) httpAPI(at read.Value) *model.API {
	if s.http == nil {
		s.http = newServiceAPI(httpAPIName, model.HTTPAPI, at,
			"httpApi events are served by the service's HTTP API, which the Serverless Framework creates as "+httpAPIName)
	}
	return s.http
}

func newServiceAPI(name string, kind model.Kind, at read.Value, reason string) *model.API {
	return &model.API{
		Name: name, Container: model.ContainerServerless, Kind: kind, Span: at.KeySpan(),
		KindEvidence: model.Evidence{Reason: reason, Pointer: at.Ptr, Span: at.KeySpan()},
	}
}

// functions reads every function's events. functions is a map of names to
// functions, or (the framework's legacy form) a list of such maps that it
// merges.
func (s *service) functions(fns read.Value) {
	switch {
	case isAbsent(fns) || isUnknown(fns):
	case fns.Node.Kind == source.Sequence:
		for _, item := range fns.Items() {
			s.functionMap(item, "an item of the functions list")
		}
	default:
		s.functionMap(fns, "functions")
	}
}

func (s *service) functionMap(fns read.Value, what string) {
	switch {
	case isAbsent(fns) || isUnknown(fns):
	case fns.Node.Kind != source.Mapping:
		s.c.Problem(fns, "%s must be a map of function names to functions, not %s", what, source.DescribeNode(fns.Node))
	default:
		for _, fn := range fns.Entries() {
			s.function(fn)
		}
	}
}

// function reads one function's events. A function without events (an
// authorizer, a scheduled job) has nothing for API Gateway.
func (s *service) function(fn read.Value) {
	if isAbsent(fn) || isUnknown(fn) {
		return
	}
	if fn.Node.Kind != source.Mapping {
		s.c.Problem(fn, "function %s must be a map with a handler and events, not %s", fn.Key.Value, source.DescribeNode(fn.Node))
		return
	}
	events := fn.Get("events")
	switch {
	case isAbsent(events) || isUnknown(events):
		return
	case events.Node.Kind != source.Sequence:
		s.c.Problem(events, "events of function %s must be a list, not %s", fn.Key.Value, source.DescribeNode(events.Node))
		return
	}
	for _, e := range events.Items() {
		s.event(fn, e)
	}
}

// event reads one item of a function's events: a map from the event's kind
// to its settings. Kinds other than http and httpApi (s3, sqs, schedule,
// alb, …) do not involve API Gateway's REST or HTTP APIs.
func (s *service) event(fn, e read.Value) {
	if isAbsent(e) || isUnknown(e) {
		return
	}
	if e.Node.Kind != source.Mapping {
		s.c.Problem(e, "an event of function %s must be a map such as {http: GET /path}, not %s", fn.Key.Value, source.DescribeNode(e.Node))
		return
	}
	if h := e.Get("http"); !isAbsent(h) {
		s.httpEvent(h)
	}
	if h := e.Get("httpApi"); !isAbsent(h) {
		s.httpAPIEvent(fn, h)
	}
}

// resources reads the resources section, CloudFormation that the framework
// merges over the template it compiled: the section itself, or (legacy
// form) a list of sections it merges in order. An API named
// ApiGatewayRestApi is the service's own REST API, which the section
// overrides; its operations join the service's. The other APIs are
// returned.
func (s *service) resources(res read.Value) []*model.API {
	s.compiled = compiledResources(s.rest)
	var others []*model.API
	for _, section := range resourceSections(res) {
		if isAbsent(section) || isUnknown(section) {
			continue
		}
		if section.Node.Kind != source.Mapping {
			s.c.Problem(section, "resources must be a map with Resources (CloudFormation), not %s", source.DescribeNode(section.Node))
			continue
		}
		for _, api := range cloudformation.Read(s.c, section, framework{s}) {
			if api.Name == restAPIName {
				s.mergeOverride(section, api)
				continue
			}
			api.Container = model.ContainerServerless
			others = append(others, api)
		}
	}
	return others
}

// framework is what the framework adds to the resources section's
// template: the service's REST API and the resources of its http events.
type framework struct{ s *service }

// API is the service's REST API when resources attach methods to it by the
// logical ID the framework gives it (RestApiId: {Ref: ApiGatewayRestApi}),
// which is where teams write their S3, SNS and SQS service integrations;
// it exists from that method on, with or without http events.
func (f framework) API(id string, method read.Value) *model.API {
	if id != restAPIName {
		return nil
	}
	return f.s.restAPI(method, "resources add methods to "+restAPIName+", the service's REST API")
}

// ResourcePath is the path of a resource the framework compiles.
func (f framework) ResourcePath(id string) (string, bool) {
	p, ok := f.s.compiled[id]
	return p, ok
}

// resourceSections returns the sections of resources: the value itself,
// or the items of its legacy list form.
func resourceSections(res read.Value) []read.Value {
	if res.Node != nil && res.Node.Kind == source.Sequence {
		return res.Items()
	}
	return []read.Value{res}
}

// mergeOverride merges an ApiGatewayRestApi that a resources section
// declares into the service's REST API. Its BinaryMediaTypes property is
// read by binaryMediaTypes, which applies the framework's merge rules;
// entries from anywhere else (a Body's extension) are added here.
func (s *service) mergeOverride(section read.Value, override *model.API) {
	r := section.Get("Resources").Get(restAPIName)
	api := s.restAPI(r, "resources override "+restAPIName+", the service's REST API")
	api.Operations = append(api.Operations, override.Operations...)
	for _, e := range override.BinaryMediaTypes.Entries {
		if e.Origin != model.FromCloudFormation {
			api.BinaryMediaTypes.Entries = append(api.BinaryMediaTypes.Entries, e)
		}
	}
	api.BinaryMediaTypes.Misplaced = append(api.BinaryMediaTypes.Misplaced, override.BinaryMediaTypes.Misplaced...)
}
