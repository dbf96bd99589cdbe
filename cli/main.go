// Package cli is the apigw-oas command line: commands, flags and exit
// codes. It is the only package that writes to the terminal.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	ucli "github.com/urfave/cli/v3"

	"github.com/apigw-oas/apigw-oas/internal/goroutine"
	"github.com/apigw-oas/apigw-oas/internal/lazyregexp"
	"github.com/apigw-oas/apigw-oas/internal/memlimit"
)

// Exit codes, the same for every command.
const (
	ExitOK       = 0 // nothing at or above the failure threshold
	ExitFindings = 1 // findings at or above the failure threshold
	ExitInput    = 2 // bad usage, bad configuration, or input that could not be read
	ExitInternal = 3 // a bug in apigw-oas
)

// exitError carries an exit code out of a command's action.
type exitError struct {
	code int
	err  error // printed unless nil
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit %d", e.code)
	}
	return e.err.Error()
}

func usageError(format string, args ...any) error {
	return &exitError{code: ExitInput, err: fmt.Errorf(format, args...)}
}

// Main runs apigw-oas with args (args[0] is the program name) and returns
// the exit code. A panic anywhere is reported as an internal error.
func Main(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			stack := debug.Stack()
			if p, ok := r.(*goroutine.Panic); ok { // a worker's: where it happened, not where it was raised again
				r, stack = p.Value, p.Stack
			}
			fmt.Fprintf(stderr, "apigw-oas: internal error: %v\nplease report it with the input that caused it\n%s", r, stack)
			code = ExitInternal
		}
	}()
	// a container's memory limit, if any, becomes the garbage collector's
	// target: inputs are capped, but their parse trees are several times
	// their size. Reading it takes some 50 µs of file reads, done beside
	// the command rather than before it; Main waits for it at the end.
	var background goroutine.Group
	background.Go(func() { memlimit.Set() })
	defer background.Wait() // its panic reaches the recover above
	out := &checkedWriter{w: stdout}
	app := newApp(stdin, out, stderr, commandsFor(args))
	err := app.Run(ctx, args)
	if out.err == nil {
		out.err = flush(stdout)
	}
	var exit *exitError
	switch {
	case out.err != nil: // whatever the command decided, its output is lost
		fmt.Fprintf(stderr, "apigw-oas: cannot write standard output: %v\n", out.err)
		return ExitInput
	case err == nil:
		return ExitOK
	case errors.As(err, &exit):
		if exit.err != nil {
			fmt.Fprintf(stderr, "apigw-oas: %v\n", exit.err)
		}
		return exit.code
	default: // errors urfave/cli returns without calling OnUsageError
		fmt.Fprintf(stderr, "apigw-oas: %v\nrun 'apigw-oas --help' for usage\n", err)
		return ExitInput
	}
}

// commands build apigw-oas's commands, in the order help lists them.
var commands = []struct {
	name  string // the command's Name
	build func() *ucli.Command
}{
	{"lint", lintCommand}, {"explain", explainCommand}, {"review", reviewCommand}, {"inspect", inspectCommand},
	{"convert", convertCommand}, {"diff", diffCommand}, {"patch", patchCommand}, {"rules", rulesCommand},
	{"version", versionCommand},
}

// commandsFor builds the commands a run with args needs. When the first
// argument names one (apigw-oas lint …), the run reads nothing of the
// others, so only that one is built: building every command's flags and
// urfave/cli setting them up cost a tiny lint about 15 of its ~575 page
// faults. Help, completion, a root flag or an unknown word get them all.
func commandsFor(args []string) []*ucli.Command {
	for _, c := range commands {
		if len(args) > 1 && args[1] == c.name {
			return []*ucli.Command{c.build()}
		}
	}
	all := make([]*ucli.Command, len(commands))
	for i, c := range commands {
		all[i] = c.build()
	}
	return all
}

func newApp(stdin io.Reader, stdout, stderr io.Writer, subcommands []*ucli.Command) *ucli.Command {
	app := &ucli.Command{
		Name:  "apigw-oas",
		Usage: "check how AWS API Gateway will treat the request and response bodies of an API definition",
		Description: "apigw-oas reads API definitions — OpenAPI 2.0, 3.0 and 3.1 (JSON or YAML), CloudFormation and SAM\n" +
			"templates, serverless.yml, Terraform, API Gateway's control-plane JSON — and reports how\n" +
			"binaryMediaTypes and contentHandling convert payloads; it also converts definitions and prints\n" +
			"the patchOperations between two of them.\n\n" +
			"Exit codes: 0 success, 1 findings, 2 bad usage or unreadable input, 3 internal error.",
		Version:                         versionText(),
		Reader:                          stdin,
		Writer:                          stdout,
		ErrWriter:                       stderr,
		ExitErrHandler:                  func(context.Context, *ucli.Command, error) {}, // Main turns errors into exit codes
		EnableShellCompletion:           true,
		ConfigureShellCompletionCommand: configureCompletion,
		Commands:                        subcommands,
		Action:                          unknownCommand,
	}
	onUsageError(app)
	return app
}

// unknownCommand is the action of a command that has subcommands: given
// none it shows its help, given a word it does not know it says so.
func unknownCommand(_ context.Context, cmd *ucli.Command) error {
	if !cmd.Args().Present() && cmd.Root() == cmd {
		return ucli.ShowRootCommandHelp(cmd)
	}
	if !cmd.Args().Present() {
		return ucli.ShowSubcommandHelp(cmd)
	}
	name := cmd.Args().First()
	var names []string
	for _, sub := range cmd.VisibleCommands() {
		names = append(names, sub.Names()...)
	}
	return usageError("unknown command %q%s\nrun '%s --help' for usage", name, didYouMean(name, names), cmd.FullName())
}

// onUsageError makes every command report a bad flag or flag value as a
// short message and a hint on standard error, and exit 2. urfave/cli's
// default prints the whole help to standard output, which would end up in
// the file a report is redirected to.
func onUsageError(root *ucli.Command) {
	_ = root.Walk(func(cmd *ucli.Command) error {
		cmd.OnUsageError = usageProblem
		return nil
	})
}

func usageProblem(_ context.Context, cmd *ucli.Command, err error, _ bool) error {
	return usageError("%s\nrun '%s --help' for usage", flagProblem(cmd, err), cmd.FullName())
}

// flagProblem restates urfave/cli's flag error with the flag as a user
// writes it (--format, not -format), and a guess for an unknown flag.
func flagProblem(cmd *ucli.Command, err error) string {
	if name, ok := strings.CutPrefix(err.Error(), "flag provided but not defined: -"); ok {
		var names []string
		for _, f := range cmd.VisibleFlags() {
			names = append(names, f.Names()...)
		}
		return fmt.Sprintf("unknown flag %s%s", dashed(name), didYouMeanFlag(name, names))
	}
	return flagInError.ReplaceAllStringFunc(err.Error(), func(m string) string {
		return "flag " + dashed(strings.TrimPrefix(m, "flag -"))
	})
}

var flagInError = lazyregexp.New(`flag -[A-Za-z0-9][A-Za-z0-9-]*`)

// dashed is a flag name as typed: -o, --format.
func dashed(name string) string {
	if len([]rune(name)) == 1 {
		return "-" + name
	}
	return "--" + name
}
