package release

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// instruction is one Dockerfile instruction: its keyword, upper case, and
// the rest of its line.
type instruction struct {
	keyword, args string
}

// stages reads the Dockerfile's instructions, each stage starting at its
// FROM. It knows comments and whole lines only: the Dockerfile has no line
// continuations, and a test fails if one appears.
func stages(t *testing.T) [][]instruction {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	var all [][]instruction
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasSuffix(line, `\`) {
			t.Fatalf("Dockerfile: this test does not read continued lines: %s", line)
		}
		keyword, args, _ := strings.Cut(line, " ")
		in := instruction{strings.ToUpper(keyword), strings.TrimSpace(args)}
		if in.keyword == "FROM" || len(all) == 0 {
			all = append(all, nil)
		}
		all[len(all)-1] = append(all[len(all)-1], in)
	}
	return all
}

func find(stage []instruction, keyword string) []string {
	var args []string
	for _, in := range stage {
		if in.keyword == keyword {
			args = append(args, in.args)
		}
	}
	return args
}

func TestDockerfileBuildsAStaticBinary(t *testing.T) {
	all := stages(t)
	var build []instruction
	for _, stage := range all {
		if from := find(stage, "FROM"); len(from) == 1 && strings.HasPrefix(from[0], "golang:") {
			build = stage
		}
	}
	if build == nil {
		t.Fatal("Dockerfile has no golang build stage")
	}
	for _, run := range find(build, "RUN") {
		if strings.Contains(run, "go build") {
			for _, want := range []string{"CGO_ENABLED=0 ", "-trimpath", "./cmd/apigw-oas"} {
				if !strings.Contains(run, want) {
					t.Errorf("the build %q lacks %q", run, want)
				}
			}
			return
		}
	}
	t.Error("the golang stage runs no go build")
}

func TestDockerfileImageRunsApigwOasInWork(t *testing.T) {
	all := stages(t)
	final := all[len(all)-1]
	from := find(final, "FROM")
	if len(from) != 1 || from[0] != "scratch" {
		t.Errorf("the image is based on %q, want scratch (scripts/image.sh builds the same image on it)", from)
	}
	if workdir := find(final, "WORKDIR"); len(workdir) != 1 || workdir[0] != "/work" {
		t.Errorf("the image's WORKDIR is %q, want /work", workdir)
	}
	entrypoint := find(final, "ENTRYPOINT")
	var argv []string
	if len(entrypoint) != 1 || json.Unmarshal([]byte(entrypoint[0]), &argv) != nil || len(argv) != 1 {
		t.Fatalf("the image's ENTRYPOINT is %q, want the exec form with the binary alone", entrypoint)
	}
	binary := argv[0]
	copied := false
	for _, args := range find(final, "COPY") {
		copied = copied || strings.HasPrefix(args, "--from=") && strings.HasSuffix(args, " "+binary)
	}
	if filepath.Base(binary) != "apigw-oas" || !copied {
		t.Errorf("the ENTRYPOINT %s is not the apigw-oas the image copies from the build stage", binary)
	}
}
