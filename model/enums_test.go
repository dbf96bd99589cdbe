package model

import "testing"

func TestParseEnums(t *testing.T) {
	handling := map[string]ContentHandling{
		"CONVERT_TO_TEXT": ConvertToText, "CONVERT_TO_BINARY": ConvertToBinary,
		"convert_to_text": ContentHandlingInvalid, "": ContentHandlingInvalid, "CONVERT_TO_JSON": ContentHandlingInvalid,
	}
	for raw, want := range handling {
		if got := ParseContentHandling(raw); got != want {
			t.Errorf("ParseContentHandling(%q) = %v, want %v", raw, got, want)
		}
	}
	types := map[string]IntegrationType{
		"aws": AWS, "AWS_PROXY": AWSProxy, "Http": HTTP, "http_proxy": HTTPProxy, "MOCK": Mock,
		"lambda": IntegrationTypeInvalid, "": IntegrationTypeInvalid, "invalid": IntegrationTypeInvalid,
	}
	for raw, want := range types {
		if got := ParseIntegrationType(raw); got != want {
			t.Errorf("ParseIntegrationType(%q) = %v, want %v", raw, got, want)
		}
	}
	passthrough := map[string]PassthroughBehavior{
		"when_no_match": WhenNoMatch, "WHEN_NO_TEMPLATES": WhenNoTemplates, "never": Never,
		"sometimes": PassthroughBehaviorInvalid, "invalid": PassthroughBehaviorInvalid,
	}
	for raw, want := range passthrough {
		if got := ParsePassthroughBehavior(raw); got != want {
			t.Errorf("ParsePassthroughBehavior(%q) = %v, want %v", raw, got, want)
		}
	}
	modes := map[string]TransferMode{"STREAM": Stream, "buffered": Buffered, "CHUNKED": TransferModeInvalid, "invalid": TransferModeInvalid}
	for raw, want := range modes {
		if got := ParseTransferMode(raw); got != want {
			t.Errorf("ParseTransferMode(%q) = %v, want %v", raw, got, want)
		}
	}
	if !AWSProxy.IsProxy() || !HTTPProxy.IsProxy() || AWS.IsProxy() || Mock.IsProxy() {
		t.Error("IsProxy is wrong")
	}
}
