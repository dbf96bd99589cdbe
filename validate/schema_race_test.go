//go:build race

package validate

// raceDetector is set in a test binary built with -race, which runs
// kin-openapi ten times slower: the comparison over the bench files, one
// goroutine's work the detector has nothing to find in, is left to the
// plain run.
const raceDetector = true
