package exporter

import (
	"fmt"
	"slices"
	"strings"

	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

// Effective writes the OpenAPI document API Gateway ends up with for an API
// declared in a container (a CloudFormation, SAM, Serverless or Terraform
// file): its inline definition, or an OpenAPI 3.0 skeleton when it has
// none; the binary media types every setting contributes; and the
// operations the container adds (Method resources, function events, CORS
// preflights the tool generates). The notes say what could not be carried
// over (values only known at deploy time).
func Effective(api *model.API) (*source.Node, []string) {
	var notes []string
	root := skeleton(api)
	if api.Definition != nil {
		root = deepCopy(api.Definition)
	}
	var binary []string
	for _, e := range api.BinaryMediaTypes.Entries {
		switch {
		case e.Unknown:
			notes = append(notes, fmt.Sprintf("binary media type at %s is only known at deploy time; it is left out", e.Span))
		case !slices.Contains(binary, e.Value):
			binary = append(binary, e.Value)
		}
	}
	if len(binary) > 0 {
		setAfter(root, "x-amazon-apigateway-binary-media-types", strList(binary), "info")
	}
	oas2 := root.Lookup("swagger") != nil
	for _, op := range api.Operations {
		if operationIn(root, op.Path, methodKey(op.Method)) != nil {
			continue
		}
		paths := root.Lookup("paths")
		if paths == nil || paths.Kind != source.Mapping {
			paths = mapping()
			set(root, "paths", paths)
		}
		item := paths.Lookup(op.Path)
		if item == nil {
			item = mapping()
			set(paths, op.Path, item)
		}
		set(item, methodKey(op.Method), operationNode(op, oas2))
	}
	if hasIntrinsics(root) {
		notes = append(notes, "the definition holds values computed at deploy time (CloudFormation intrinsics, Terraform references), written as they are; API Gateway needs them evaluated")
	}
	return root, notes
}

func skeleton(api *model.API) *source.Node {
	root := mapping()
	set(root, "openapi", str("3.0.1"))
	info := mapping()
	set(info, "title", str(api.Name))
	set(info, "version", str("1"))
	set(root, "info", info)
	set(root, "paths", mapping())
	return root
}

func methodKey(method string) string {
	if method == "ANY" {
		return "x-amazon-apigateway-any-method"
	}
	return strings.ToLower(method)
}

// operationNode writes an operation from the model: its media types, its
// responses and its integration, each setting as it was written.
func operationNode(op *model.Operation, oas2 bool) *source.Node {
	n := mapping()
	if len(op.Accepts) > 0 {
		if oas2 {
			set(n, "consumes", strList(values(op.Accepts)))
		} else {
			body := mapping()
			set(body, "content", contentOf(values(op.Accepts)))
			set(n, "requestBody", body)
		}
	}
	responses := mapping()
	for _, r := range op.Responses {
		resp := mapping()
		set(resp, "description", str(r.Status.Raw+" response"))
		if len(r.Produces) > 0 && !oas2 {
			set(resp, "content", contentOf(values(r.Produces)))
		}
		set(responses, r.Status.Raw, resp)
	}
	if len(op.Responses) == 0 {
		ok := mapping()
		set(ok, "description", str("200 response"))
		set(responses, "200", ok)
	}
	set(n, "responses", responses)
	if op.Integration != nil {
		set(n, "x-amazon-apigateway-integration", integrationNode(op.Integration))
	}
	return n
}

func values(mts []model.MediaType) []string {
	var v []string
	for _, m := range mts {
		v = append(v, m.Value)
	}
	return v
}

func contentOf(mediaTypes []string) *source.Node {
	c := mapping()
	for _, mt := range mediaTypes {
		set(c, mt, mapping())
	}
	return c
}

// integrationNode writes x-amazon-apigateway-integration from the model.
func integrationNode(in *model.Integration) *source.Node {
	n := mapping()
	setText(n, "type", in.Type.Raw)
	setText(n, "httpMethod", in.HTTPMethod.Raw)
	setText(n, "uri", in.URI.Raw)
	setText(n, "credentials", in.Credentials.Raw)
	setText(n, "contentHandling", in.ContentHandling.Raw)
	setText(n, "passthroughBehavior", in.PassthroughBehavior.Raw)
	setText(n, "responseTransferMode", in.ResponseTransferMode.Raw)
	if t := namedNode(in.RequestTemplates); t != nil {
		set(n, "requestTemplates", t)
	}
	if len(in.Responses) > 0 {
		responses := mapping()
		for _, r := range in.Responses {
			resp := mapping()
			setText(resp, "statusCode", r.StatusCode.Raw)
			setText(resp, "contentHandling", r.ContentHandling.Raw)
			if t := namedNode(r.ResponseTemplates); t != nil {
				set(resp, "responseTemplates", t)
			}
			set(responses, r.Pattern.Raw, resp)
		}
		set(n, "responses", responses)
	}
	return n
}

func setText(m *source.Node, key, value string) {
	if value != "" {
		set(m, key, str(value))
	}
}

func namedNode(named []model.Named) *source.Node {
	if len(named) == 0 {
		return nil
	}
	n := mapping()
	for _, t := range named {
		set(n, t.Name.Raw, str(t.Value.Raw))
	}
	return n
}

func deepCopy(n *source.Node) *source.Node {
	c := *n
	c.Content = make([]*source.Node, len(n.Content))
	for i, child := range n.Content {
		c.Content[i] = deepCopy(child)
	}
	return &c
}

func hasIntrinsics(n *source.Node) bool {
	if isCustomTag(n.Tag) || (n.Kind == source.Mapping && len(n.Content) == 2 &&
		(n.Content[0].Value == "Ref" || strings.HasPrefix(n.Content[0].Value, "Fn::"))) {
		return true
	}
	return slices.ContainsFunc(n.Content, hasIntrinsics)
}

// setAfter sets a mapping's key in place when it exists, else right after
// the key after (at the end when there is none).
func setAfter(m *source.Node, key string, value *source.Node, after string) {
	if m.Lookup(key) != nil {
		set(m, key, value)
		return
	}
	at := len(m.Content)
	for i := 0; i < len(m.Content); i += 2 {
		if m.Content[i].Value == after {
			at = i + 2
		}
	}
	m.Content = slices.Insert(m.Content, at, str(key), value)
}
