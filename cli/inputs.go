package cli

import (
	"fmt"
	"strconv"
	"strings"

	ucli "github.com/urfave/cli/v3"

	"github.com/apigw-oas/apigw-oas/importer"
	"github.com/apigw-oas/apigw-oas/walk"
)

// maxSizeFlag bounds how large an input file may be.
var maxSizeFlag = &ucli.StringFlag{
	Name:  "max-size",
	Usage: "largest input file to read, in bytes or with a KiB/MiB/GiB suffix",
	Value: "64MiB",
}

// parseSize reads "1048576", "512KiB", "64MiB", "1GiB" (or K, M, G).
func parseSize(s string) (int64, error) {
	units := []struct {
		suffix string
		shift  uint
	}{{"KiB", 10}, {"MiB", 20}, {"GiB", 30}, {"K", 10}, {"M", 20}, {"G", 30}}
	for _, u := range units {
		if num, ok := strings.CutSuffix(s, u.suffix); ok {
			n, err := strconv.ParseInt(strings.TrimSpace(num), 10, 64)
			if err != nil || n <= 0 || n > 1<<(62-u.shift) {
				break
			}
			return n << u.shift, nil
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("invalid size %q: want a positive number of bytes, optionally with a KiB, MiB or GiB suffix", s)
	}
	return n, nil
}

// importOptions reads the flags every command that imports files shares.
func importOptions(cmd *ucli.Command) (importer.Options, error) {
	max, err := parseSize(cmd.String(maxSizeFlag.Name))
	if err != nil {
		return importer.Options{}, usageError("--max-size: %v", err)
	}
	return importer.Options{MaxBytes: max}, nil
}

// maxBytes is --max-size for the files a command reads besides
// definitions (a baseline); the flag was checked by importOptions already.
func maxBytes(cmd *ucli.Command) int64 {
	max, _ := parseSize(cmd.String(maxSizeFlag.Name))
	return max
}

// importArg imports one command-line argument: a file, or "-" for stdin.
func importArg(cmd *ucli.Command, arg string, opts importer.Options) *importer.Result {
	if arg == "-" {
		return importer.Reader("<stdin>", cmd.Root().Reader, opts)
	}
	return importer.File(arg, opts)
}

// formatFlag chooses between the output formats a command offers.
func formatFlag(choices ...string) *ucli.StringFlag {
	return &ucli.StringFlag{
		Name:  "format",
		Usage: "output format: " + strings.Join(choices, ", "),
		Value: choices[0],
		Validator: func(s string) error {
			for _, c := range choices {
				if s == c {
					return nil
				}
			}
			return fmt.Errorf("unknown format %q (want %s)", s, strings.Join(choices, ", "))
		},
	}
}

// importDefinition imports one argument that must hold a definition; its
// problems are printed and make the command exit 2.
func importDefinition(cmd *ucli.Command, arg string) (*importer.Result, error) {
	opts, err := importOptions(cmd)
	if err != nil {
		return nil, err
	}
	res := importArg(cmd, arg, opts)
	res.RequireDefinition()
	if len(res.Diagnostics) > 0 {
		for _, d := range res.Diagnostics {
			fmt.Fprintln(cmd.Root().ErrWriter, d)
		}
		return nil, &exitError{code: ExitInput}
	}
	return res, nil
}

// collectInputs turns lint's arguments into the files to import, and
// tells on stderr what the walk passed over.
func collectInputs(cmd *ucli.Command) walk.Result {
	inputs := walk.Paths(cmd.Args().Slice(), walk.Options{OnlyDefinitions: cmd.Bool("only-definitions"), CallerReadsMarks: true})
	for _, n := range inputs.Notices {
		fmt.Fprintf(cmd.Root().ErrWriter, "apigw-oas: notice: %s\n", n)
	}
	return inputs
}

// requireDefinitions refuses a run that found nothing to lint: a folder
// with no definition in it is a mistake (a wrong path, a format not
// recognised), not a pass. --only-definitions accepts it, for pre-commit,
// which passes whatever files changed.
func requireDefinitions(cmd *ucli.Command, linted int, inputs walk.Result) error {
	if linted > 0 || len(inputs.Problems) > 0 || cmd.Bool("only-definitions") {
		return nil
	}
	return &exitError{code: ExitInput, err: fmt.Errorf("no API definition in %s: nothing was linted (--only-definitions accepts that)",
		strings.Join(cmd.Args().Slice(), ", "))}
}
