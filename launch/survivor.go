package launch

import "fmt"

// StopSurvivor ends the process tree of an engine recorded (its Identity, from OnStart)
// before the app crashed, if it still exists, and never touches a process that merely reuses
// its pid. stopped is true when something was killed. An identity without a start stamp is
// refused: it cannot be told from a stranger.
func StopSurvivor(id Identity) (stopped bool, err error) {
	// pid 1 is init, and kill(-1) would signal every process of the user.
	if id.PID <= 1 {
		return false, fmt.Errorf("stop survivor: invalid pid %d", id.PID)
	}
	if id.Start == "" {
		return false, fmt.Errorf("stop survivor %d: no start stamp was recorded, so it cannot be told from another process", id.PID)
	}
	return stopSurvivor(id)
}
