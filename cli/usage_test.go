package cli

import (
	"strings"
	"testing"

	"github.com/apigw-oas/apigw-oas/internal/version"
)

// A usage error in any command is a short message and a hint on standard
// error, exit 2, and nothing on standard output: `lint . --format sraif >
// out.sarif` must not fill out.sarif with help text.
func TestUsageErrorsAreShort(t *testing.T) {
	cases := []struct {
		args []string
		want string // in the first line of stderr
	}{
		{[]string{"--no-such-flag"}, "unknown flag --no-such-flag"},
		{[]string{"lint", ".", "--format", "sraif"}, `invalid value "sraif" for flag --format`},
		{[]string{"lint", ".", "--formt", "json"}, "unknown flag --formt; did you mean --format?"},
		{[]string{"lint", ".", "--color", "sometimes"}, `invalid value "sometimes" for flag --color`},
		{[]string{"lint", ".", "--output"}, "flag needs an argument"},
		{[]string{"explain", "x.yaml", "--methd", "GET"}, "unknown flag --methd; did you mean --method?"},
		{[]string{"explain", "x.yaml", "--format", "xml"}, `invalid value "xml" for flag --format`},
		{[]string{"inspect", "x.yaml", "--format", "xml"}, `invalid value "xml" for flag --format`},
		{[]string{"convert", "x.yaml", "--to", "oas4", "--bogus"}, "unknown flag --bogus"},
		{[]string{"convert", "x.yaml", "-z"}, "unknown flag -z"},
		{[]string{"diff", "a.yaml", "b.yaml", "--format", "xml"}, `invalid value "xml" for flag --format`},
		{[]string{"patch", "a.yaml", "ops.json", "--bogus"}, "unknown flag --bogus"},
		{[]string{"rules", "--format", "html"}, `invalid value "html" for flag --format`},
		{[]string{"rules", "media-type-escapd"}, `unknown rule "media-type-escapd"; did you mean "media-type-escaped"?`},
		{[]string{"version", "--bogus"}, "unknown flag --bogus"},
		{[]string{"version", "extra"}, "version takes no arguments"},
		{[]string{"completion", "bsh"}, `unknown command "bsh"; did you mean "bash"?`},
		{[]string{"completion", "bash", "--bogus"}, "unknown flag --bogus"},
		{[]string{"lnt", "."}, `unknown command "lnt"; did you mean "lint"?`},
		{[]string{"rulse"}, `unknown command "rulse"; did you mean "rules"?`},
		{[]string{"frobnicate"}, `unknown command "frobnicate"` + "\n"},
	}
	for _, c := range cases {
		code, stdout, stderr := run(t, "", c.args...)
		first, hint, _ := strings.Cut(stderr, "\n")
		if code != ExitInput || stdout != "" || !strings.Contains(first+"\n", c.want) || !strings.HasPrefix(hint, "run 'apigw-oas") || strings.Count(stderr, "\n") > 2 {
			t.Errorf("%v: exit %d, want 2 with %q and a hint on stderr only\nstdout: %s\nstderr: %s", c.args, code, c.want, stdout, stderr)
		}
	}
}

// A guess is offered only for a plausible slip of the keyboard.
func TestClosest(t *testing.T) {
	commands := []string{"lint", "explain", "inspect", "convert", "diff", "patch", "rules", "version", "completion"}
	for typed, want := range map[string]string{
		"lnt": "lint", "lint": "lint", "explian": "explain", "verison": "version", "dif": "diff",
		"x": "", "frobnicate": "", "lintt": "lint", "ls": "", "compleiton": "completion",
	} {
		if got := closest(typed, commands); got != want {
			t.Errorf("closest(%q) = %q, want %q", typed, got, want)
		}
	}
}

// --version and the version command print the same line, with the
// module version Go recorded.
func TestVersionAgrees(t *testing.T) {
	_, flag, _ := run(t, "", "--version")
	code, command, stderr := run(t, "", "version")
	if code != ExitOK || flag != command || !strings.HasPrefix(command, "apigw-oas version "+version.Module()+" (go") {
		t.Errorf("--version %q, version %q (exit %d, %s)", flag, command, code, stderr)
	}
}

// Every shell urfave/cli v3 supports gets a script naming apigw-oas, and
// the completion protocol the scripts call lists the commands.
func TestCompletion(t *testing.T) {
	for shell, want := range map[string]string{
		"bash": "complete -o bashdefault -o default -F __apigw-oas_bash_autocomplete apigw-oas",
		"zsh":  "compdef _apigw-oas apigw-oas", "fish": "complete -c apigw-oas",
		"pwsh": "Register-ArgumentCompleter", "powershell": "Register-ArgumentCompleter",
	} {
		code, stdout, stderr := run(t, "", "completion", shell)
		if code != ExitOK || !strings.Contains(stdout, want) {
			t.Errorf("completion %s: exit %d, stdout lacks %q\n%s", shell, code, want, stderr)
		}
	}
	// (the root command completes from os.Args, so a subcommand is asked)
	_, stdout, _ := run(t, "", "completion", "--generate-shell-completion")
	for _, shell := range []string{"bash", "zsh", "fish", "pwsh"} {
		if !strings.Contains(stdout, shell+":") {
			t.Errorf("completing completion lacks %s:\n%s", shell, stdout)
		}
	}
	_, stdout, _ = run(t, "", "lint", "--fo", "--generate-shell-completion")
	if !strings.Contains(stdout, "--format") {
		t.Errorf("completing lint --fo lacks --format:\n%s", stdout)
	}
}

// Colors follow --color, then FORCE_COLOR, then NO_COLOR and TERM=dumb;
// standard output here is not a terminal, so auto alone means none.
func TestColor(t *testing.T) {
	const fixture = "../fixtures/oas30-image-service.yaml"
	cases := []struct {
		env   map[string]string
		flag  string
		color bool
	}{
		{nil, "auto", false},
		{nil, "always", true},
		{map[string]string{"NO_COLOR": "1"}, "always", true},
		{map[string]string{"FORCE_COLOR": "1"}, "auto", true},
		{map[string]string{"FORCE_COLOR": "1", "NO_COLOR": "1"}, "auto", true},
		{map[string]string{"FORCE_COLOR": "1"}, "never", false},
		{map[string]string{"FORCE_COLOR": "0"}, "auto", false},
		{map[string]string{"FORCE_COLOR": "1", "TERM": "dumb"}, "auto", true},
	}
	for _, c := range cases {
		t.Run(c.flag, func(t *testing.T) {
			t.Setenv("FORCE_COLOR", "")
			t.Setenv("NO_COLOR", "")
			for k, v := range c.env {
				t.Setenv(k, v)
			}
			_, stdout, _ := run(t, "", "lint", fixture, "--color", c.flag)
			if got := strings.Contains(stdout, "\x1b["); got != c.color || !strings.Contains(stdout, "oas30-image-service.yaml:") {
				t.Errorf("%v --color %s: colors %v, want %v\n%s", c.env, c.flag, got, c.color, stdout)
			}
		})
	}
}

// apigw-oas alone shows the root help, which lists completion and the
// version; completion alone shows its own help.
func TestBareCommandsShowHelp(t *testing.T) {
	for args, want := range map[string]string{"": "VERSION:\n   " + version.Module(), "completion": "pwsh, powershell"} {
		code, stdout, stderr := run(t, "", strings.Fields(args)...)
		if code != ExitOK || !strings.Contains(stdout, want) || stderr != "" {
			t.Errorf("%q: exit %d, want %q in\n%s%s", args, code, want, stdout, stderr)
		}
	}
}
