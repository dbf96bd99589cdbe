package cli

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// input is one file to lint. explicit inputs were named on the command
// line: they are reported even when they hold no definition.
type input struct {
	path     string
	explicit bool
}

// definitionExtensions are the file names a directory walk looks at.
var definitionExtensions = map[string]bool{".yaml": true, ".yml": true, ".json": true, ".tf": true}

// skippedDirs are never walked into, besides hidden ones and those a
// .gitignore names.
var skippedDirs = map[string]bool{"node_modules": true, "vendor": true}

// collectInputs expands directories into the files that may hold
// definitions, in a stable order. With onlyDefinitions, named files are
// treated like walked ones: kept only when they may hold a definition.
func collectInputs(args []string, onlyDefinitions bool) ([]input, error) {
	var inputs []input
	for _, arg := range args {
		info, err := os.Stat(arg)
		switch {
		case onlyDefinitions && err == nil && info.Mode().IsRegular():
			if mayHoldDefinition(arg) {
				inputs = append(inputs, input{path: arg})
			}
			continue
		case arg == "-" || err != nil || !info.IsDir():
			inputs = append(inputs, input{path: arg, explicit: true}) // errors are reported by the import
			continue
		}
		ignores := map[string]gitignore{filepath.Dir(filepath.Clean(arg)): gitignore{}.load(filepath.Dir(filepath.Clean(arg)))}
		err = filepath.WalkDir(arg, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil // an unreadable folder holds nothing to lint
			}
			ig := ignores[filepath.Dir(path)]
			switch {
			case d.IsDir() && path != arg && (strings.HasPrefix(d.Name(), ".") || skippedDirs[d.Name()] || ig.ignored(path, true)):
				return filepath.SkipDir
			case d.IsDir():
				ignores[path] = ig.load(path)
			case definitionExtensions[strings.ToLower(filepath.Ext(path))] && !ig.ignored(path, false) && mayHoldDefinition(path):
				inputs = append(inputs, input{path: path})
			}
			return nil
		})
		if err != nil {
			return nil, usageError("%s: %v", arg, err)
		}
	}
	return inputs, nil
}

// definitionMarker finds what every format the importer reads mentions
// near its start: OpenAPI's root fields and extensions, API resource types
// of CloudFormation, SAM and Terraform, a serverless.yml's http events, the
// control plane's field names.
var definitionMarker = regexp.MustCompile(`(?m)^\s*["']?(openapi|swagger)["']?\s*:|x-amazon-apigateway-|` +
	`AWS::(ApiGateway|ApiGatewayV2|Serverless)::|"?aws_(api_gateway|apigatewayv2)_|` +
	`^\s*-\s*(http|httpApi)\s*:|^\s*apiGateway\s*:|"(binaryMediaTypes|resourceMethods)"`)

// mayHoldDefinition reads the start of a file found by a walk: only files
// that mention one of the definition formats are imported, so a broken
// YAML file unrelated to any API does not fail the run.
func mayHoldDefinition(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return true // let the import report it
	}
	defer f.Close()
	head := make([]byte, 64<<10)
	n, _ := f.Read(head)
	return definitionMarker.Match(bytes.TrimPrefix(head[:n], []byte("\xef\xbb\xbf")))
}
