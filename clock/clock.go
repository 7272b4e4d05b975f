// Package clock is the time the app's timers read: the progress throttle, the event
// coalescer, the stall watchdog, the ETA. Tests pass a manual clock (internal/fakeclock) and
// move it by hand instead of sleeping.
package clock

import "time"

// Clock tells the time and calls a function later.
type Clock interface {
	Now() time.Time
	AfterFunc(d time.Duration, f func()) Timer
}

// Timer is a pending AfterFunc.
type Timer interface {
	Stop() bool
}

// System is the real time.
func System() Clock { return systemClock{} }

type systemClock struct{}

func (systemClock) Now() time.Time { return time.Now() }

func (systemClock) AfterFunc(d time.Duration, f func()) Timer { return time.AfterFunc(d, f) }
