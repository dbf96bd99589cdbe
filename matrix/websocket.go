package matrix

import (
	"unicode/utf8"

	"github.com/apigw-oas/apigw-oas/model"
)

// recordedWebSocket is the only data-plane recording of a WebSocket API's
// contentHandlingStrategy (recorded-behaviours.md area 4, W2-038).
const recordedWebSocket = "recorded against AWS: aws/chalice tests/aws/test_features.py test_websocket_lifecycle (ContentHandlingStrategy CONVERT_TO_TEXT on an AWS_PROXY integration; tier A-, an assertion, the AWS response is not stored)"

// The behaviours of a WebSocket route: the one recorded case, and
// everything else, which the simulator does not guess.
var (
	WebSocketTextFrame  = Behavior{"websocket-text-frame", "WebSocket: with contentHandlingStrategy CONVERT_TO_TEXT, a text frame reaches a Lambda proxy as the identical string (not base64)", recordedWebSocket}
	WebSocketUnrecorded = Behavior{"websocket-unrecorded", "WebSocket: no recording covers this case (binary frames, CONVERT_TO_BINARY, another integration type or no strategy, integration responses); what API Gateway does is unknown", "recorded-behaviours.md, area 4: the WebSocket data plane is almost unrecorded"}
)

// simulateWebSocketFrame follows a frame from the client to the route's
// integration. A body that is not UTF-8 can only be a binary frame; no body
// is taken as a text frame.
func simulateWebSocketFrame(c Config, req Request, res *Outcome) *Outcome {
	res.Status = 0 // a frame has no HTTP status
	text := req.Body == nil || utf8.Valid(req.Body)
	switch {
	case req.Body == nil:
		res.step("no frame is given; it is taken as a text frame")
	case text:
		res.step("the frame is UTF-8, sent as a text frame")
	default:
		res.step("the frame is not UTF-8, so it is a binary frame")
	}
	if text && c.Integration == model.AWSProxy && c.ContentHandling == model.ConvertToText {
		res.step("the integration is aws_proxy with contentHandlingStrategy CONVERT_TO_TEXT, the case AWS is recorded for")
		return convert(res, WebSocketTextFrame, Unchanged, req.Body, true)
	}
	res.step("the integration is " + orUnset(c.Integration.String()) + " with contentHandlingStrategy " + orUnset(c.ContentHandling.String()) + "; recorded is only a text frame to aws_proxy with CONVERT_TO_TEXT")
	return unrecorded(res)
}

// simulateWebSocketResponse: no recording covers what reaches a WebSocket
// client, with or without an integration response's strategy.
func simulateWebSocketResponse(c Config, res *Outcome) *Outcome {
	res.Status = 0
	for _, r := range c.Responses {
		if r.ContentHandling != model.Passthrough {
			res.step("the integration response " + r.Pattern + " has contentHandlingStrategy " + r.ContentHandling.String() + ", accepted by AWS (control plane) but never recorded at runtime")
		}
	}
	res.step("no recording shows what a WebSocket client receives")
	return unrecorded(res)
}

func unrecorded(res *Outcome) *Outcome {
	res.Behavior, res.Action = WebSocketUnrecorded, Unknown
	res.step("what API Gateway does here is unknown; nothing is simulated")
	return res
}

func orUnset(s string) string {
	if s == "" {
		return "(unset)"
	}
	return s
}
