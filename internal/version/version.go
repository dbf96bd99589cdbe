// Package version says which apigw-oas is running, in one format for
// everything that prints it: --version, the version command and the SARIF
// driver.
package version

import (
	"runtime/debug"
	"strings"

	"github.com/apigw-oas/apigw-oas/internal/lazyregexp"
)

// devel is the version of a build Go recorded no module version for (go
// run, -buildvcs=false, a build outside a repository): a pre-release of
// 0.0.0, so it sorts before every release.
const devel = "v0.0.0-devel"

// Module is the module version Go recorded in the binary: the tag for go
// install …@v0.1.0, a pseudo-version (v0.1.1-0.20261202123456-0123456789ab,
// "+dirty" when the tree had changes) for a build from a checkout, else
// v0.0.0-devel.
func Module() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return devel
	}
	return moduleOf(info)
}

func moduleOf(info *debug.BuildInfo) string {
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	return devel
}

// semver is a Semantic Versioning 2.0 version, without the "v" Go puts
// before it.
var semver = lazyregexp.New(`^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$`)

var notSemverIdentifier = lazyregexp.New(`[^0-9A-Za-z.-]+`)

// Semantic is v as Semantic Versioning 2.0 wants it (SARIF's
// semanticVersion, numeric first so viewers can compare): "v1.2.3" is
// 1.2.3, and a version that is not semantic, such as "devel" or "(devel)",
// becomes a pre-release of 0.0.0. "" stays "".
func Semantic(v string) string {
	v = strings.TrimPrefix(v, "v")
	if v == "" || semver.MatchString(v) {
		return v
	}
	return "0.0.0-" + strings.Trim(notSemverIdentifier.ReplaceAllString(v, "-"), "-")
}
