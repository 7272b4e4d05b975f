package launch

import "testing"

// Windows creates every program suspended (so it is in its job before it runs), without a
// console window, and in a process group of its own. Checked on every OS: the Windows code
// uses this one constant.
func TestWindowsCreationFlags(t *testing.T) {
	for _, f := range []struct {
		name  string
		value uint32
	}{
		{"CREATE_SUSPENDED", 0x4},
		{"CREATE_NEW_PROCESS_GROUP", 0x200},
		{"CREATE_NO_WINDOW", 0x08000000},
	} {
		if windowsCreationFlags&f.value != f.value {
			t.Errorf("creation flags %#x lack %s (%#x)", windowsCreationFlags, f.name, f.value)
		}
	}
	if windowsCreationFlags != 0x4|0x200|0x08000000 {
		t.Errorf("creation flags %#x have more than the three", windowsCreationFlags)
	}
}
