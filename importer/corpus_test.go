package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const corpusDir = "../../shared/corpus"

// openAPICorpus lists the corpus files SOURCES.md describes as standalone
// OpenAPI documents (format swagger2 or oas3).
func openAPICorpus(t *testing.T) []string {
	t.Helper()
	index, err := os.ReadFile(filepath.Join(corpusDir, "SOURCES.md"))
	if err != nil {
		t.Skipf("corpus not available: %v", err)
	}
	var files []string
	for _, line := range strings.Split(string(index), "\n") {
		cells := strings.Split(line, "|")
		if len(cells) < 8 || !strings.HasPrefix(strings.TrimSpace(cells[1]), "`") {
			continue
		}
		format := strings.TrimSpace(cells[6])
		if strings.HasPrefix(format, "swagger2") || strings.HasPrefix(format, "oas3") {
			files = append(files, strings.Trim(strings.TrimSpace(cells[1]), "`"))
		}
	}
	if len(files) < 10 {
		t.Fatalf("SOURCES.md lists only %d OpenAPI files; has its table changed?", len(files))
	}
	return files
}

func TestCorpusOpenAPIImports(t *testing.T) {
	for _, name := range openAPICorpus(t) {
		t.Run(name, func(t *testing.T) {
			res := File(filepath.Join(corpusDir, name), Options{})
			if len(res.Diagnostics) > 0 {
				t.Fatalf("diagnostics: %v", res.Diagnostics)
			}
			if len(res.APIs) != 1 || len(res.APIs[0].Operations) == 0 {
				t.Fatalf("no operations imported (format %q)", res.Format)
			}
		})
	}
}

// What SOURCES.md says about particular corpus files must be visible in
// the model.
func TestCorpusFacts(t *testing.T) {
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skip("corpus not available")
	}
	api := func(name string) *Result {
		res := File(filepath.Join(corpusDir, name), Options{})
		if len(res.APIs) != 1 {
			t.Fatalf("%s: %v", name, res.Diagnostics)
		}
		return res
	}
	// "swagger: 2.0 is unquoted (a YAML float); statusCode: 200 is an integer", and */* with OPTIONS mocks.
	res := api("swagger2-ase-simple-proxy-2017.yaml")
	a := res.APIs[0]
	if a.Version.Tag != "!!float" || a.BinaryMediaTypes.Entries[0].Raw != "*/*" {
		t.Errorf("ase-2017: version %+v, entries %+v", a.Version, a.BinaryMediaTypes.Entries)
	}
	var mocks int
	for _, op := range a.Operations {
		if op.Method == "OPTIONS" && op.Integration.Type.Raw == "mock" && !op.Integration.ContentHandling.Set && len(op.Integration.RequestTemplates) == 1 {
			mocks++
			if op.Integration.Responses[0].StatusCode.Tag != "!!int" {
				t.Errorf("ase-2017: statusCode %+v", op.Integration.Responses[0].StatusCode)
			}
		}
	}
	if mocks != 2 {
		t.Errorf("ase-2017: %d OPTIONS mocks without contentHandling, want 2", mocks)
	}
	// "info.version is the number 1"
	if v := api("oas3-localstack-tf-spec.json"); v.Doc.Root.Lookup("info").Lookup("version").Tag != "!!int" {
		t.Error("localstack-tf-spec: info.version is not an integer")
	}
	// "x-amazon-apigateway-binary-media-types: [image/png, image/jpg]"
	if e := api("swagger2-localstack-pets.json").APIs[0].BinaryMediaTypes.Entries; len(e) != 2 || e[1].Raw != "image/jpg" {
		t.Errorf("localstack-pets: entries %+v", e)
	}
}
