package model

import (
	"slices"
	"strings"

	"github.com/apigw-oas/apigw-oas/source"
)

// Operation is one method of one path, or one route of a WebSocket API
// (Path is the route key, such as "$connect", and Method is empty).
type Operation struct {
	Path string `json:"path"`
	// Method is upper case; x-amazon-apigateway-any-method is "ANY".
	Method  string      `json:"method"`
	Pointer string      `json:"pointer"`
	Span    source.Span `json:"span"` // the method key
	// Accepts lists the request media types: OpenAPI 3 requestBody.content
	// keys, or OpenAPI 2 consumes (the operation's, else the root's).
	Accepts     []MediaType  `json:"accepts"`
	Responses   []*Response  `json:"responses"`
	Integration *Integration `json:"integration"`
	// Legacy holds the operation's consumes/produces in an OpenAPI 3
	// document.
	Legacy Legacy `json:"legacy,omitzero"`
	// Generated is set for an operation the deployment tool writes itself,
	// such as the OPTIONS method SAM and the Serverless Framework add for
	// CORS. Span and Pointer are then those of the setting that asks for it.
	Generated *Generated `json:"generated,omitempty"`
}

// Generated says which setting makes a tool write an operation.
type Generated struct {
	// By names the tool and setting: "SAM Cors", "Serverless cors: true".
	By      string      `json:"by"`
	Pointer string      `json:"pointer"`
	Span    source.Span `json:"span"`
}

// MethodKey is the key an operation of this method has in an OpenAPI path
// item: the method in lower case, x-amazon-apigateway-any-method for ANY.
func MethodKey(method string) string {
	if method == "ANY" {
		return "x-amazon-apigateway-any-method"
	}
	return strings.ToLower(method)
}

// Name is "METHOD /path", how the operation is named in messages; a
// WebSocket route, which has no method, is named by its route key.
func (o *Operation) Name() string {
	if o.Method == "" {
		return o.Path
	}
	return o.Method + " " + o.Path
}

// Response is one declared method response and what it produces.
type Response struct {
	Status Field[string] `json:"status"`
	// Produces lists the media types: OpenAPI 3 content keys, or OpenAPI 2
	// produces (the operation's, else the root's).
	Produces []MediaType `json:"produces"`
}

// Integration is x-amazon-apigateway-integration: how API Gateway calls the
// backend and converts payloads on the way.
type Integration struct {
	Pointer string      `json:"pointer"`
	Span    source.Span `json:"span"` // the extension's key
	// Ref is the $ref an HTTP API integration is written as, if any.
	Ref Field[string] `json:"ref,omitzero"`

	Type                 Field[IntegrationType]     `json:"type,omitzero"`
	URI                  Field[string]              `json:"uri,omitzero"`
	HTTPMethod           Field[string]              `json:"http_method,omitzero"`
	Credentials          Field[string]              `json:"credentials,omitzero"`
	RequestParameters    []Named                    `json:"request_parameters,omitempty"`
	RequestTemplates     []Named                    `json:"request_templates,omitempty"`
	PassthroughBehavior  Field[PassthroughBehavior] `json:"passthrough_behavior,omitzero"`
	ContentHandling      Field[ContentHandling]     `json:"content_handling,omitzero"`
	CacheNamespace       Field[string]              `json:"cache_namespace,omitzero"`
	CacheKeyParameters   []Field[string]            `json:"cache_key_parameters,omitempty"`
	TimeoutInMillis      Field[int]                 `json:"timeout_in_millis,omitzero"`
	ConnectionType       Field[string]              `json:"connection_type,omitzero"`
	ConnectionID         Field[string]              `json:"connection_id,omitzero"`
	TLSConfig            TLSConfig                  `json:"tls_config,omitzero"`
	Responses            []*IntegrationResponse     `json:"responses,omitempty"`
	ResponseTransferMode Field[TransferMode]        `json:"response_transfer_mode,omitzero"`
	IntegrationTarget    Field[string]              `json:"integration_target,omitzero"`
	// IntegrationSubtype and PayloadFormatVersion exist for HTTP APIs only.
	IntegrationSubtype   Field[string] `json:"integration_subtype,omitzero"`
	PayloadFormatVersion Field[string] `json:"payload_format_version,omitzero"`
}

// TLSConfig is the integration's tlsConfig.
type TLSConfig struct {
	InsecureSkipVerification Field[bool]   `json:"insecure_skip_verification,omitzero"`
	ServerNameToVerify       Field[string] `json:"server_name_to_verify,omitzero"`
}

// IntegrationResponse is one entry of the integration's responses map: for
// backend statuses (or Lambda error messages) matching Pattern, the method
// response StatusCode is returned, converted by ContentHandling.
type IntegrationResponse struct {
	// Pattern is the selection pattern, the map key ("default", "4\\d{2}").
	Pattern            Field[string]          `json:"pattern"`
	Pointer            string                 `json:"pointer"`
	StatusCode         Field[string]          `json:"status_code,omitzero"`
	ContentHandling    Field[ContentHandling] `json:"content_handling,omitzero"`
	ResponseTemplates  []Named                `json:"response_templates,omitempty"`
	ResponseParameters []Named                `json:"response_parameters,omitempty"`
}

// SuccessTypes lists the media types the operation's 2xx responses
// declare, each once, in the order written; entries known only at deploy
// time are left out.
func (o *Operation) SuccessTypes() []string {
	var types []string
	for _, r := range o.Responses {
		if !strings.HasPrefix(r.Status.Raw, "2") {
			continue
		}
		for _, m := range r.Produces {
			if m.IsString() && !m.Unknown && !slices.Contains(types, m.Value) {
				types = append(types, m.Value)
			}
		}
	}
	return types
}
