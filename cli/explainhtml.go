package cli

import (
	ucli "github.com/urfave/cli/v3"

	"github.com/apigw-oas/apigw-oas/model"
	"github.com/apigw-oas/apigw-oas/review"
)

// runExplainHTML is explain --format html FILE: the grid review draws, for
// one definition, of what every client gets from every operation (--api
// narrows it to one API).
func runExplainHTML(cmd *ucli.Command) error {
	res, err := importDefinition(cmd, cmd.Args().First())
	if err != nil {
		return err
	}
	apis := res.APIs
	if cmd.IsSet("api") {
		api, err := pickAPI(res, cmd.String("api"))
		if err != nil {
			return err
		}
		apis = []*model.API{api}
	}
	r := review.Single(res.File, []review.File{{Path: res.File, APIs: apis}})
	if err := review.WriteHTML(cmd.Root().Writer, r); err != nil {
		return &exitError{code: ExitInternal, err: err}
	}
	return nil
}

// requireOperation checks the flag that names one operation, which every
// format but html needs: --path (--method too, but a WebSocket route has
// none; findOperation checks it once the API is known).
func requireOperation(cmd *ucli.Command) error {
	if !cmd.IsSet("path") {
		return usageError("required flag %q not set (or give --format html for every operation)", "path")
	}
	return nil
}
