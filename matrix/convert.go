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

// replaceInvalidUTF8 replaces each invalid byte sequence with U+FFFD, as
// API Gateway does to text payloads: the recorded 67-byte gzip blob comes
// out as 99 bytes. (bytes.ToValidUTF8 would merge runs into one U+FFFD.)
func replaceInvalidUTF8(body []byte) []byte {
	if utf8.Valid(body) {
		return body
	}
	out := make([]byte, 0, len(body)+len(body)/2)
	for i := 0; i < len(body); {
		r, size := utf8.DecodeRune(body[i:])
		if r == utf8.RuneError && size == 1 {
			out = utf8.AppendRune(out, utf8.RuneError)
		} else {
			out = append(out, body[i:i+size]...)
		}
		i += size
	}
	return out
}
