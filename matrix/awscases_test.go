package matrix

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/apigw-oas/apigw-oas/model"
)

// The bodies of the AWS-recorded S3 cases (binary-semantics.md §2.2): raw
// is Python's gzip.compress(b"compressed data, should be invalid UTF-8
// string", mtime=1676569620), 67 bytes of invalid UTF-8; encoded is its
// base64; text is plain UTF-8 that is not base64.
var (
	s3Encoded = "H4sIABRs7mMC/0vOzy0oSi0uTk1RSEksSdRRKM7IL81JUUhKVcjMK0vMyUxRCA1x07VQKC4pysxLBwC4ORBXLwAAAA=="
	s3Raw     = mustBase64(s3Encoded)
	s3Text    = "this is a UTF8 text typed object"
	// s3Lossy is raw as the recorded case saw it, 99 bytes: computed
	// independently with Python's raw.decode("utf-8", "replace").
	s3Lossy = mustBase64("H++/vQgAFGzvv71jAu+/vUvvv73vv70tKEotLk5NUUhJLEnvv71RKO+/ve+/vS/vv71JUUhKVe+/ve+/vStL77+977+9TFEIDXHTtVAoLinvv73vv71LBwDvv705EFcvAAAA")
)

// mustBase64 decodes a constant of this file; a typo in one stops the tests.
func mustBase64(s string) []byte {
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		panic(err)
	}
	return b
}

type awsCase struct {
	Source           string          `json:"source"`
	BinaryMediaTypes json.RawMessage `json:"binary_media_types"`
	ContentHandling  *string         `json:"content_handling_request"`
	ResponseHandling *string         `json:"content_handling_response"`
	Passthrough      *string         `json:"passthrough"`
	ContentType      *string         `json:"request_content_type"`
	BodyKind         *string         `json:"request_body_kind"`
	Accept           *string         `json:"accept"`
	ResponseType     *string         `json:"integration_response_content_type"`
	Expected         struct {
		Direction        string            `json:"direction"`
		Status           *int              `json:"status"`
		Body             string            `json:"body"`
		RequestTemplates map[string]string `json:"request_templates"`
		TemplatesFor     []string          `json:"request_templates_defined_for"`
	} `json:"expected"`
}

// TestAWSCases runs every case of ../shared/domain/aws-cases.json: the
// three tables of AWS's documentation and the AWS-recorded S3 request
// cases, with their real bodies.
func TestAWSCases(t *testing.T) {
	data, err := os.ReadFile("../../shared/domain/aws-cases.json")
	if err != nil {
		t.Skipf("aws-cases.json not available: %v", err)
	}
	var cases []awsCase
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	if len(cases) != 71 {
		t.Errorf("%d cases, want 71", len(cases))
	}
	for i, c := range cases {
		cfg, err := c.config()
		if err != nil {
			t.Fatalf("case %d (%s): %v", i, c.Source, err)
		}
		body := c.body()
		var res *Outcome
		if c.Expected.Direction == "request" {
			req := Request{Body: body}
			if c.ContentType != nil {
				req.ContentType, req.HasContentType = abstract(*c.ContentType), true
			}
			res = SimulateRequest(cfg, req)
		} else {
			res = SimulateResponse(cfg, Response{Accept: abstract(*c.Accept), HasAccept: true, ContentType: abstract(*c.ResponseType), HasContentType: true})
		}
		if why := c.check(res, body); why != "" {
			t.Errorf("case %d (%s): %s\n  got %s %s %d %v", i, c.Source, why, res.Behavior.ID, res.Action, res.Status, res.Steps)
		}
	}
}

