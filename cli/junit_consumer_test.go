package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// junitParserEnv names a Python that imports junitparser (Debian's
// python3-junitparser 2.8.0, which .ci/run installs).
const junitParserEnv = "APIGW_OAS_JUNITPARSER_PYTHON"

// readWithJunitparser has junitparser read a JUnit file and print what it
// read as JSON: the declared counts of the report and of each suite, and
// each case with its results. junitparser reads only the attributes it
// knows; `file` (GitLab's, not in the Ant schema) is declared for it the
// way its documentation shows for custom attributes.
const readWithJunitparser = `
import json, sys
from junitparser import JUnitXml, TestCase, Attr
TestCase.file = Attr("file")
xml = JUnitXml.fromfile(sys.argv[1])
print(json.dumps({
    "tests": xml.tests, "failures": xml.failures, "skipped": xml.skipped,
    "suites": [{
        "name": s.name, "tests": s.tests, "failures": s.failures, "skipped": s.skipped,
        "cases": [{
            "name": c.name, "classname": c.classname, "file": c.file,
            "results": [{"kind": r._tag, "message": r.message, "type": r.type} for r in c.result],
        } for c in s],
    } for s in xml],
}))
`

type junitRead struct {
	Tests, Failures, Skipped int
	Suites                   []struct {
		Name                     string
		Tests, Failures, Skipped int
		Cases                    []struct {
			Name, Classname, File string
			Results               []struct{ Kind, Message, Type string }
		}
	}
}

// junitparser reads our JUnit report of every fixture, and of a file with
// a suppressed finding: each unsuppressed finding is one failed case (its
// rule as class, its severity as type, its message), each suppressed one a
// skipped case, each clean file one passing case; the declared counts add
// up; no two cases share suite, class and name (GitLab would merge them);
// every case names its file.
func TestJUnitParserReadsEveryFinding(t *testing.T) {
	python := consumer(t, junitParserEnv, "a python3 with junitparser (Debian's python3-junitparser)")
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(root)
	suppressed := write(t, t.TempDir(), "api.yaml", []byte(minimalAPI+
		"x-amazon-apigateway-binary-media-types:\n  - image/jpg # apigw-oas:ignore media-type-nonstandard our app sends it\n  - image~1png\n"))
	for _, path := range []string{"fixtures", suppressed} {
		t.Run(filepath.Base(path), func(t *testing.T) {
			_, report, _ := run(t, "", "lint", path, "--format", "json")
			_, junit, _ := run(t, "", "lint", path, "--format", "junit")
			in := write(t, t.TempDir(), "junit.xml", []byte(junit))
			var read junitRead
			if err := json.Unmarshal(runConsumer(t, root, "", python, "-c", readWithJunitparser, in), &read); err != nil {
				t.Fatalf("junitparser's reading: %v", err)
			}
			checkJUnit(t, read, jsonDiagnostics(t, report))
		})
	}
}

func checkJUnit(t *testing.T, read junitRead, findings []jsonDiagnostic) {
	t.Helper()
	var wantFailures, wantSkipped, gotFailures, gotSkipped []string
	for _, d := range findings {
		if d.Suppression != nil {
			wantSkipped = append(wantSkipped, d.File+" "+d.Rule)
		} else {
			wantFailures = append(wantFailures, fmt.Sprintf("%s %s %s %s", d.File, d.Rule, d.Severity, d.Message))
		}
	}
	cases := map[string]bool{}
	var tests, failures, skipped int
	for _, s := range read.Suites {
		var sf, ss int
		for _, c := range s.Cases {
			key := s.Name + "\x00" + c.Classname + "\x00" + c.Name
			if cases[key] {
				t.Errorf("suite %s has two cases of class %q named %q", s.Name, c.Classname, c.Name)
			}
			cases[key] = true
			if c.File == "" || !isRegularFile(c.File) {
				t.Errorf("suite %s, case %q: file %q is not a file of the repository", s.Name, c.Name, c.File)
			}
			for _, r := range c.Results {
				switch r.Kind {
				case "failure":
					sf++
					gotFailures = append(gotFailures, fmt.Sprintf("%s %s %s %s", s.Name, c.Classname, r.Type, r.Message))
				case "skipped":
					ss++
					gotSkipped = append(gotSkipped, s.Name+" "+c.Classname)
				default:
					t.Errorf("suite %s, case %q: a %s result", s.Name, c.Name, r.Kind)
				}
			}
		}
		if s.Tests != len(s.Cases) || s.Failures != sf || s.Skipped != ss {
			t.Errorf("suite %s declares %d tests, %d failures, %d skipped; it holds %d, %d, %d", s.Name, s.Tests, s.Failures, s.Skipped, len(s.Cases), sf, ss)
		}
		if sf == 0 && len(s.Cases) != ss+1 {
			t.Errorf("suite %s has no failure and %d cases, want one passing case besides the skipped", s.Name, len(s.Cases))
		}
		tests, failures, skipped = tests+len(s.Cases), failures+sf, skipped+ss
	}
	if read.Tests != tests || read.Failures != failures || read.Skipped != skipped {
		t.Errorf("the report declares %d tests, %d failures, %d skipped; its suites hold %d, %d, %d", read.Tests, read.Failures, read.Skipped, tests, failures, skipped)
	}
	for what, pair := range map[string][2][]string{"failed": {gotFailures, wantFailures}, "skipped": {gotSkipped, wantSkipped}} {
		slices.Sort(pair[0])
		slices.Sort(pair[1])
		if !slices.Equal(pair[0], pair[1]) {
			t.Errorf("the %s cases are\n%q\nwant\n%q", what, pair[0], pair[1])
		}
	}
}

func isRegularFile(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.Mode().IsRegular()
}
