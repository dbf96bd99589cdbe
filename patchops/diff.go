package patchops

import (
	"slices"
	"strings"

	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

// UnsetContentHandling is how a diff unsets contentHandling. Whether API
// Gateway accepts "remove" there is unverified (binary-semantics.md §9
// Q5); "replace" with an empty value is what Terraform's AWS provider
// sends, so it has been exercised against the real API for years.
const UnsetContentHandling = "replace with an empty value, as Terraform's AWS provider does; unverified against API Gateway (binary-semantics.md §9 Q5)"

// API Gateway addresses binary media types and templates by key, escaped
// as a JSON-pointer token (RFC 6901: "/" as "~1", "~" as "~0"):
// /binaryMediaTypes/image~1png.

// Diff returns the patchOperations that change from's binary settings into
// to's: binary media types on the RestApi (add and remove, never replace,
// which reorders the list), and for every operation both have, its
// integration's contentHandling, passthroughBehavior and request templates,
// and the contentHandling and response templates of each integration
// response (matched by status code). What patchOperations cannot do
// (create a method or an integration response) is left as a note.
func Diff(from, to *model.API) []Target {
	var targets []Target
	if t := binaryMediaTypes(from, to); len(t.Operations) > 0 {
		targets = append(targets, t)
	}
	for _, opTo := range to.Operations {
		opFrom := from.Operation(opTo.Path, opTo.Method)
		if opFrom == nil || opFrom.Integration == nil || opTo.Integration == nil {
			continue
		}
		targets = append(targets, integrationTargets(opTo, opFrom.Integration, opTo.Integration)...)
	}
	return targets
}

func binaryMediaTypes(from, to *model.API) Target {
	t := Target{Kind: RestAPITarget, Resource: restAPIResource()}
	before, after := known(from), known(to)
	for _, mt := range before {
		if !slices.Contains(after, mt) {
			t.Operations = append(t.Operations, Operation{Op: "remove", Path: "/binaryMediaTypes/" + source.EscapeToken(mt)})
		}
	}
	for _, mt := range after {
		if !slices.Contains(before, mt) {
			t.Operations = append(t.Operations, Operation{Op: "add", Path: "/binaryMediaTypes/" + source.EscapeToken(mt)})
		}
	}
	return t
}

// known lists an API's binary media types whose value is known, once each.
func known(api *model.API) []string {
	var out []string
	for _, e := range api.BinaryMediaTypes.Entries {
		if !e.Unknown && !slices.Contains(out, e.Value) {
			out = append(out, e.Value)
		}
	}
	return out
}

func integrationTargets(op *model.Operation, from, to *model.Integration) []Target {
	var targets []Target
	t := Target{Kind: IntegrationTarget, Resource: integrationResource(op.Method), Path: op.Path, Method: op.Method}
	t.Operations, t.Notes = contentHandling(from.ContentHandling, to.ContentHandling)
	if from.PassthroughBehavior.Value != to.PassthroughBehavior.Value || from.PassthroughBehavior.Set != to.PassthroughBehavior.Set {
		behavior := "WHEN_NO_MATCH" // API Gateway's default, when the new definition sets none
		if to.PassthroughBehavior.Set {
			behavior = strings.ToUpper(to.PassthroughBehavior.Value.String())
		}
		t.Operations = append(t.Operations, Operation{Op: "replace", Path: "/passthroughBehavior", Value: value(behavior)})
	}
	t.Operations = append(t.Operations, templates("/requestTemplates/", from.RequestTemplates, to.RequestTemplates)...)
	if len(t.Operations) > 0 {
		targets = append(targets, t)
	}
	for _, rTo := range to.Responses {
		rFrom := findResponse(from, rTo.StatusCode.Raw)
		r := Target{Kind: IntegrationResponseTarget, Resource: integrationResponseResource(op.Method, rTo.StatusCode.Raw), Path: op.Path, Method: op.Method, Status: rTo.StatusCode.Raw}
		if rFrom == nil {
			continue // a new integration response is created with put-integration-response, not patched
		}
		r.Operations, r.Notes = contentHandling(rFrom.ContentHandling, rTo.ContentHandling)
		r.Operations = append(r.Operations, templates("/responseTemplates/", rFrom.ResponseTemplates, rTo.ResponseTemplates)...)
		if len(r.Operations) > 0 {
			targets = append(targets, r)
		}
	}
	return targets
}

func findResponse(in *model.Integration, status string) *model.IntegrationResponse {
	for _, r := range in.Responses {
		if r.StatusCode.Raw == status {
			return r
		}
	}
	return nil
}

// contentHandling sets or unsets contentHandling.
func contentHandling(from, to model.Field[model.ContentHandling]) ([]Operation, []string) {
	if from.Raw == to.Raw {
		return nil, nil
	}
	if to.Raw == "" {
		return []Operation{{Op: "replace", Path: "/contentHandling", Value: value("")}}, []string{"contentHandling is unset by " + UnsetContentHandling}
	}
	return []Operation{{Op: "replace", Path: "/contentHandling", Value: value(to.Raw)}}, nil
}

// templates adds, replaces and removes mapping templates, keyed by the
// escaped media type.
func templates(prefix string, from, to []model.Named) []Operation {
	var ops []Operation
	for _, t := range from {
		if findTemplate(to, t.Name.Raw) == nil {
			ops = append(ops, Operation{Op: "remove", Path: prefix + source.EscapeToken(t.Name.Raw)})
		}
	}
	for _, t := range to {
		switch before := findTemplate(from, t.Name.Raw); {
		case before == nil:
			ops = append(ops, Operation{Op: "add", Path: prefix + source.EscapeToken(t.Name.Raw), Value: value(t.Value.Raw)})
		case before.Value.Raw != t.Value.Raw:
			ops = append(ops, Operation{Op: "replace", Path: prefix + source.EscapeToken(t.Name.Raw), Value: value(t.Value.Raw)})
		}
	}
	return ops
}

func findTemplate(ts []model.Named, name string) *model.Named {
	for i := range ts {
		if ts[i].Name.Raw == name {
			return &ts[i]
		}
	}
	return nil
}
