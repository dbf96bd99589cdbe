package cli

import (
	"context"
	"fmt"
	"runtime"

	ucli "github.com/urfave/cli/v3"

	"github.com/apigw-oas/apigw-oas/internal/version"
)

// versionText is what --version and the version command print after
// "apigw-oas version ": the module version, then the Go toolchain and
// platform a bug report needs.
func versionText() string {
	return fmt.Sprintf("%s (%s %s/%s)", version.Module(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
}

// versionCommand prints the line --version prints (urfave/cli's
// "NAME version VERSION"), so the two cannot disagree.
func versionCommand() *ucli.Command {
	return &ucli.Command{
		Name:  "version",
		Usage: "print the version of apigw-oas",
		Action: func(_ context.Context, cmd *ucli.Command) error {
			if cmd.Args().Present() {
				return usageError("version takes no arguments\nrun 'apigw-oas version --help' for usage")
			}
			ucli.ShowVersion(cmd.Root())
			return nil
		},
	}
}
