package mediatype

import "strings"

// The questions the evidence leaves open (binary-semantics.md §9), each
// answered once, here. docs/matrix.md explains the choices.
const (
	// CaseInsensitive: media types compare case-insensitively, as RFC 9110
	// says. No recording shows what API Gateway does (Q3); emulators differ.
	CaseInsensitive = true
	// AbsentAccept is the media range a request without an Accept header is
	// matched as (Q1). Recorded against AWS: with */* in the list, a client
	// that sends no Accept (.NET's HttpClient, hyper) gets isBase64Encoded
	// bodies decoded (recorded-behaviours.md §1). With a list that has no
	// */* nothing is recorded; */* then matches no entry, so the client is
	// answered as one that accepts text, as every emulator does.
	AbsentAccept = "*/*"
)

// Entry is one binaryMediaTypes entry as API Gateway matches it.
type Entry struct {
	Raw   string // as written
	typ   Type
	valid bool
}

// Matcher matches media types against a binaryMediaTypes list.
type Matcher struct{ entries []Entry }

// NewMatcher parses a binaryMediaTypes list. Entries that are not media
// types never match (lint reports them).
func NewMatcher(list []string) Matcher {
	m := Matcher{entries: make([]Entry, len(list))}
	for i, raw := range list {
		t, err := Parse(raw)
		m.entries[i] = Entry{Raw: raw, typ: t, valid: err == nil}
	}
	return m
}

// Empty reports whether the list has no entries.
func (m Matcher) Empty() bool { return len(m.entries) == 0 }

// Match returns the first entry that matches a media type (a Content-Type,
// or the first media range of an Accept header), and whether one does.
//
// Parameters are ignored on both sides: proven for Accept (";q=0.8" still
// matches, tier C), assumed for Content-Type and list entries (§9 Q4), as
// LocalStack and SAM do.
//
// API Gateway's rules: "type/*" matches every subtype of type; "*/*"
// matches everything; any other "*/subtype" never matches, not even itself;
// wildcards in the value are not expanded ("image/*" matches the entry
// "image/*", not "image/png"); a value that is not a media type matches
// nothing, not even "*/*".
func (m Matcher) Match(value string) (entry string, ok bool) {
	t, err := Parse(value)
	if err != nil {
		return "", false
	}
	for _, e := range m.entries {
		if e.valid && e.matches(t) {
			return e.Raw, true
		}
	}
	return "", false
}

func (e Entry) matches(t Type) bool {
	switch {
	case e.typ.Type == "*" && e.typ.Subtype == "*":
		return true
	case e.typ.Type == "*":
		return false
	case !equal(e.typ.Type, t.Type):
		return false
	}
	return e.typ.Subtype == "*" || equal(e.typ.Subtype, t.Subtype)
}

func equal(a, b string) bool {
	if CaseInsensitive {
		return strings.EqualFold(a, b)
	}
	return a == b
}
