package model

import "github.com/apigw-oas/apigw-oas/source"

// Kind is the flavour of API Gateway API a definition describes.
type Kind uint8

const (
	// RESTAPI is an API Gateway REST API (v1), where binaryMediaTypes and
	// contentHandling decide how payloads are converted.
	RESTAPI Kind = iota + 1
	// HTTPAPI is an API Gateway HTTP API (v2), which ignores both.
	HTTPAPI
	// WebSocketAPI is an API Gateway WebSocket API (v2): its operations are
	// routes (Path is the route key, Method is empty), and its integrations
	// and integration responses carry contentHandlingStrategy in
	// ContentHandling. Only part of its conversions is recorded, so rules
	// and the simulator leave it alone.
	WebSocketAPI
)

func (k Kind) String() string {
	switch k {
	case RESTAPI:
		return "rest"
	case HTTPAPI:
		return "http"
	case WebSocketAPI:
		return "websocket"
	}
	return "unknown"
}

func (k Kind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// API is one REST, HTTP or WebSocket API found in a file.
type API struct {
	// Name is the API's name in its container (a CloudFormation logical ID,
	// a Terraform resource address); empty for a standalone OpenAPI file.
	Name string `json:"name"`
	// Container is the kind of file the API is declared in, one of the
	// Container constants; "" for a standalone OpenAPI file.
	Container Container `json:"container,omitempty"`
	// Format is the OpenAPI version of the API's definition, one of the
	// Format constants; "" when the API has no OpenAPI definition (one
	// built from CloudFormation or Terraform resources).
	Format Format `json:"format"`
	// Version is the document's "swagger" or "openapi" field as written.
	Version Field[string] `json:"version"`
	Kind    Kind          `json:"kind"`
	// KindEvidence says why Kind was chosen and where that shows.
	KindEvidence Evidence `json:"kind_evidence"`

	BinaryMediaTypes BinaryMediaTypes `json:"binary_media_types"`
	// Consumes and Produces are the document-wide defaults of OpenAPI 2.0.
	Consumes []MediaType `json:"consumes,omitempty"`
	Produces []MediaType `json:"produces,omitempty"`
	// Legacy holds root consumes/produces written in an OpenAPI 3 document.
	Legacy     Legacy       `json:"legacy,omitzero"`
	Operations []*Operation `json:"operations"`
	Span       source.Span  `json:"span"`
	// Definition is the OpenAPI document the API was read from: the file's
	// root, or a body written inline in a container. Nil when there is none.
	Definition *source.Node `json:"-"`
	// DefinitionPointer is where Definition is in DefinitionDoc ("" at
	// its root).
	DefinitionPointer string `json:"-"`
	// DefinitionDoc is the file Definition was read from: the container
	// itself, or the file a DefinitionUri or Terraform file() names.
	DefinitionDoc *source.Document `json:"-"`
	// Elsewhere is a definition the API is built from that apigw-oas does
	// not read (a BodyS3Location, a DefinitionUri in S3): the API's
	// operations and binary settings may be more than the model holds.
	Elsewhere Field[string] `json:"definition_elsewhere,omitzero"`
	// Unapplied are settings written in the API's file for APIs of its
	// kind that reach none of them, such as SAM's Globals.Api in a template
	// without a REST API it applies to: the deployment tool drops them.
	// They belong to the file (importer.Result.Unapplied, which a file
	// without any API has too); each API repeats them for inspect's JSON.
	Unapplied []Unapplied `json:"unapplied,omitempty"`
	// Unread are parts of the API's definition the import could not place
	// (a method under a resource no one declares): the API may have more
	// operations than the model holds.
	Unread []Unread `json:"unread,omitempty"`
}

// Unread is a part of a definition that was not read into the model, and
// why.
type Unread struct {
	What    string      `json:"what"` // as the user would name it: method PutFile
	Why     string      `json:"why"`
	Pointer string      `json:"pointer"`
	Span    source.Span `json:"span"`
}

// Unapplied is a setting the deployment tool drops, and why.
type Unapplied struct {
	Setting string      `json:"setting"` // as the user would name it: Globals.Api.BinaryMediaTypes
	Why     string      `json:"why"`
	Pointer string      `json:"pointer"`
	Span    source.Span `json:"span"` // the key
}

// Operation returns the API's operation at a path and method, or nil.
func (a *API) Operation(path, method string) *Operation {
	for _, op := range a.Operations {
		if op.Path == path && op.Method == method {
			return op
		}
	}
	return nil
}

// Format is the OpenAPI version a definition is written in.
type Format string

// Formats of API definitions.
const (
	FormatOpenAPI2  Format = "openapi-2.0"
	FormatOpenAPI30 Format = "openapi-3.0"
	FormatOpenAPI31 Format = "openapi-3.1"
	FormatOpenAPI32 Format = "openapi-3.2"
)

// Container is a kind of file that declares APIs around, or instead of, an
// OpenAPI definition.
type Container string

// Containers.
const (
	ContainerCloudFormation Container = "cloudformation"
	ContainerSAM            Container = "sam"
	ContainerServerless     Container = "serverless"
	ContainerTerraform      Container = "terraform"
	// ContainerAPIGateway is the control plane's own JSON: the output of
	// aws apigateway get-rest-api and get-resources --embed methods.
	ContainerAPIGateway Container = "apigateway"
)

// Evidence is the setting a conclusion was drawn from.
type Evidence struct {
	Reason  string      `json:"reason"`
	Pointer string      `json:"pointer,omitempty"`
	Span    source.Span `json:"span,omitzero"`
}

// BinaryMediaTypes is the API's binaryMediaTypes setting as written. API
// Gateway reads it only from the document root; copies written anywhere
// else are kept in Misplaced so lint can point at them.
type BinaryMediaTypes struct {
	// Declared is the extension at the definition's root (Field.Set is
	// false when absent). Its Tag tells whether it was written as a list.
	Declared Field[string] `json:"declared,omitzero"`
	// Property is the container's own setting (CloudFormation's
	// BinaryMediaTypes, Terraform's binary_media_types, …), when set.
	Property Field[string] `json:"property,omitzero"`
	// Entries are every entry of both, each with its origin: API Gateway
	// deploys their union.
	Entries []MediaType `json:"entries,omitempty"`
	// Replaced are the extension's entries when the deployment tool
	// overwrites the extension with its own setting (SAM's
	// BinaryMediaTypes): written, but not deployed.
	Replaced []MediaType `json:"replaced,omitempty"`
	// Misplaced lists the extension where API Gateway does not read it.
	Misplaced []Misplaced `json:"misplaced,omitempty"`
}

// MediaType is one media type as written in a list or as a map key:
// a binaryMediaTypes entry, a requestBody.content key, a consumes item.
type MediaType struct {
	Field[string]
	// Origin is the setting the entry was read from. An entry whose value
	// is computed at deploy time is Unknown: rules skip it and do not
	// conclude that nothing in the list matches.
	Origin Origin `json:"origin"`
}

// HasUnknown reports whether some entry's value cannot be known, so the
// deployed list may match more than the known entries do.
func (b BinaryMediaTypes) HasUnknown() bool {
	for _, e := range b.Entries {
		if e.Unknown {
			return true
		}
	}
	return false
}

// Origin names the setting a media type was read from.
type Origin string

const (
	FromBinaryMediaTypes Origin = "x-amazon-apigateway-binary-media-types"
	FromRequestBody      Origin = "requestBody.content" // OpenAPI 3
	FromResponseContent  Origin = "responses.content"   // OpenAPI 3
	FromConsumes         Origin = "consumes"            // an operation's, OpenAPI 2
	FromProduces         Origin = "produces"            // an operation's, OpenAPI 2
	FromRootConsumes     Origin = "root consumes"       // OpenAPI 2
	FromRootProduces     Origin = "root produces"       // OpenAPI 2

	// Binary media types set by a container, beside or instead of the
	// definition's extension.
	FromCloudFormation Origin = "BinaryMediaTypes" // AWS::ApiGateway::RestApi
	// FromSAM entries are un-escaped as SAM does: Raw keeps "image~1png",
	// Value is "image/png".
	FromSAM              Origin = "SAM BinaryMediaTypes"
	FromTerraform        Origin = "binary_media_types"
	FromServerless       Origin = "provider.apiGateway.binaryMediaTypes"
	FromServerlessPlugin Origin = "serverless plugin" // custom.apigwBinary.types, custom.apiGateway.binaryMediaTypes
	FromControlPlane     Origin = "binaryMediaTypes"  // aws apigateway get-rest-api

	// Media types of CloudFormation's AWS::ApiGateway::Method.
	FromRequestModels  Origin = "RequestModels"
	FromResponseModels Origin = "ResponseModels"
)

// Legacy is consumes/produces written in an OpenAPI 3 document, where they
// are Swagger 2 fields API Gateway ignores. They are kept apart from what
// API Gateway reads because they still show what the author meant.
type Legacy struct {
	Consumes []MediaType `json:"consumes,omitempty"`
	Produces []MediaType `json:"produces,omitempty"`
}

// Misplaced is a binary-media-types extension found away from the root.
type Misplaced struct {
	Pointer string      `json:"pointer"`
	Span    source.Span `json:"span"` // the key
	Entries []MediaType `json:"entries"`
}
