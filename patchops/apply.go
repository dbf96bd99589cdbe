package patchops

import (
	"fmt"
	"strings"

	"github.com/apigw-oas/apigw-oas/mediatype"
	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

// ApplyError is an operation Apply could not apply: Target and Operation
// are 0-based indexes into the targets it was given, so that a caller can
// point at the operation in the file it read them from.
type ApplyError struct {
	Target, Operation int
	Err               error
	what              string // "RestApi add /binaryMediaTypes/…"
}

func (e *ApplyError) Error() string { return e.what + ": " + e.Err.Error() }
func (e *ApplyError) Unwrap() error { return e.Err }

// Apply changes an OpenAPI definition in place as the targets' operations
// change the deployed API, so that a change made in the console (or
// computed by Diff) can be brought back into the definition. It supports
// the operations Diff writes, and replace on a binary media type (remove,
// then append, as API Gateway does). An operation it cannot place — a path
// the definition does not have, an integration written as a $ref, a
// setting it does not know, a media type that is empty or not escaped as a
// JSON pointer token — is an *ApplyError, and the definition must then be
// thrown away.
//
// It takes time linear in the operations and the definition: the lists
// and mappings operations change are indexed once, and changed through
// their indexes (a remove leaves a hole that is closed at the end).
func Apply(def *source.Node, targets []Target) error {
	a := newApplier(def)
	for i, t := range targets {
		for j, op := range t.Operations {
			if err := a.apply(t, op); err != nil {
				return &ApplyError{Target: i, Operation: j, Err: err, what: t.name() + " " + op.Op + " " + op.Path}
			}
		}
	}
	a.finish()
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

// applier holds the indexes of what the operations change.
type applier struct {
	def       *source.Node
	paths     map[string]*source.Node // the first path item of each path
	binary    *listIndex              // nil until an operation needs it
	mappings  map[*source.Node]*mappingIndex
	responses map[*source.Node]map[string]*source.Node // integration → statusCode → response
}

func newApplier(def *source.Node) *applier {
	return &applier{def: def, mappings: map[*source.Node]*mappingIndex{}, responses: map[*source.Node]map[string]*source.Node{}}
}

func (a *applier) apply(t Target, op Operation) error {
	switch t.Kind {
	case RestAPITarget:
		return a.applyRestAPI(op)
	case IntegrationTarget:
		in, err := a.integrationOf(t.Path, t.Method)
		if err != nil {
			return err
		}
		return a.applyIntegration(in, op)
	case IntegrationResponseTarget:
		in, err := a.integrationOf(t.Path, t.Method)
		if err != nil {
			return err
		}
		r := a.responseOf(in, t.Status)
		if r == nil {
			return fmt.Errorf("the integration has no response with statusCode %s", t.Status)
		}
		return a.applySettings(r, op, "/responseTemplates/")
	}
	return fmt.Errorf("unknown target kind %q", t.Kind)
}

// finish closes the holes removes left.
func (a *applier) finish() {
	if a.binary != nil {
		a.binary.compact()
	}
	for _, m := range a.mappings {
		m.compact()
	}
}

const binaryKey = "x-amazon-apigateway-binary-media-types"

func (a *applier) applyRestAPI(op Operation) error {
	token, ok := strings.CutPrefix(op.Path, "/binaryMediaTypes/")
	if !ok {
		return fmt.Errorf("only /binaryMediaTypes/… can be applied to a RestApi")
	}
	mediaType, err := mediaTypeToken(token)
	if err != nil {
		return err
	}
	list, err := a.binaryList()
	if err != nil {
		return err
	}
	switch op.Op {
	case "add":
		list.add(mediaType)
	case "remove":
		if !list.remove(mediaType) {
			return fmt.Errorf("%s is not in the list", mediaType)
		}
	case "replace":
		if op.Value == nil {
			return fmt.Errorf("replace needs a value")
		}
		if err := checkMediaType(*op.Value); err != nil {
			return fmt.Errorf("value: %v", err)
		}
		list.remove(mediaType)
		list.add(*op.Value)
	default:
		return fmt.Errorf("unsupported op %q", op.Op)
	}
	return nil
}

// mediaTypeToken reads the media type a path token names. API Gateway's
// paths are JSON pointers: "/" is written ~1 and "~" is written ~0; any
// other ~ is a mistake, which would otherwise be written as it stands.
func mediaTypeToken(token string) (string, error) {
	for i := 0; i < len(token); i++ {
		if token[i] == '~' && (i+1 == len(token) || (token[i+1] != '0' && token[i+1] != '1')) {
			return "", fmt.Errorf("%q is not escaped as a JSON pointer token: ~ must be followed by 0 (~) or 1 (/)", token)
		}
	}
	mediaType := source.UnescapeToken(token)
	return mediaType, checkMediaType(mediaType)
}

// checkMediaType refuses what cannot be a binaryMediaTypes entry: API
// Gateway matches entries as type/subtype ("*/*" and "image/*" included).
func checkMediaType(s string) error {
	if _, err := mediatype.Parse(s); err != nil || s == "" {
		return fmt.Errorf("%q is not a media type (want type/subtype, such as image/png)", s)
	}
	return nil
}

func (a *applier) binaryList() (*listIndex, error) {
	if a.binary != nil {
		return a.binary, nil
	}
	list := a.def.Lookup(binaryKey)
	if list == nil {
		list = &source.Node{Kind: source.Sequence, Tag: source.TagSeq}
		a.def.Set(binaryKey, list)
	}
	if list.Kind != source.Sequence {
		return nil, fmt.Errorf("%s is not a list", binaryKey)
	}
	a.binary = newListIndex(list)
	return a.binary, nil
}

func (a *applier) applyIntegration(in *source.Node, op Operation) error {
	if op.Path == "/passthroughBehavior" {
		if op.Op != "replace" || op.Value == nil {
			return fmt.Errorf("passthroughBehavior takes replace with a value")
		}
		in.Set("passthroughBehavior", source.NewString(strings.ToLower(*op.Value))) // the extension's spelling
		return nil
	}
	return a.applySettings(in, op, "/requestTemplates/")
}

// applySettings applies contentHandling and template operations to an
// integration or integration response.
func (a *applier) applySettings(obj *source.Node, op Operation, templatesPrefix string) error {
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
	mediaType, err := mediaTypeToken(token)
	if err != nil {
		return err
	}
	key := templatesPrefix[1 : len(templatesPrefix)-1] // requestTemplates or responseTemplates
	node := obj.Lookup(key)
	if node == nil {
		node = source.NewMapping()
		obj.Set(key, node)
	}
	if node.Kind != source.Mapping {
		return fmt.Errorf("%s is not a mapping", key)
	}
	templates := a.mapping(node)
	switch op.Op {
	case "add", "replace":
		body := ""
		if op.Value != nil {
			body = *op.Value // no value: an empty template, API Gateway's passthrough
		}
		templates.set(mediaType, source.NewString(body))
	case "remove":
		if !templates.delete(mediaType) {
			return fmt.Errorf("there is no template for %s", mediaType)
		}
		if templates.live == 0 {
			obj.Delete(key)
		}
	default:
		return fmt.Errorf("unsupported op %q", op.Op)
	}
	return nil
}

func (a *applier) mapping(n *source.Node) *mappingIndex {
	m := a.mappings[n]
	if m == nil {
		m = newMappingIndex(n)
		a.mappings[n] = m
	}
	return m
}

// integrationOf finds the x-amazon-apigateway-integration of an operation.
func (a *applier) integrationOf(path, method string) (*source.Node, error) {
	if a.paths == nil {
		a.paths = firstValues(a.def.Lookup("paths"))
	}
	item := a.paths[path]
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
func (a *applier) responseOf(in *source.Node, status string) *source.Node {
	byStatus, ok := a.responses[in]
	if !ok {
		byStatus = map[string]*source.Node{}
		if responses := in.Lookup("responses"); responses != nil && responses.Kind == source.Mapping {
			for i := 1; i < len(responses.Content); i += 2 {
				code := responses.Content[i].Lookup("statusCode")
				if code == nil {
					continue
				}
				if _, seen := byStatus[code.Value]; !seen {
					byStatus[code.Value] = responses.Content[i]
				}
			}
		}
		a.responses[in] = byStatus
	}
	return byStatus[status]
}

// firstValues maps each key of a mapping to its first value, as Lookup
// finds it.
func firstValues(m *source.Node) map[string]*source.Node {
	out := map[string]*source.Node{}
	if m == nil || m.Kind != source.Mapping {
		return out
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if _, seen := out[m.Content[i].Value]; !seen {
			out[m.Content[i].Value] = m.Content[i+1]
		}
	}
	return out
}
