package terraform

import (
	"bytes"
	"fmt"

	"github.com/apigw-oas/apigw-oas/diag"
	"github.com/apigw-oas/apigw-oas/source"
)

// valueEstimate bounds how many values an HCL text can hold, cheaply and
// before hclsyntax builds anything: every value is followed by a newline,
// a comma or a closing bracket (a comma that ends a line counted once).
// YAML and JSON are bounded the same way (source.MaxNodes), since parsing
// costs memory per value.
func valueEstimate(src []byte) int {
	n := 1 - bytes.Count(src, []byte(",\n"))
	for _, c := range []byte("\n,]})") {
		n += bytes.Count(src, []byte{c})
	}
	return n
}

// tooManyValues refuses a text that may hold more values than
// source.MaxNodes.
func tooManyValues(doc *source.Document) []diag.Diagnostic {
	if n := valueEstimate(doc.Src); n > source.MaxNodes {
		return []diag.Diagnostic{hclError(doc, 0, 0, fmt.Sprintf("the document is too large: it may hold more than %d values (it has %d lines, commas and closing brackets)", source.MaxNodes, n))}
	}
	return nil
}

// budget is what the files of one import may hold together: the imported
// file, its module's other files and the local modules it calls are
// counted against one source.MaxNodes, so many large siblings cannot
// multiply the memory one file may take.
type budget struct {
	left    int
	skipped []string // files not read because they would exceed it
}

// take counts a file against the budget, and reports whether it fits.
func (b *budget) take(name string, src []byte) bool {
	n := valueEstimate(src)
	if n > b.left {
		b.skipped = append(b.skipped, name)
		return false
	}
	b.left -= n
	return true
}
