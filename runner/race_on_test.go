//go:build race

package runner

// raceDetector is true under `go test -race` (make test-race), which slows every memory
// access down: tests that push volume through the pipeline push less there.
const raceDetector = true
