//go:build !windows

package winetest

// Detected: outside Windows there is no Wine to run in (the tests run natively).
func Detected() bool { return false }

func has32BitSupport() bool { return true }
