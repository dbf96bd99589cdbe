package terraform_test

import (
	"path/filepath"
	"sync"
	"testing"

	"github.com/apigw-oas/apigw-oas/importer"
	"github.com/apigw-oas/apigw-oas/importer/internal/importtest"
)

// TestCacheChangesNothing imports every .tf file of the module fixture and
// of the corpus (whose .tf files are one folder) with one cache shared by
// concurrent imports, twice over, and each file without a cache: the
// results must be the same. Run with -race, it also checks that the
// parsed bodies are only read.
func TestCacheChangesNothing(t *testing.T) {
	var files []string
	for _, pattern := range []string{"../../../fixtures/terraform-module/*.tf", "../../../fixtures/terraform-module/modules/*/*.tf", "../../../../shared/corpus/*.tf"} {
		matches, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, matches...)
	}
	if len(files) < 3 {
		t.Fatalf("found %d .tf files", len(files))
	}
	cached := importer.Options{Cache: importer.NewCache()}
	got := make([]string, 2*len(files))
	var wg sync.WaitGroup
	for i := range got {
		wg.Go(func() { got[i] = importtest.Render(importer.File(files[i%len(files)], cached)) })
	}
	wg.Wait()
	for i, got := range got {
		if want := importtest.Render(importer.File(files[i%len(files)], importer.Options{})); got != want {
			t.Errorf("%s with the cache:\n%s\nwithout:\n%s", files[i%len(files)], got, want)
		}
	}
}

// TestCacheSeesChangedFiles: a sibling changed between two imports of a
// run is read as it is now, not as it was parsed before.
func TestCacheSeesChangedFiles(t *testing.T) {
	dir := t.TempDir()
	main := filepath.Join(dir, "main.tf")
	importtest.WriteFile(t, main, `resource "aws_api_gateway_rest_api" "api" { name = "api" }
resource "aws_api_gateway_method" "m" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  resource_id   = aws_api_gateway_rest_api.api.root_resource_id
  http_method   = local.verb
  authorization = "NONE"
}`)
	locals := filepath.Join(dir, "locals.tf")
	opts := importer.Options{Cache: importer.NewCache()}
	for _, verb := range []string{"GET", "POST"} {
		importtest.WriteFile(t, locals, `locals { verb = "`+verb+`" }`)
		res := importer.File(main, opts)
		if len(res.APIs) != 1 || importtest.Operations(res.APIs[0]) != verb+" /" {
			t.Fatalf("after writing %s, the API is %s", verb, importtest.Render(res))
		}
	}
}
