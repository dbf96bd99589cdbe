package matrix

import (
	"testing"

	"github.com/apigw-oas/apigw-oas/model"
)

// Only a text frame to a Lambda proxy with CONVERT_TO_TEXT is recorded;
// every other WebSocket case is unknown, not guessed from the REST tables.
func TestWebSocketSimulatesOnlyTheRecordedCase(t *testing.T) {
	proxyText := Config{Kind: model.WebSocketAPI, Integration: model.AWSProxy, ContentHandling: model.ConvertToText}
	cases := []struct {
		name  string
		cfg   Config
		frame []byte
		want  Behavior
	}{
		{"text frame, recorded", proxyText, []byte("hi"), WebSocketTextFrame},
		{"no body: a text frame", proxyText, nil, WebSocketTextFrame},
		{"binary frame", proxyText, []byte{0xff, 0xd8}, WebSocketUnrecorded},
		{"CONVERT_TO_BINARY", Config{Kind: model.WebSocketAPI, Integration: model.AWSProxy, ContentHandling: model.ConvertToBinary}, []byte("hi"), WebSocketUnrecorded},
		{"no strategy", Config{Kind: model.WebSocketAPI, Integration: model.AWSProxy}, []byte("hi"), WebSocketUnrecorded},
		{"http integration", Config{Kind: model.WebSocketAPI, Integration: model.HTTP, ContentHandling: model.ConvertToText}, []byte("hi"), WebSocketUnrecorded},
	}
	for _, c := range cases {
		o := SimulateRequest(c.cfg, Request{Body: c.frame})
		if o.Behavior != c.want {
			t.Errorf("%s: behavior %s, want %s (steps %q)", c.name, o.Behavior.ID, c.want.ID, o.Steps)
		}
		if c.want == WebSocketUnrecorded && (o.Action != Unknown || o.Body != nil) {
			t.Errorf("%s: action %s, body %q; an unrecorded case is not simulated", c.name, o.Action, o.Body)
		}
		if o.Status != 0 {
			t.Errorf("%s: status %d; a frame has none", c.name, o.Status)
		}
	}
	resp := SimulateResponse(Config{Kind: model.WebSocketAPI, Integration: model.Mock,
		Responses: []IntegrationResponse{{Pattern: "$default", ContentHandling: model.ConvertToBinary}}}, Response{Body: []byte("x")})
	if resp.Behavior != WebSocketUnrecorded || resp.Action != Unknown || resp.Body != nil {
		t.Errorf("response: %s %s %q; no WebSocket response is recorded", resp.Behavior.ID, resp.Action, resp.Body)
	}
}
