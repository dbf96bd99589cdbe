package rules

import "github.com/apigw-oas/apigw-oas/model"

func templateNames(ts []model.Named) string {
	names := make([]string, len(ts))
	for i, t := range ts {
		names[i] = t.Name.Raw
	}
	return listText(names)
}
