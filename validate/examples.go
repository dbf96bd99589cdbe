package validate

// isExample reports whether the value of key, in a mapping written under
// mapKey inside a mapping written under mapParent, is an example value:
// a schema's, media type's or parameter's "example", or the "value" of an
// Example object in an "examples" map. Examples are data: brokenRefs
// does not look into them for $refs. The "example" key of a map of names
// ("properties": {"example": …}) is a name, not an example.
func isExample(key, mapKey, mapParent string) bool {
	switch key {
	case "example":
		return !namedMaps[mapKey]
	case "value":
		return mapParent == "examples"
	}
	return false
}

// namedMaps are the OpenAPI fields whose keys are names chosen by the
// author, any of which may be "example".
var namedMaps = map[string]bool{
	"properties": true, "patternProperties": true, "definitions": true, "$defs": true,
	"schemas": true, "responses": true, "parameters": true, "headers": true, "examples": true,
	"requestBodies": true, "securitySchemes": true, "links": true, "callbacks": true,
	"content": true, "encoding": true, "variables": true, "mapping": true, "paths": true,
	"webhooks": true, "pathItems": true, "dependentSchemas": true, "scopes": true,
}
