// Package patchops computes the API Gateway patchOperations that turn one
// definition's binary settings into another's, and applies such
// operations to an OpenAPI definition. The operations are grouped by the
// resource they must be sent to: the RestApi (binaryMediaTypes), a
// method's Integration, or one of its IntegrationResponses.
package patchops

// Operation is one API Gateway PatchOperation. Value is nil where the
// operation takes none (adding a binary media type).
type Operation struct {
	Op    string  `json:"op"`
	Path  string  `json:"path"`
	Value *string `json:"value,omitempty"`
}

// TargetKind is the kind of resource a Target is, as written in diff's
// JSON ("restapi", "integration", "integration-response").
type TargetKind string

const (
	RestAPITarget             TargetKind = "restapi"
	IntegrationTarget         TargetKind = "integration"
	IntegrationResponseTarget TargetKind = "integration-response"
)

// Target is the resource a list of operations is sent to.
type Target struct {
	Kind TargetKind `json:"kind"`
	// Resource is the REST path of the PATCH request, with placeholders
	// for the IDs a definition does not know.
	Resource string `json:"resource"`
	// Path and Method name the operation, Status the integration
	// response; empty for the RestApi.
	Path   string `json:"path,omitempty"`
	Method string `json:"method,omitempty"`
	Status string `json:"status,omitempty"`
	// Operations are the patchOperations, as the AWS CLI takes them.
	Operations []Operation `json:"patchOperations"`
	// Notes say which operations are uncertain and why.
	Notes []string `json:"notes,omitempty"`
}

func restAPIResource() string { return "/restapis/{restapi_id}" }

func integrationResource(method string) string {
	return restAPIResource() + "/resources/{resource_id}/methods/" + method + "/integration"
}

func integrationResponseResource(method, status string) string {
	return integrationResource(method) + "/responses/" + status
}

func value(s string) *string { return &s }
