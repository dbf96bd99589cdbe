package importer

import (
	"github.com/apigw-oas/apigw-oas/importer/internal/apigateway"
	"github.com/apigw-oas/apigw-oas/importer/internal/cloudformation"
	"github.com/apigw-oas/apigw-oas/importer/internal/read"
	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/source"
)

// detectContainer recognises the files that declare APIs around or instead
// of an OpenAPI definition, by content: a CloudFormation template has
// Resources (SAM's also the Serverless transform or AWS::Serverless::
// types), a serverless.yml a service with functions or a provider, and
// API Gateway's control-plane JSON its own field names.
func detectContainer(doc *source.Document) model.Container {
	root := read.Value{Doc: doc, Node: doc.Root}
	if doc.Root.Kind != source.Mapping {
		return ""
	}
	switch {
	case root.Get("Resources").Exists() || root.Get("AWSTemplateFormatVersion").Exists():
		if cloudformation.IsSAM(root) {
			return model.ContainerSAM
		}
		return model.ContainerCloudFormation
	case root.Get("service").Exists() && (root.Get("functions").Exists() || root.Get("provider").Exists()):
		return model.ContainerServerless
	case root.Get("binaryMediaTypes").Exists() || root.Get("resourceMethods").Exists() ||
		(root.Get("items").Exists() && root.Get("items").Node.Kind == source.Sequence && apigateway.ListsResources(root.Get("items"))):
		return model.ContainerAPIGateway
	}
	return ""
}
