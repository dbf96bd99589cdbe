package matrix

import (
	"testing"

	"github.com/apigw-oas/apigw-oas/model"
)

// A setting computed at deploy time is never guessed: where it decides the
// outcome, the outcome is unknown; where it does not, the simulation runs.
func TestDeployTimeUnknownSettings(t *testing.T) {
	s3 := Config{Kind: model.RESTAPI, Integration: model.AWS, BinaryMediaTypes: []string{"image/png"},
		Responses: []IntegrationResponse{{Pattern: "default", StatusCode: "200"}}}
	with := func(change func(*Config)) Config {
		c := s3
		c.Responses = append([]IntegrationResponse(nil), s3.Responses...)
		change(&c)
		return c
	}
	png, text := Request{ContentType: "image/png", HasContentType: true, Body: []byte{0x89, 'P'}}, Request{ContentType: "application/json", HasContentType: true, Body: []byte("{}")}
	cases := []struct {
		name    string
		cfg     Config
		req     Request
		unknown bool
	}{
		{"integration type", with(func(c *Config) { c.Unknown.Integration = true }), png, true},
		{"contentHandling", with(func(c *Config) { c.Unknown.ContentHandling = true }), png, true},
		{"contentHandling of a proxy, which ignores it", with(func(c *Config) { c.Integration, c.Unknown.ContentHandling = model.AWSProxy, true }), png, false},
		{"passthroughBehavior, no template matches", with(func(c *Config) { c.Unknown.Passthrough = true }), png, true},
		{"passthroughBehavior, a template matches", with(func(c *Config) {
			c.Unknown.Passthrough, c.RequestTemplates = true, []Template{{ContentType: "image/png", Body: "{}"}}
		}), png, false},
		{"a list entry, a type no known entry matches", with(func(c *Config) { c.Unknown.BinaryMediaTypes = true }), text, true},
		{"a list entry, a type a known entry matches", with(func(c *Config) { c.Unknown.BinaryMediaTypes = true }), png, false},
	}
	for _, c := range cases {
		o := SimulateRequest(c.cfg, c.req)
		if got := o.Behavior == DeployTimeUnknown; got != c.unknown {
			t.Errorf("%s: behavior %s, want unknown %v (steps %q)", c.name, o.Behavior.ID, c.unknown, o.Steps)
		}
		if c.unknown && (o.Action != Unknown || o.Status != 0 || o.Body != nil) {
			t.Errorf("%s: action %s, status %d, body %q; an unknown outcome is not simulated", c.name, o.Action, o.Status, o.Body)
		}
	}

	responses := []struct {
		name    string
		cfg     Config
		accept  string
		unknown bool
	}{
		{"integration response contentHandling", with(func(c *Config) { c.Responses[0].ContentHandlingUnknown = true }), "image/png", true},
		{"a list entry, an Accept no known entry matches", with(func(c *Config) { c.Unknown.BinaryMediaTypes = true }), "text/html", true},
		{"a list entry, an Accept and a payload a known entry matches", with(func(c *Config) { c.Unknown.BinaryMediaTypes = true }), "image/png", false},
	}
	for _, c := range responses {
		o := SimulateResponse(c.cfg, Response{Accept: c.accept, HasAccept: true, ContentType: "image/png", HasContentType: true, Body: []byte{0x89, 'P'}})
		if got := o.Behavior == DeployTimeUnknown; got != c.unknown {
			t.Errorf("response, %s: behavior %s, want unknown %v (steps %q)", c.name, o.Behavior.ID, c.unknown, o.Steps)
		}
	}
}
