package matrix

import (
	"encoding/base64"
	"unicode/utf8"
)

// apply performs an action on a payload. ok is false when a base64 decode
// fails, which API Gateway answers with 500.
func apply(a Action, body []byte) (out []byte, ok bool) {
	switch a {
	case AsText:
		return replaceInvalidUTF8(body), true
	case Base64Encode:
		return []byte(base64.StdEncoding.EncodeToString(body)), true
	case Base64Decode:
		out, err := base64.StdEncoding.DecodeString(string(body))
		return out, err == nil
	case Rejected:
		return nil, true
	}
	return body, true
}

// replaceInvalidUTF8 replaces each invalid byte sequence with one U+FFFD,
// as API Gateway does to text payloads: the recorded 67-byte gzip blob
// comes out as 99 bytes. A sequence is the "maximal subpart" of Unicode's
// recommendation, which Java and Python follow: a truncated three-byte
// character is one U+FFFD, not two. (bytes.ToValidUTF8 would merge whole
// runs into one.)
func replaceInvalidUTF8(body []byte) []byte {
	if utf8.Valid(body) {
		return body
	}
	out := make([]byte, 0, len(body)+len(body)/2)
	for i := 0; i < len(body); {
		r, size := utf8.DecodeRune(body[i:])
		if r == utf8.RuneError && size == 1 {
			out = utf8.AppendRune(out, utf8.RuneError)
			i += maximalSubpart(body[i:])
			continue
		}
		out = append(out, body[i:i+size]...)
		i += size
	}
	return out
}

// maximalSubpart returns how many bytes of an invalid sequence at the
// start of b one U+FFFD replaces: its lead byte and the continuation bytes
// that could still have completed it.
func maximalSubpart(b []byte) int {
	need, lo, hi := 0, byte(0x80), byte(0xBF)
	switch lead := b[0]; {
	case lead >= 0xC2 && lead <= 0xDF:
		need = 1
	case lead == 0xE0:
		need, lo = 2, 0xA0
	case lead == 0xED:
		need, hi = 2, 0x9F
	case lead >= 0xE1 && lead <= 0xEF:
		need = 2
	case lead == 0xF0:
		need, lo = 3, 0x90
	case lead == 0xF4:
		need, hi = 3, 0x8F
	case lead >= 0xF1 && lead <= 0xF3:
		need = 3
	}
	i := 1
	for ; i <= need && i < len(b) && b[i] >= lo && b[i] <= hi; i++ {
		lo, hi = 0x80, 0xBF
	}
	return i
}
