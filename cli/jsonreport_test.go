package cli

import (
	"encoding/json"
	"testing"
)

// docs/json-report.md says columns count code points and end columns are
// exclusive: "image/jpg" (quotes included) after two ü starts at column
// 109, not at byte 111, and ends at 120.
func TestJSONReportSpans(t *testing.T) {
	src := `{"openapi":"3.0.1","info":{"title":"üü","version":"1"},"paths":{},"x-amazon-apigateway-binary-media-types":["image/jpg"]}`
	code, stdout, stderr := run(t, src, "lint", "-", "--stdin-filename", "api.json", "--format", "json")
	var report struct {
		Version     int
		Diagnostics []struct {
			Rule       string
			Start, End struct{ Line, Column int }
		}
	}
	if err := json.Unmarshal([]byte(stdout), &report); err != nil || code != ExitOK {
		t.Fatalf("exit %d, %v\n%s", code, err, stderr)
	}
	if len(report.Diagnostics) != 1 || report.Version != 1 {
		t.Fatalf("%+v", report)
	}
	d := report.Diagnostics[0]
	if d.Rule != "media-type-nonstandard" || d.Start.Line != 1 || d.Start.Column != 109 || d.End.Line != 1 || d.End.Column != 109+len(`"image/jpg"`) {
		t.Errorf("%+v, want media-type-nonstandard from 1:109 to 1:120", d)
	}
}
