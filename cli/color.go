package cli

import (
	"fmt"
	"io"
	"os"

	ucli "github.com/urfave/cli/v3"
)

var colorFlag = &ucli.StringFlag{
	Name:  "color",
	Usage: "color the text output: auto (on a terminal, unless NO_COLOR is set or TERM=dumb; FORCE_COLOR forces it), always or never",
	Value: "auto",
	Validator: func(s string) error {
		switch s {
		case "auto", "always", "never":
			return nil
		}
		return fmt.Errorf("want auto, always or never, not %q", s)
	},
}

// useColor says whether output to out gets ANSI colors. --color always or
// never decides; with auto, FORCE_COLOR (force-color.org: any value but
// "0" or "false" forces colors, "0" or "false" turns them off) comes
// before NO_COLOR (no-color.org), and otherwise out must be a terminal
// that is not TERM=dumb.
func useColor(cmd *ucli.Command, out io.Writer) bool {
	switch cmd.String("color") {
	case "always":
		return true
	case "never":
		return false
	}
	switch force := os.Getenv("FORCE_COLOR"); force {
	case "":
	case "0", "false":
		return false
	default:
		return true
	}
	return os.Getenv("NO_COLOR") == "" && os.Getenv("TERM") != "dumb" && isTerminal(out)
}
