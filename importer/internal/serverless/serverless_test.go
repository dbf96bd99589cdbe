package serverless_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigw-oas/apigw-oas/importer"
	"github.com/apigw-oas/apigw-oas/model"
)

// corpusDir holds the real-world files of ../shared/corpus (SOURCES.md).
const corpusDir = "../../../../shared/corpus"

// Every serverless.yml of the corpus imports without a panic or a
// diagnostic, into what SOURCES.md describes and the file says.
func TestServerlessCorpus(t *testing.T) {
	want := map[string]struct {
		apis               int
		ops, withPreflight int // of all APIs
		binary             []string
	}{
		// apigwBinary plugin types; hello has cors: true; region at the top level is ignored.
		"serverless-apigw-binary-text-html.yml": {1, 3, 4, []string{"image/jpeg", "text/html", "application/pdf"}},
		// http (REST) and httpApi (HTTP API, '*' is $default) events.
		"serverless-bref-demo.yml": {2, 4, 4, []string{"*/*"}},
		// The binary list is set by a CloudFormation override without Type.
		"serverless-chrome-cfn-override-wildcard.yml": {1, 4, 4, []string{"*/*"}},
		// No binary media types; tarGet is integration: lambda.
		"serverless-codebox-npm.yml":          {1, 9, 9, nil},
		"serverless-examples-nuxt-ssr.yml":    {1, 2, 2, []string{"*/*"}},
		"serverless-ng-toolkit-universal.yml": {1, 2, 2, []string{"*/*"}},
		"serverless-offline-pdf.yml":          {1, 1, 1, []string{"application/pdf"}},
		// No http events: the routes come from a plugin's custom settings.
		"serverless-s3-service-proxy-tutorial.yml":     {1, 0, 0, []string{"image/png", "image/jpg", "image/jpeg", "image/gif", "image/x-icon", "application/octet-stream"}},
		"serverless-static-file-handler-basic.yml":     {2, 4, 4, []string{"application/*", "audio/*", "font/*", "image/*", "video/*"}},
		"serverless-static-file-handler-demo-2018.yml": {1, 4, 4, []string{"image/png", "image/jpeg", "*/*"}},
	}
	files, _ := filepath.Glob(filepath.Join(corpusDir, "serverless-*.yml"))
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skip("corpus not available")
	}
	if len(files) != len(want) {
		t.Errorf("%d serverless files in the corpus, %d expected", len(files), len(want))
	}
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			w, ok := want[name]
			if !ok {
				t.Fatal("a corpus file this test does not know")
			}
			res := importer.File(path, importer.Options{})
			if res.Container != model.ContainerServerless || len(res.Diagnostics) > 0 {
				t.Fatalf("container %q, diagnostics %v", res.Container, res.Diagnostics)
			}
			var ops, generated int
			var binary []string
			for _, api := range res.APIs {
				for _, op := range api.Operations {
					if op.Generated != nil {
						generated++
					} else {
						ops++
					}
				}
				for _, e := range api.BinaryMediaTypes.Entries {
					binary = append(binary, e.Value)
				}
			}
			if len(res.APIs) != w.apis || ops != w.ops || ops+generated != w.withPreflight || strings.Join(binary, " ") != strings.Join(w.binary, " ") {
				t.Errorf("%d APIs, %d operations (%d with preflights), binary %v; want %d, %d (%d), %v",
					len(res.APIs), ops, ops+generated, binary, w.apis, w.ops, w.withPreflight, w.binary)
			}
		})
	}
}
