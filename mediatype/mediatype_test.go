package mediatype

import (
	"testing"
)

func TestParse(t *testing.T) {
	good := map[string]string{
		"image/png":                          "image/png",
		"  Application/JSON ; charset=UTF-8": "Application/JSON",
		`text/plain; format="a;b,c\"d"`:      "text/plain",
		"image/*;q=0.8":                      "image/*",
		"*/*":                                "*/*",
		"application/vnd.api+json;":          "application/vnd.api+json",
	}
	for in, want := range good {
		got, err := Parse(in)
		if err != nil || got.String() != want {
			t.Errorf("Parse(%q) = %v, %v; want %s", in, got, err, want)
		}
	}
	if got, _ := Parse(`text/plain; format="a;b,c\"d"`); len(got.Params) != 1 || got.Params[0].Value != `a;b,c"d` {
		t.Errorf("quoted parameter = %+v", got.Params)
	}
	for _, bad := range []string{"", "application", "image/", "/png", "*.faa", "image/png png", "image/png; q", `text/plain; a="x`, "imäge/png", "image/png;=x"} {
		if _, err := Parse(bad); err == nil {
			t.Errorf("Parse(%q) succeeded", bad)
		}
	}
}

func TestFirstRange(t *testing.T) {
	cases := map[string]string{
		"image/avif,image/webp,image/apng,*/*;q=0.8": "image/avif",
		" text/html , application/xhtml+xml":         "text/html",
		`text/plain; x="a,b", image/png`:             `text/plain; x="a,b"`,
		"*/*":                                        "*/*",
		"image/webp,image/avif,image/jxl,image/heic": "image/webp",
	}
	for in, want := range cases {
		if got, ok := FirstRange(in); !ok || got != want {
			t.Errorf("FirstRange(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if _, ok := FirstRange("  "); ok {
		t.Error("FirstRange of blank succeeded")
	}
}

// Each row is one of API Gateway's matching rules (binary-semantics.md §4).
func TestMatch(t *testing.T) {
	cases := []struct {
		list  []string
		value string
		want  string // the matching entry, "" for none
	}{
		{[]string{"image/png"}, "image/png", "image/png"},
		{[]string{"image/png"}, "image/jpeg", ""},
		{[]string{"image/*"}, "image/png", "image/*"},                 // type/* matches any subtype
		{[]string{"application/*"}, "application/*", "application/*"}, // a literal wildcard value matches the entry
		{[]string{"*/*"}, "text/html", "*/*"},                         // */* matches everything
		{[]string{"*/test"}, "*/test", ""},                            // */subtype never matches, not even itself
		{[]string{"*/test"}, "application/test", ""},                  //
		{[]string{"image/png"}, "image/*", ""},                        // wildcards in the value are not expanded
		{[]string{"image/png"}, "*/*", ""},                            //
		{[]string{"image/png"}, "image/png;q=0.8", "image/png"},       // parameters dropped
		{[]string{"application/json; charset=utf-8"}, "application/json", "application/json; charset=utf-8"},
		{[]string{"image/png"}, "Image/PNG", "image/png"},               // case-insensitive (decision)
		{[]string{"*/*"}, "application", ""},                            // a malformed value matches nothing
		{[]string{"image~1png", "image/gif"}, "image/gif", "image/gif"}, // invalid entries are skipped
		{[]string{"image/jpeg", "image/*"}, "image/jpeg", "image/jpeg"}, // the first matching entry is named
		{nil, "image/png", ""},
	}
	for _, c := range cases {
		got, ok := NewMatcher(c.list).Match(c.value)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("%q matching %q = %q, %v; want %q", c.list, c.value, got, ok, c.want)
		}
	}
}

func FuzzMatch(f *testing.F) {
	f.Add("image/png", "image/*;q=0.8, */*")
	f.Add(`text/plain; a="x,\"y"`, "*/*")
	f.Add("*/test", "application/*")
	f.Fuzz(func(t *testing.T, entry, accept string) {
		first, _ := FirstRange(accept)
		got, ok := NewMatcher([]string{entry}).Match(first)
		if (ok && got != entry) || (!ok && got != "") {
			t.Fatalf("Match returned %q, %v for entry %q", got, ok, entry)
		}
		if typ, err := Parse(first); err == nil {
			if _, err := Parse(typ.String()); err != nil {
				t.Fatalf("re-parsing %q: %v", typ.String(), err)
			}
			if all, ok := NewMatcher([]string{"*/*"}).Match(first); !ok || all != "*/*" {
				t.Fatalf("*/* does not match the media type %q", first)
			}
		}
	})
}

func TestIsText(t *testing.T) {
	for in, want := range map[string]bool{
		"application/json": true, "application/problem+json": true, "text/html; charset=utf-8": true,
		"application/xml": true, "application/atom+xml": true, "application/x-www-form-urlencoded": true,
		"image/png": false, "application/pdf": false, "application/octet-stream": false,
		"multipart/form-data": false, "application/zip": false, "font/woff2": false,
	} {
		typ, err := Parse(in)
		if err != nil || IsText(typ) != want {
			t.Errorf("IsText(%q) = %v, want %v (%v)", in, !want, want, err)
		}
	}
}
