package launch

// Windows process creation flags, defined here without build tags so that a test on any OS
// can check them (golang.org/x/sys/windows only builds on Windows).
const (
	createSuspended       = 0x00000004 // CREATE_SUSPENDED: not one instruction before it is in its job
	createNewProcessGroup = 0x00000200 // CREATE_NEW_PROCESS_GROUP: the app's Ctrl+C is not the engine's
	createNoWindow        = 0x08000000 // CREATE_NO_WINDOW: no console window flashes up for the engine

	// windowsCreationFlags are the flags every process is created with on Windows.
	windowsCreationFlags = createSuspended | createNewProcessGroup | createNoWindow
)
