//go:build !race

package app

// raceDetector is true under `go test -race` (make test-race); see race_on_test.go.
const raceDetector = false
