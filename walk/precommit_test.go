package walk

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// The shipped pre-commit hook passes every file a walk would look into,
// and runs lint so that a commit without definitions passes.
func TestPreCommitHookPassesWhatAWalkReads(t *testing.T) {
	data, err := os.ReadFile("../.pre-commit-hooks.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var hooks []struct{ Entry, Files string }
	if err := yaml.Unmarshal(data, &hooks); err != nil || len(hooks) != 1 {
		t.Fatalf("want one hook: %v", err)
	}
	if !strings.Contains(hooks[0].Entry, "--only-definitions") {
		t.Errorf("entry %q: want --only-definitions, pre-commit passes files that hold no definition", hooks[0].Entry)
	}
	// pre-commit searches the path with Python's re; this pattern means the same in Go
	files := regexp.MustCompile(hooks[0].Files)
	names := []string{"api.yaml", "api.yml", "serverless.yml", "swagger.json", "main.tf", "api.tf.json", "stack.template",
		"serverless.template", "stack.template.json", "stack.template.yaml", "stack.cfn.yaml", "deep/down/API.YAML"}
	for _, ext := range candidateExtensions {
		names = append(names, "x"+ext, "X"+strings.ToUpper(ext))
	}
	for _, name := range names {
		if !isCandidate(name) {
			t.Errorf("a walk does not look into %s", name)
		}
		if !files.MatchString(name) {
			t.Errorf("the hook's files %q does not pass %s", hooks[0].Files, name)
		}
	}
	for _, name := range []string{"README.md", "main.go", "template.txt"} {
		if files.MatchString(name) || isCandidate(name) {
			t.Errorf("%s is passed or walked", name)
		}
	}
}
