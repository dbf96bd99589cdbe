//go:build race

package cli

// raceDetector: this test binary runs under the race detector.
const raceDetector = true
