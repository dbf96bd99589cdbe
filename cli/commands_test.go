package cli

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	ucli "github.com/urfave/cli/v3"
)

// The table commandsFor looks names up in names each command as it is
// built, and lists every command once.
func TestCommandTableNames(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range commands {
		if built := c.build(); built.Name != c.name || len(built.Aliases) != 0 {
			t.Errorf("the table's %q builds %q, aliases %v", c.name, built.Name, built.Aliases)
		}
		if seen[c.name] {
			t.Errorf("%q is in the table twice", c.name)
		}
		seen[c.name] = true
	}
}

// A run whose first argument names a command builds only that command;
// its help, completion and usage errors must be what they are with every
// command built.
func TestCommandBuiltAloneBehavesAsAmongAll(t *testing.T) {
	runWith := func(subcommands []*ucli.Command, args []string) string {
		var stdout, stderr bytes.Buffer
		err := newApp(strings.NewReader(""), &stdout, &stderr, subcommands).Run(context.Background(), args)
		return fmt.Sprintf("error: %v\nstdout:\n%s\nstderr:\n%s", err, stdout.String(), stderr.String())
	}
	tails := [][]string{{"--help"}, {"-h"}, {"help"}, {"--generate-shell-completion"}, {"-", "--generate-shell-completion"}, {"--no-such-flag"}}
	for _, c := range commands {
		for _, tail := range tails {
			args := append([]string{"apigw-oas", c.name}, tail...)
			alone := commandsFor(args)
			if len(alone) != 1 {
				t.Fatalf("%v builds %d commands, want 1", args, len(alone))
			}
			if got, want := runWith(alone, args), runWith(commandsFor(nil), args); got != want {
				t.Errorf("%v with its command alone:\n%s\nwith every command:\n%s", args[1:], got, want)
			}
		}
	}
}
