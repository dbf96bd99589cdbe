//go:build !race

package validate

// raceDetector: see schema_race_test.go.
const raceDetector = false
