//go:build !embedworker

package workerbin

var compressed []byte
