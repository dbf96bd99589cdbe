package walk

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
)

// candidateExtensions are the file names a walk looks into. CloudFormation
// and SAM templates go by many names (stack.template, serverless.template,
// x.template.json, x.cfn.yaml), Terraform writes .tf and .tf.json: all end
// in one of these, and the content decides.
var candidateExtensions = map[string]bool{".yaml": true, ".yml": true, ".json": true, ".tf": true, ".template": true}

// isCandidate reports whether a walk looks into a file of this name.
func isCandidate(name string) bool {
	return candidateExtensions[strings.ToLower(filepath.Ext(name))]
}

// definitionMarker finds what every format the importer reads mentions
// near its start: OpenAPI's root fields and extensions, API resource types
// of CloudFormation, SAM and Terraform, a serverless.yml's http events, the
// control plane's field names.
var definitionMarker = regexp.MustCompile(`(?m)^\s*["']?(openapi|swagger)["']?\s*:|x-amazon-apigateway-|` +
	`AWS::(ApiGateway|ApiGatewayV2|Serverless)::|"?aws_(api_gateway|apigatewayv2)_|` +
	`^\s*-\s*(http|httpApi)\s*:|^\s*apiGateway\s*:|"(binaryMediaTypes|resourceMethods)"`)

// SniffBytes is how much of a file the marker is looked for in.
const SniffBytes = 64 << 10

// mayHoldDefinition reads the start of a regular file: only files that
// mention one of the definition formats are imported, so a broken YAML
// file unrelated to any API does not fail the run. A file that cannot be
// opened is kept, for the import to report why.
func mayHoldDefinition(path string) bool {
	f, size, err := openRegular(path)
	if err != nil {
		return !errors.Is(err, errNotRegular)
	}
	defer f.Close()
	head := make([]byte, min(size, SniffBytes))
	n, _ := io.ReadFull(f, head)
	return definitionMarker.Match(bytes.TrimPrefix(head[:n], []byte("\xef\xbb\xbf")))
}

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
