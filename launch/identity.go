package launch

// Identity names one process instance. A pid alone is not enough: after the app crashed and
// restarted, the pid of an engine it recorded may belong to another program. Start is a
// stamp that differs between two processes that had the same pid: on Linux the boot id and
// the start time in clock ticks since boot ("<boot id>:<ticks>"), on macOS the start time, on
// Windows the creation time. It is empty where the OS gives none; StopSurvivor then refuses
// to act, since it cannot tell an engine from a stranger.
type Identity struct {
	PID   int    `json:"pid"`
	Start string `json:"start"`
}
