// Package mediatype parses media types and media ranges (RFC 9110 §8.3.1,
// §12.5.1) and matches them against an API's binaryMediaTypes the way API
// Gateway does.
package mediatype

import (
	"fmt"
	"strings"
)

// Type is a media type ("image/png") or media range ("image/*", "*/*")
// with its parameters. Type and Subtype keep the case they were written in.
type Type struct {
	Type, Subtype string
	Params        []Param
}

// Param is one parameter; Value is unquoted.
type Param struct{ Name, Value string }

func (t Type) String() string { return t.Type + "/" + t.Subtype }

// Essence is "type/subtype" in lower case, without parameters.
func (t Type) Essence() string { return strings.ToLower(t.String()) }

// Parse reads "type/subtype *( OWS ; OWS name=value )". Values may be
// quoted strings with backslash escapes.
func Parse(s string) (Type, error) {
	p := parser{s: s}
	p.skipOWS()
	var t Type
	var ok bool
	if t.Type, ok = p.token(); !ok {
		return Type{}, p.errorf("expected a type such as \"image\"")
	}
	if !p.consume('/') {
		return Type{}, p.errorf("expected '/' after %q", t.Type)
	}
	if t.Subtype, ok = p.token(); !ok {
		return Type{}, p.errorf("expected a subtype after %q", t.Type+"/")
	}
	for {
		p.skipOWS()
		if p.done() {
			return t, nil
		}
		if !p.consume(';') {
			return Type{}, p.errorf("expected ';' before a parameter")
		}
		p.skipOWS()
		if p.done() { // a trailing ';' is tolerated, as most parsers do
			return t, nil
		}
		param, err := p.param()
		if err != nil {
			return Type{}, err
		}
		t.Params = append(t.Params, param)
	}
}

// FirstRange returns the first media range of an Accept header value, the
// only one API Gateway looks at. Commas inside quoted parameter values do
// not split ranges.
func FirstRange(accept string) (string, bool) {
	inQuotes := false
	for i := 0; i < len(accept); i++ {
		switch c := accept[i]; {
		case c == '\\' && inQuotes:
			i++
		case c == '"':
			inQuotes = !inQuotes
		case c == ',' && !inQuotes:
			return strings.TrimSpace(accept[:i]), true
		}
	}
	first := strings.TrimSpace(accept)
	return first, first != ""
}

type parser struct {
	s string
	i int
}

func (p *parser) done() bool { return p.i >= len(p.s) }

func (p *parser) errorf(format string, args ...any) error {
	return fmt.Errorf("invalid media type %q at character %d: %s", p.s, p.i+1, fmt.Sprintf(format, args...))
}

func (p *parser) skipOWS() {
	for !p.done() && (p.s[p.i] == ' ' || p.s[p.i] == '\t') {
		p.i++
	}
}

func (p *parser) consume(c byte) bool {
	if !p.done() && p.s[p.i] == c {
		p.i++
		return true
	}
	return false
}

// token reads an RFC 9110 token: visible ASCII except delimiters.
func (p *parser) token() (string, bool) {
	start := p.i
	for !p.done() && isTokenChar(p.s[p.i]) {
		p.i++
	}
	return p.s[start:p.i], p.i > start
}

func isTokenChar(c byte) bool {
	if c <= ' ' || c >= 0x7f {
		return false
	}
	return !strings.ContainsRune(`"(),/:;<=>?@[\]{}`, rune(c))
}

func (p *parser) param() (Param, error) {
	name, ok := p.token()
	if !ok {
		return Param{}, p.errorf("expected a parameter name")
	}
	if !p.consume('=') {
		return Param{}, p.errorf("expected '=' after parameter %q", name)
	}
	if p.done() || p.s[p.i] != '"' {
		value, ok := p.token()
		if !ok {
			return Param{}, p.errorf("expected a value for parameter %q", name)
		}
		return Param{Name: name, Value: value}, nil
	}
	var b strings.Builder
	for p.i++; !p.done(); p.i++ {
		switch c := p.s[p.i]; c {
		case '\\':
			if p.i+1 < len(p.s) {
				p.i++
				b.WriteByte(p.s[p.i])
			}
		case '"':
			p.i++
			return Param{Name: name, Value: b.String()}, nil
		default:
			b.WriteByte(c)
		}
	}
	return Param{}, p.errorf("unterminated quoted value of parameter %q", name)
}

// IsText reports whether a media type carries text: text/*, JSON, XML and
// their +json/+xml variants, JavaScript, YAML, GraphQL and URL-encoded
// forms. Everything else (images, PDFs, archives, octet streams, multipart
// bodies) is binary content, which API Gateway mangles unless it is listed.
func IsText(t Type) bool {
	e := t.Essence()
	typ, sub, _ := strings.Cut(e, "/")
	switch {
	case typ == "text":
		return true
	case strings.HasSuffix(sub, "+json"), strings.HasSuffix(sub, "+xml"), strings.HasSuffix(sub, "+yaml"):
		return true
	}
	switch e {
	case "application/json", "application/xml", "application/javascript", "application/x-javascript",
		"application/ecmascript", "application/yaml", "application/x-yaml", "application/graphql",
		"application/x-www-form-urlencoded", "application/x-ndjson", "application/jsonl":
		return true
	}
	return false
}

// EssenceOf is the essence of a media type written as text, or the text
// lower-cased when it does not parse: a key for comparing media types.
func EssenceOf(mediaType string) string {
	if t, err := Parse(mediaType); err == nil {
		return t.Essence()
	}
	return strings.ToLower(strings.TrimSpace(mediaType))
}
