//go:build race

package app

// raceDetector is true under `go test -race` (make test-race), which slows every memory access
// and multiplies the memory a process uses: tests that push volume push less, and memory
// bounds are measured and asserted by `make test-go` without it.
const raceDetector = true
