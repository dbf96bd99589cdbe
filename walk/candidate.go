package walk

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
)

// candidateExtensions are the file names a walk looks into. CloudFormation
// and SAM templates go by many names (stack.template, serverless.template,
// x.template.json, x.cfn.yaml), Terraform writes .tf and .tf.json: all end
// in one of these, and the content decides. An array, not a map: it needs
// no initialisation at start-up.
var candidateExtensions = [...]string{".yaml", ".yml", ".json", ".tf", ".template"}

// isCandidate reports whether a walk looks into a file of this name.
func isCandidate(name string) bool {
	return slices.Contains(candidateExtensions[:], strings.ToLower(filepath.Ext(name)))
}

// SniffBytes is how much of a file the marker is looked for in.
const SniffBytes = 64 << 10

// MayHoldDefinition reads the start of a regular file: only files that
// mention one of the definition formats are imported, so a broken YAML
// file unrelated to any API does not fail the run. A file that cannot be
// opened is kept, for the import to report why.
func MayHoldDefinition(path string) bool {
	f, size, err := openRegular(path)
	if err != nil {
		return !errors.Is(err, errNotRegular)
	}
	defer f.Close()
	head := make([]byte, min(size, SniffBytes))
	n, _ := io.ReadFull(f, head)
	return HasMarker(head[:n])
}

// HasMarker reports whether the start of a file (its first SniffBytes)
// holds a definition's mark (hasMarker), after a UTF-8 byte order mark.
func HasMarker(head []byte) bool {
	return hasMarker(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")))
}

// markerLiterals are the marks of a definition that may stand anywhere:
// OpenAPI's extensions, API resource types of CloudFormation, SAM and
// Terraform, the control plane's field names.
var markerLiterals = [...]string{"x-amazon-apigateway-", "AWS::ApiGateway::", "AWS::ApiGatewayV2::",
	"AWS::Serverless::", "aws_api_gateway_", "aws_apigatewayv2_", `"binaryMediaTypes"`, `"resourceMethods"`}

// hasMarker reports whether text mentions what every format the importer
// reads mentions near its start: a marker literal, or a line that starts
// with OpenAPI's root field (openapi: or swagger:, maybe quoted), a
// serverless.yml's http event (- http: or - httpApi:) or its apiGateway:
// section. Spaces are those of \s in a regular expression, a line's start
// may be preceded by blank lines. It is hand-written, not a regular
// expression: one without a literal prefix runs Go's slowest matcher over
// every candidate's first 64 KiB, a sixth of a folder run's CPU time.
func hasMarker(text []byte) bool {
	for _, lit := range markerLiterals {
		if bytes.Contains(text, []byte(lit)) {
			return true
		}
	}
	return keyAtLineStart(text, "openapi", true) || keyAtLineStart(text, "swagger", true) ||
		keyAtLineStart(text, "apiGateway", false) || httpEvent(text)
}

// keyAtLineStart reports whether key, maybe in quotes when quotable,
// starts a line and is followed by a colon.
func keyAtLineStart(text []byte, key string, quotable bool) bool {
	for at := range occurrences(text, key) {
		start, end := at, at+len(key)
		if quotable && start > 0 && isQuote(text[start-1]) {
			start--
		}
		if quotable && end < len(text) && isQuote(text[end]) {
			end++
		}
		if startsLine(text, start) && colonAfter(text, end) {
			return true
		}
	}
	return false
}

// httpEvent reports whether a line holds "- http:" or "- httpApi:", a
// serverless.yml function's API Gateway event.
func httpEvent(text []byte) bool {
	for at := range occurrences(text, "http") {
		end := at + len("http")
		if bytes.HasPrefix(text[end:], []byte("Api")) {
			end += len("Api")
		}
		dash := skipSpacesBack(text, at) - 1
		if dash >= 0 && text[dash] == '-' && startsLine(text, dash) && colonAfter(text, end) {
			return true
		}
	}
	return false
}

// occurrences yields the offsets of key in text.
func occurrences(text []byte, key string) func(yield func(int) bool) {
	return func(yield func(int) bool) {
		for from := 0; ; {
			i := bytes.Index(text[from:], []byte(key))
			if i < 0 || !yield(from+i) {
				return
			}
			from += i + 1
		}
	}
}

// startsLine reports whether only spaces stand between offset at and the
// start of the text or of a line.
func startsLine(text []byte, at int) bool {
	for i := at - 1; ; i-- {
		if i < 0 || text[i] == '\n' {
			return true
		}
		if !isSpace(text[i]) {
			return false
		}
	}
}

// skipSpacesBack is the offset of the spaces that end text[:at].
func skipSpacesBack(text []byte, at int) int {
	for at > 0 && isSpace(text[at-1]) {
		at--
	}
	return at
}

// colonAfter reports whether a colon follows offset at, after spaces.
func colonAfter(text []byte, at int) bool {
	for at < len(text) && isSpace(text[at]) {
		at++
	}
	return at < len(text) && text[at] == ':'
}

// isSpace is \s of a regular expression.
func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

func isQuote(c byte) bool { return c == '"' || c == '\'' }

var errNotRegular = errors.New("not a regular file")

// openRegular opens a file only if it is a regular file, and returns its
// size. The open does not block, so a named pipe put in a file's place
// after the walk looked at it cannot hang the run (opening one for reading
// waits for a writer).
func openRegular(path string) (*os.File, int64, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, 0, err
	}
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() {
		f.Close()
		return nil, 0, errNotRegular
	}
	return f, info.Size(), nil
}
