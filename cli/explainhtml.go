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

// requireOperation checks the flags that name one operation, which every
// format but html needs.
func requireOperation(cmd *ucli.Command) error {
	for _, flag := range []string{"path", "method"} {
		if !cmd.IsSet(flag) {
			return usageError("required flag %q not set (or give --format html for every operation)", flag)
		}
	}
	return nil
}
