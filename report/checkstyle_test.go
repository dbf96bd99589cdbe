package report

import (
	"encoding/xml"
	"testing"
)

func TestCheckstyleParsesBack(t *testing.T) {
	var got checkstyleReport
	if err := xml.Unmarshal(render(t, "checkstyle", sampleFindings(t), Options{}), &got); err != nil {
		t.Fatal(err)
	}
	// The clean file is left out, and so are the two suppressed findings.
	if got.Version != "4.3" || len(got.Files) != 2 || len(got.Files[0].Errors) != 4 || len(got.Files[1].Errors) != 3 {
		t.Fatalf("%+v", got)
	}
	if e := got.Files[1].Errors[0]; e.Line != 0 || e.Column != 0 || e.Source != "apigw-oas.syntax" ||
		e.Message != sampleFindings(t).Diagnostics[5].Message {
		t.Errorf("file-level error %+v", e)
	}
}
