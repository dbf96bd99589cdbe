// Package read is what every format's importer reads through: Value, a
// cursor over a parsed file that knows its key, JSON pointer and span; the
// typed fields built from it; Container, the file a container format's
// importer fills; Refs, the $ref policy; the key styles of integration
// settings (camelCase, PascalCase, snake_case); and CloudFormation's
// intrinsic functions, which CloudFormation, SAM and Serverless templates
// share.
package read
