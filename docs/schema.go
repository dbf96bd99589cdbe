// Package docs embeds the documents the binary needs at run time. The
// configuration's JSON Schema lives here, beside the documentation that
// links to it, because its $id (the raw file on main) is where editors
// fetch it; lint validates every configuration against this same file.
package docs

import _ "embed"

// ConfigSchema is config.schema.json, the JSON Schema of .apigw-oas.yaml.
//
//go:embed config.schema.json
var ConfigSchema []byte
