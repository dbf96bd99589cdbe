package cli

import (
	"context"
	"encoding/base64"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets testscript run apigw-oas as a command, in-process.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"apigw-oas": func() { os.Exit(Main(context.Background(), os.Args, os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the end-to-end scripts in testdata/script: each runs
// the command on the project's fixtures and checks its output.
func TestScripts(t *testing.T) {
	fixtures, err := filepath.Abs("../fixtures")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			return os.CopyFS(filepath.Join(env.WorkDir, "fixtures"), os.DirFS(fixtures))
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// unbase64 SRC DST writes the bytes a base64 file holds, so a
			// script can carry binary bodies as text.
			"unbase64": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 2 {
					ts.Fatalf("usage: unbase64 SRC DST")
				}
				data, err := base64.StdEncoding.DecodeString(ts.ReadFile(args[0]))
				ts.Check(err)
				ts.Check(os.WriteFile(ts.MkAbs(args[1]), data, 0o644))
			},
			// exits CODE PROG ARGS... runs a program as exec does and checks
			// its exact exit code, where ! exec only tells it was not 0.
			"exits": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) < 2 {
					ts.Fatalf("usage: exits CODE PROG ARGS...")
				}
				want, err := strconv.Atoi(args[0])
				ts.Check(err)
				got := 0
				if err := ts.Exec(args[1], args[2:]...); err != nil {
					var exit *exec.ExitError
					if !errors.As(err, &exit) {
						ts.Fatalf("%s: %v", args[1], err)
					}
					got = exit.ExitCode()
				}
				if got != want {
					ts.Fatalf("%s exited %d, want %d", args[1], got, want)
				}
			},
			// mode FILE PERM checks a file's permission bits (octal).
			"mode": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 2 {
					ts.Fatalf("usage: mode FILE PERM")
				}
				info, err := os.Stat(ts.MkAbs(args[0]))
				ts.Check(err)
				want, err := strconv.ParseUint(args[1], 8, 32)
				ts.Check(err)
				if got := info.Mode().Perm(); (uint64(got) == want) == neg {
					ts.Fatalf("%s has mode %o", args[0], got)
				}
			},
		},
	})
}
