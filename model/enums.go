package model

import "strings"

// ContentHandling is the contentHandling of an integration (applied to the
// request) or of an integration response (applied to the response).
type ContentHandling uint8

const (
	// Passthrough is the behaviour when contentHandling is not set.
	Passthrough ContentHandling = iota
	ConvertToText
	ConvertToBinary
	// ContentHandlingInvalid is a value API Gateway does not accept.
	ContentHandlingInvalid
)

// ParseContentHandling accepts exactly the two values API Gateway documents.
// Case matters: whether the import accepts "convert_to_text" is unverified
// (binary-semantics.md §9 Q8), so we treat it as invalid and let lint say so.
func ParseContentHandling(raw string) ContentHandling {
	switch raw {
	case "CONVERT_TO_TEXT":
		return ConvertToText
	case "CONVERT_TO_BINARY":
		return ConvertToBinary
	}
	return ContentHandlingInvalid
}

func (c ContentHandling) String() string {
	return [...]string{"", "CONVERT_TO_TEXT", "CONVERT_TO_BINARY", "invalid"}[c]
}

func (c ContentHandling) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// IntegrationType is x-amazon-apigateway-integration.type.
type IntegrationType uint8

const (
	IntegrationUnset IntegrationType = iota
	AWS
	AWSProxy
	HTTP
	HTTPProxy
	Mock
	IntegrationTypeInvalid
)

var integrationTypeNames = [...]string{"", "aws", "aws_proxy", "http", "http_proxy", "mock", "invalid"}

// ParseIntegrationType is case-insensitive: OpenAPI documents write the type
// in lowercase, the API and CloudFormation in uppercase, and both import.
func ParseIntegrationType(raw string) IntegrationType {
	return parseFolded(raw, integrationTypeNames[:], IntegrationTypeInvalid)
}

func (t IntegrationType) String() string { return integrationTypeNames[t] }

func (t IntegrationType) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// IsProxy reports whether API Gateway hands the request to the backend as
// is: aws_proxy and http_proxy integrations take no templates and ignore
// contentHandling.
func (t IntegrationType) IsProxy() bool { return t == AWSProxy || t == HTTPProxy }

// PassthroughBehavior says what happens to a request whose Content-Type has
// no request template.
type PassthroughBehavior uint8

const (
	// WhenNoMatch is API Gateway's default.
	WhenNoMatch PassthroughBehavior = iota
	WhenNoTemplates
	Never
	PassthroughBehaviorInvalid
)

var passthroughNames = [...]string{"when_no_match", "when_no_templates", "never", "invalid"}

// ParsePassthroughBehavior is case-insensitive: OpenAPI uses lowercase, the
// API and exports of the API use uppercase.
func ParsePassthroughBehavior(raw string) PassthroughBehavior {
	return parseFolded(raw, passthroughNames[:], PassthroughBehaviorInvalid)
}

func (p PassthroughBehavior) String() string { return passthroughNames[p] }

func (p PassthroughBehavior) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// TransferMode is responseTransferMode: BUFFERED (the default) or STREAM.
type TransferMode uint8

const (
	Buffered TransferMode = iota
	Stream
	TransferModeInvalid
)

var transferModeNames = [...]string{"BUFFERED", "STREAM", "invalid"}

// ParseTransferMode is case-insensitive, like the other integration enums.
func ParseTransferMode(raw string) TransferMode {
	return parseFolded(raw, transferModeNames[:], TransferModeInvalid)
}

func (m TransferMode) String() string { return transferModeNames[m] }

func (m TransferMode) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// parseFolded returns the enum value whose name (its index in names) equals
// raw ignoring case. The names of the unset value ("") and of invalid itself
// never match.
func parseFolded[T ~uint8](raw string, names []string, invalid T) T {
	for i, name := range names {
		if T(i) != invalid && name != "" && strings.EqualFold(raw, name) {
			return T(i)
		}
	}
	return invalid
}
