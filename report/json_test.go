package report

import (
	"bytes"
	"encoding/json"
	"slices"
	"testing"
)

func TestJSONEnvelope(t *testing.T) {
	out := render(t, "json", sampleFindings(t), Options{})
	var got struct {
		Version     int              `json:"version"`
		Diagnostics []map[string]any `json:"diagnostics"`
		Summary     map[string]int   `json:"summary"`
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	if got.Version != 1 {
		t.Errorf("version %d", got.Version)
	}
	wantSummary := map[string]int{"files": 3, "errors": 3, "warnings": 3, "infos": 1, "suppressed": 2}
	if !mapsEqual(got.Summary, wantSummary) {
		t.Errorf("summary %v, want %v", got.Summary, wantSummary)
	}
	if len(got.Diagnostics) != 9 {
		t.Fatalf("%d diagnostics", len(got.Diagnostics))
	}
	related := got.Diagnostics[2] // integration-type-invalid, the one with everything
	for _, key := range []string{"rule", "severity", "message", "file", "start", "end", "pointer", "operation", "related"} {
		if _, ok := related[key]; !ok {
			t.Errorf("no %q in %v", key, related)
		}
	}
	if start := related["start"].(map[string]any); start["line"] != 11.0 || start["column"] != 15.0 {
		t.Errorf("start %v", start)
	}
	if s := got.Diagnostics[3]["suppression"].(map[string]any); s["kind"] != "inline" || s["reason"] == "" {
		t.Errorf("suppression %v", s)
	}
	for _, omitted := range []string{"pointer", "operation", "related", "suppression"} {
		if _, ok := got.Diagnostics[0][omitted]; ok {
			t.Errorf("empty %q not omitted", omitted)
		}
	}
}

// TestJSONKeyOrder reads the top level as tokens: map-based checks cannot
// see the order the envelope promises.
func TestJSONKeyOrder(t *testing.T) {
	dec := json.NewDecoder(bytes.NewReader(render(t, "json", cleanFindings(), Options{})))
	var keys []string
	depth := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch v := tok.(type) {
		case json.Delim:
			if v == '{' || v == '[' {
				depth++
			} else {
				depth--
			}
		case string:
			if depth == 1 {
				keys = append(keys, v)
			}
		}
	}
	if want := []string{"version", "diagnostics", "summary"}; !slices.Equal(keys, want) {
		t.Errorf("top-level keys %v, want %v", keys, want)
	}
	if !bytes.Contains(render(t, "json", cleanFindings(), Options{}), []byte(`"diagnostics": []`)) {
		t.Error("no findings is not written as []")
	}
}

func mapsEqual(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}