func (c awsCase) config() (Config, error) {
	cfg := Config{Kind: model.RESTAPI, Integration: model.AWS}
	switch raw := string(c.BinaryMediaTypes); {
	case raw == "null":
	case strings.HasPrefix(raw, "["):
		if err := json.Unmarshal(c.BinaryMediaTypes, &cfg.BinaryMediaTypes); err != nil {
			return cfg, fmt.Errorf("binary_media_types %s: %v", raw, err)
		}
	default: // the documentation's "set, matching"
		cfg.BinaryMediaTypes = []string{"image/png"}
	}
	if c.ContentHandling != nil {
		cfg.ContentHandling = model.ParseContentHandling(*c.ContentHandling)
	}
	if c.Passthrough != nil {
		cfg.Passthrough = model.ParsePassthroughBehavior(*c.Passthrough)
	}
	for mediaType, body := range c.Expected.RequestTemplates {
		cfg.RequestTemplates = append(cfg.RequestTemplates, Template{ContentType: mediaType, Body: body})
	}
	for _, mediaType := range c.Expected.TemplatesFor {
		cfg.RequestTemplates = append(cfg.RequestTemplates, Template{ContentType: mediaType, Body: `{"body": "$input.body"}`})
	}
	ir := IntegrationResponse{Pattern: "default", StatusCode: "200"}
	if c.ResponseHandling != nil {
		ir.ContentHandling = model.ParseContentHandling(*c.ResponseHandling)
	}
	cfg.Responses = []IntegrationResponse{ir}
	return cfg, nil
}

// abstract turns the documentation's abstract media types into concrete
// ones for a list of [image/png].
func abstract(mediaType string) string {
	switch {
	case strings.HasPrefix(mediaType, "binary type"):
		return "image/png"
	case strings.HasPrefix(mediaType, "text type"), mediaType == "any":
		return "text/plain"
	}
	return mediaType
}

// body is the recorded case's request body; documentation rows have none.
func (c awsCase) body() []byte {
	if c.BodyKind == nil {
		return nil
	}
	switch kind := *c.BodyKind; {
	case strings.HasPrefix(kind, "binary_invalid_utf8"):
		return s3Raw
	case strings.HasPrefix(kind, "base64_text"):
		return []byte(s3Encoded)
	case strings.HasPrefix(kind, "utf8_text"):
		return []byte(s3Text)
	}
	return nil
}

// check compares an outcome with the case's expectation: real bytes for the
// recorded cases, the action for the documentation's rows.
func (c awsCase) check(res *Outcome, in []byte) string {
	want := c.Expected
	if want.Status != nil && res.Status != *want.Status {
		return "wrong status"
	}
	switch want.Body {
	case "unchanged":
		return expectBytes(res.Body, in)
	case "utf8_lossy":
		if !bytes.Equal(in, s3Raw) || len(s3Lossy) != 99 {
			return "only the raw gzip body is recorded as UTF-8 lossy"
		}
		return expectBytes(res.Body, s3Lossy)
	case "base64_encoded":
		return expectBytes(res.Body, []byte(base64.StdEncoding.EncodeToString(in)))
	case "base64_decoded":
		decoded, err := base64.StdEncoding.DecodeString(string(in))
		if err != nil {
			return "the case's body is not base64: " + err.Error()
		}
		return expectBytes(res.Body, decoded)
	case "error_500":
		return expectStatus(res, 500)
	case "rejected: 415 Unsupported Media Type":
		return expectStatus(res, 415)
	case "transformed with the template":
		if res.Template == nil || res.Status != 200 {
			return "want the template applied"
		}
	case "not transformed, sent to backend as-is":
		if res.Template != nil || res.Status != 200 {
			return "want the payload passed through untransformed"
		}
	default:
		return expectAction(res, docActions[want.Body])
	}
	return ""
}

// docActions maps the wording of AWS's tables to actions.
var docActions = map[string]Action{
	"UTF8-encoded string":        AsText,
	"Text data":                  AsText,
	"Base64-decoded binary blob": Base64Decode,
	"Base64-decoded blob":        Base64Decode,
	"Binary data":                Unchanged,
	"Base64-encoded string":      Base64Encode,
}

func expectBytes(got, want []byte) string {
	if !bytes.Equal(got, want) {
		return "wrong bytes"
	}
	return ""
}

func expectStatus(res *Outcome, status int) string {
	if res.Status != status {
		return "wrong status"
	}
	return ""
}

func expectAction(res *Outcome, a Action) string {
	if a == "" || res.Action != a {
		return "want action " + string(a)
	}
	return ""
}
