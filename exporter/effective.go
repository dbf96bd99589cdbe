package exporter

import (
	"fmt"
	"slices"

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
		root = source.DeepCopy(api.Definition)
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
		setAfter(root, "x-amazon-apigateway-binary-media-types", source.NewStringList(binary), "info")
	}
	oas2 := root.Lookup("swagger") != nil
	for _, op := range api.Operations {
		if operationIn(root, op.Path, model.MethodKey(op.Method)) != nil {
			continue
		}
		paths := root.Lookup("paths")
		if paths == nil || paths.Kind != source.Mapping {
			paths = source.NewMapping()
			root.Set("paths", paths)
		}
		item := paths.Lookup(op.Path)
		if item == nil {
			item = source.NewMapping()
			paths.Set(op.Path, item)
		}
		item.Set(model.MethodKey(op.Method), operationNode(op, oas2))
	}
	if hasIntrinsics(root) {
		notes = append(notes, "the definition holds values computed at deploy time (CloudFormation intrinsics, Terraform references), written as they are; API Gateway needs them evaluated")
	}
	return root, notes
}

func skeleton(api *model.API) *source.Node {
	root := source.NewMapping()
	root.Set("openapi", source.NewString("3.0.1"))
	info := source.NewMapping()
	info.Set("title", source.NewString(api.Name))
	info.Set("version", source.NewString("1"))
	root.Set("info", info)
	root.Set("paths", source.NewMapping())
	return root
}

// operationNode writes an operation from the model: its media types, its
// responses and its integration, each setting as it was written.
func operationNode(op *model.Operation, oas2 bool) *source.Node {
	n := source.NewMapping()
	if len(op.Accepts) > 0 {
		if oas2 {
			n.Set("consumes", source.NewStringList(values(op.Accepts)))
		} else {
			body := source.NewMapping()
			body.Set("content", contentOf(values(op.Accepts)))
			n.Set("requestBody", body)
		}
	}
	responses := source.NewMapping()
	for _, r := range op.Responses {
		resp := source.NewMapping()
		resp.Set("description", source.NewString(r.Status.Raw+" response"))
		if len(r.Produces) > 0 && !oas2 {
			resp.Set("content", contentOf(values(r.Produces)))
		}
		responses.Set(r.Status.Raw, resp)
	}
	if len(op.Responses) == 0 {
		ok := source.NewMapping()
		ok.Set("description", source.NewString("200 response"))
		responses.Set("200", ok)
	}
	n.Set("responses", responses)
	if op.Integration != nil {
		n.Set("x-amazon-apigateway-integration", integrationNode(op.Integration))
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
	c := source.NewMapping()
	for _, mt := range mediaTypes {
		c.Set(mt, source.NewMapping())
	}
	return c
}

// integrationNode writes x-amazon-apigateway-integration from the model.
func integrationNode(in *model.Integration) *source.Node {
	n := source.NewMapping()
	setText(n, "type", in.Type.Raw)
	setText(n, "httpMethod", in.HTTPMethod.Raw)
	setText(n, "uri", in.URI.Raw)
	setText(n, "credentials", in.Credentials.Raw)
	setText(n, "contentHandling", in.ContentHandling.Raw)
	setText(n, "passthroughBehavior", in.PassthroughBehavior.Raw)
	setText(n, "responseTransferMode", in.ResponseTransferMode.Raw)
	if t := namedNode(in.RequestTemplates); t != nil {
		n.Set("requestTemplates", t)
	}
	if len(in.Responses) > 0 {
		responses := source.NewMapping()
		for _, r := range in.Responses {
			resp := source.NewMapping()
			setText(resp, "statusCode", r.StatusCode.Raw)
			setText(resp, "contentHandling", r.ContentHandling.Raw)
			if t := namedNode(r.ResponseTemplates); t != nil {
				resp.Set("responseTemplates", t)
			}
			responses.Set(r.Pattern.Raw, resp)
		}
		n.Set("responses", responses)
	}
	return n
}

func setText(m *source.Node, key, value string) {
	if value != "" {
		m.Set(key, source.NewString(value))
	}
}

func namedNode(named []model.Named) *source.Node {
	if len(named) == 0 {
		return nil
	}
	n := source.NewMapping()
	for _, t := range named {
		n.Set(t.Name.Raw, source.NewString(t.Value.Raw))
	}
	return n
}

func hasIntrinsics(n *source.Node) bool {
	return source.IsUnknown(n) || slices.ContainsFunc(n.Content, hasIntrinsics)
}

// setAfter sets a mapping's key in place when it exists, else right after
// the key after (at the end when there is none).
func setAfter(m *source.Node, key string, value *source.Node, after string) {
	if m.Lookup(key) != nil {
		m.Set(key, value)
		return
	}
	at := len(m.Content)
	for i := 0; i < len(m.Content); i += 2 {
		if m.Content[i].Value == after {
			at = i + 2
		}
	}
	m.Content = slices.Insert(m.Content, at, source.NewString(key), value)
}
