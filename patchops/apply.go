package patchops

import (
	"fmt"
	"strings"

	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

// Apply changes an OpenAPI definition in place as the targets' operations
// change the deployed API, so that a change made in the console (or
// computed by Diff) can be brought back into the definition. It supports
// the operations Diff writes, and replace on a binary media type (remove,
// then append, as API Gateway does). An operation it cannot place — a path
// the definition does not have, an integration written as a $ref, a
// setting it does not know — is an error, and the definition must then be
// thrown away.
func Apply(def *source.Node, targets []Target) error {
	for _, t := range targets {
		for _, op := range t.Operations {
			if err := apply(def, t, op); err != nil {
				return fmt.Errorf("%s %s %s: %w", t.name(), op.Op, op.Path, err)
			}
		}
	}
	return nil
}

// name says which resource a target is, for errors.
func (t Target) name() string {
	switch t.Kind {
	case IntegrationTarget:
		return "integration of " + t.Method + " " + t.Path
	case IntegrationResponseTarget:
		return "integration response " + t.Status + " of " + t.Method + " " + t.Path
	}
	return "RestApi"
}

func apply(def *source.Node, t Target, op Operation) error {
	switch t.Kind {
	case RestAPITarget:
		return applyRestAPI(def, op)
	case IntegrationTarget:
		in, err := integrationOf(def, t.Path, t.Method)
		if err != nil {
			return err
		}
		return applyIntegration(in, op)
	case IntegrationResponseTarget:
		in, err := integrationOf(def, t.Path, t.Method)
		if err != nil {
			return err
		}
		r := responseOf(in, t.Status)
		if r == nil {
			return fmt.Errorf("the integration has no response with statusCode %s", t.Status)
		}
		return applySettings(r, op, "/responseTemplates/")
	}
	return fmt.Errorf("unknown target kind %q", t.Kind)
}

const binaryKey = "x-amazon-apigateway-binary-media-types"

func applyRestAPI(def *source.Node, op Operation) error {
	token, ok := strings.CutPrefix(op.Path, "/binaryMediaTypes/")
	if !ok {
		return fmt.Errorf("only /binaryMediaTypes/… can be applied to a RestApi")
	}
	mediaType := source.UnescapeToken(token)
	list := def.Lookup(binaryKey)
	if list == nil {
		list = &source.Node{Kind: source.Sequence, Tag: source.TagSeq}
		def.Set(binaryKey, list)
	}
	if list.Kind != source.Sequence {
		return fmt.Errorf("%s is not a list", binaryKey)
	}
	switch op.Op {
	case "add":
		if indexOf(list, mediaType) < 0 {
			list.Content = append(list.Content, source.NewString(mediaType))
		}
	case "remove":
		i := indexOf(list, mediaType)
		if i < 0 {
			return fmt.Errorf("%s is not in the list", mediaType)
		}
		list.Content = append(list.Content[:i], list.Content[i+1:]...)
	case "replace":
		if i := indexOf(list, mediaType); i >= 0 {
			list.Content = append(list.Content[:i], list.Content[i+1:]...)
		}
		if op.Value == nil {
			return fmt.Errorf("replace needs a value")
		}
		list.Content = append(list.Content, source.NewString(*op.Value))
	default:
		return fmt.Errorf("unsupported op %q", op.Op)
	}
	return nil
}

func applyIntegration(in *source.Node, op Operation) error {
	if op.Path == "/passthroughBehavior" {
		if op.Op != "replace" || op.Value == nil {
			return fmt.Errorf("passthroughBehavior takes replace with a value")
		}
		in.Set("passthroughBehavior", source.NewString(strings.ToLower(*op.Value))) // the extension's spelling
		return nil
	}
	return applySettings(in, op, "/requestTemplates/")
}

// applySettings applies contentHandling and template operations to an
// integration or integration response.
func applySettings(obj *source.Node, op Operation, templatesPrefix string) error {
	if op.Path == "/contentHandling" {
		switch {
		case op.Op == "remove" || (op.Op == "replace" && op.Value != nil && *op.Value == ""):
			obj.Delete("contentHandling")
		case op.Op == "replace" && op.Value != nil:
			obj.Set("contentHandling", source.NewString(*op.Value))
		default:
			return fmt.Errorf("contentHandling takes replace with a value, or remove")
		}
		return nil
	}
	token, ok := strings.CutPrefix(op.Path, templatesPrefix)
	if !ok {
		return fmt.Errorf("unsupported path")
	}
	key := templatesPrefix[1 : len(templatesPrefix)-1] // requestTemplates or responseTemplates
	mediaType := source.UnescapeToken(token)
	templates := obj.Lookup(key)
	if templates == nil {
		templates = &source.Node{Kind: source.Mapping, Tag: source.TagMap}
		obj.Set(key, templates)
	}
	switch op.Op {
	case "add", "replace":
		body := ""
		if op.Value != nil {
			body = *op.Value // no value: an empty template, API Gateway's passthrough
		}
		templates.Set(mediaType, source.NewString(body))
	case "remove":
		if templates.Lookup(mediaType) == nil {
			return fmt.Errorf("there is no template for %s", mediaType)
		}
		templates.Delete(mediaType)
		if len(templates.Content) == 0 {
			obj.Delete(key)
		}
	default:
		return fmt.Errorf("unsupported op %q", op.Op)
	}
	return nil
}

// integrationOf finds the x-amazon-apigateway-integration of an operation.
func integrationOf(def *source.Node, path, method string) (*source.Node, error) {
	item := def.Lookup("paths").Lookup(path)
	if item == nil {
		return nil, fmt.Errorf("the definition has no path %s", path)
	}
	op := item.Lookup(model.MethodKey(method))
	if op == nil {
		return nil, fmt.Errorf("the definition has no %s operation at %s", method, path)
	}
	in := op.Lookup("x-amazon-apigateway-integration")
	switch {
	case in == nil:
		return nil, fmt.Errorf("%s %s has no x-amazon-apigateway-integration", method, path)
	case in.Lookup("$ref") != nil:
		return nil, fmt.Errorf("the integration of %s %s is a $ref to a shared one; change that one", method, path)
	}
	return in, nil
}

// responseOf finds the integration response whose statusCode is status.
func responseOf(in *source.Node, status string) *source.Node {
	responses := in.Lookup("responses")
	if responses == nil || responses.Kind != source.Mapping {
		return nil
	}
	for i := 1; i < len(responses.Content); i += 2 {
		if code := responses.Content[i].Lookup("statusCode"); code != nil && code.Value == status {
			return responses.Content[i]
		}
	}
	return nil
}

func indexOf(list *source.Node, s string) int {
	for i, item := range list.Content {
		if item.Value == s {
			return i
		}
	}
	return -1
}
